/**
 * JMH benchmarks and the {@link io.jnetstack.bench.RatioReport} harness. Every figure is a ratio of a subject to
 * a reference measured in the same run (see /work/shared/benchmarks.md); absolute numbers are printed, never gated.
 *
 * <p>Owns: benchmark workloads and reporting. Must not: be depended on by core, or gate CI on a ratio.
 */
package io.jnetstack.bench;
