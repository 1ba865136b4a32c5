/**
 * Runs packetdrill-dialect scripts ({@link io.jnetstack.pkt}) against a simulated host in virtual time: the script's
 * remote peer is a probe on a point-to-point link to the host, its system calls go to the host's
 * {@link io.jnetstack.socket.Syscalls} from one simulated process, its {@code sysctl -w} lines go to the host's
 * sysctls and the FreeBSD shell commands it models ({@code HostCommands}: sockstat, tcpdrop, kldstat, setkey) to the
 * host. Owns the event loop ({@code ScriptRun}), the mapping between script and live sequence numbers and
 * timestamps ({@code Flow}), building inbound packets ({@code InboundPackets}), matching outbound ones
 * ({@code OutboundMatch}), the outcome of a script ({@link io.jnetstack.pktrun.ScriptResult}) and of a suite
 * ({@link io.jnetstack.pktrun.SuiteRun}, honouring the suite's own expected failures).
 *
 * <p>May depend on: pkt, sim, socket, stack, link, wire, time, personality. Must not: special-case a script or a
 * suite, read a clock (scripts run in virtual time), or let a stack exception escape as a stack trace — a script
 * ends PASS, FAIL with the reason, or SKIP with the reason.
 */
package io.jnetstack.pktrun;
