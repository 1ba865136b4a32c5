/**
 * The packetdrill-dialect script language: a lexer and parser turning the text of a packetdrill script (the
 * grammar of google/packetdrill and the NPLab fork used by freebsd-net/tcp-testsuite) into an immutable
 * syntax tree ({@link io.jnetstack.pkt.Script} and the records it holds).
 *
 * <p>Owns: tokens, the grammar, source positions and {@link io.jnetstack.pkt.ParseError}s naming what was
 * expected and what was found. Entry points: {@link io.jnetstack.pkt.Parser#parse} and
 * {@link io.jnetstack.pkt.Parser#tryParse}.
 *
 * <p>Must not: run anything (no system calls, no shell, no packets), touch the network stack, the simulator
 * or the socket layer, read a clock, or special-case a script. Running scripts belongs to the runner.
 */
package io.jnetstack.pkt;
