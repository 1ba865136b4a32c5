#!/usr/bin/env bash
# Builds the JMH jar and runs the RatioReport (subject/reference ratios, see /work/shared/benchmarks.md).
#   bench/run.sh --smoke            # CI: ~1 s per benchmark, one round
#   bench/run.sh                    # full: 3 interleaved rounds, 2×1 s warm-up, 3×1 s measurement
#   bench/run.sh --rounds 5 --gc    # more rounds, with allocated bytes per operation
#   bench/run.sh --only 'CC|CRR|RR|BULK|IDLE|ALLOC' --footprint-heap 10g   # the TCP set (README, Performance)
# Pinned to CPU 0 (taskset -c 0, inherited by the JMH forks); BENCH_PIN=0 runs unpinned for comparison.
# BENCH_SKIP_BUILD=1 reuses bench/target/benchmarks.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" || "$(java_major "$JAVA_HOME")" -lt 25 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -pl bench -am package -DskipTests
fi

pin=()
if [[ "${BENCH_PIN:-1}" != 0 ]] && command -v taskset >/dev/null; then
  pin=(taskset -c 0)
fi
echo "load before run: $(cut -d' ' -f1-3 /proc/loadavg)  pin: ${pin[*]:-none}" >&2
exec "${pin[@]}" "$JAVA_HOME/bin/java" -Xms256m -Xmx256m --sun-misc-unsafe-memory-access=allow -cp bench/target/benchmarks.jar \
  io.jnetstack.bench.RatioReport "$@"
