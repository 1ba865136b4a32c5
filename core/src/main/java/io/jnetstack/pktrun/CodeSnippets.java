package io.jnetstack.pktrun;

import io.jnetstack.socket.TcpSocketView;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code %{ ... }%} snippets the FreeBSD suite uses, evaluated at their time against the socket under test (the
 * descriptor the last system call named), as packetdrill evaluates its Python snippets over the tcp_info it took
 * at that moment: {@code assert tcpi_state == TCPI_NAME} (FreeBSD tcp_fsm.h TCPS_*) and
 * {@code assert tcpi_options == 0 | NAME | (NAME | NAME ...)} (TCPI_OPT_TIMESTAMPS, _SACK, _WSCALE, _ECN). Any other
 * snippet is not modelled.
 */
final class CodeSnippets {
    private static final Pattern STATE = Pattern.compile("assert\\s+tcpi_state\\s*==\\s*TCPI_(\\w+)");
    private static final Pattern OPTIONS = Pattern.compile("assert\\s+tcpi_options\\s*==\\s*\\(?([\\w\\s|]+?)\\)?");
    private static final Map<Class<?>, String> STATES = Map.ofEntries(
            Map.entry(io.jnetstack.stack.tcp.TcpState.Closed.class, "CLOSED"),
            Map.entry(io.jnetstack.stack.tcp.TcpState.SynSent.class, "SYN_SENT"),
            Map.entry(io.jnetstack.stack.tcp.TcpState.SynReceived.class, "SYN_RECEIVED"),
            Map.entry(io.jnetstack.stack.tcp.TcpState.Established.class, "ESTABLISHED"),
            Map.entry(io.jnetstack.stack.tcp.TcpState.CloseWait.class, "CLOSE_WAIT"),
            Map.entry(io.jnetstack.stack.tcp.TcpState.FinWait1.class, "FIN_WAIT_1"),
            Map.entry(io.jnetstack.stack.tcp.TcpState.Closing.class, "CLOSING"),
            Map.entry(io.jnetstack.stack.tcp.TcpState.LastAck.class, "LAST_ACK"),
            Map.entry(io.jnetstack.stack.tcp.TcpState.FinWait2.class, "FIN_WAIT_2"),
            Map.entry(io.jnetstack.stack.tcp.TcpState.TimeWait.class, "TIME_WAIT"));

    private final SimNetwork net;

    CodeSnippets(SimNetwork net) {
        this.net = net;
    }

    /** Evaluates {@code code} on descriptor {@code fd}; a false assertion fails the script. */
    void run(String prefix, String code, int fd) {
        String text = code.strip();
        Matcher st = STATE.matcher(text);
        Matcher op = OPTIONS.matcher(text);
        if (!st.matches() && !op.matches()) {
            throw ScriptStop.skip(prefix + "code snippet %{ " + text + " }% is not modelled (only assertions on"
                    + " tcpi_state and tcpi_options are)");
        }
        TcpSocketView s = net.process.kernelProcess().tcpSockets().stream().filter(v -> v.fd() == fd).findFirst()
                .orElseThrow(() -> ScriptStop.fail(prefix + "%{ " + text + " }%: descriptor " + fd
                        + " is not a TCP socket"));
        if (st.matches()) {
            String actual = s.state() != null ? STATES.get(s.state().getClass()) : s.listening() ? "LISTEN" : "CLOSED";
            if (!actual.equals(st.group(1))) {
                throw ScriptStop.fail(prefix + "%{ " + text + " }% is false: tcpi_state is TCPI_" + actual);
            }
            return;
        }
        TreeSet<String> expected = new TreeSet<>();
        for (String part : op.group(1).split("\\|")) {
            String name = part.strip();
            if (!name.equals("0")) {
                if (!name.startsWith("TCPI_OPT_")) {
                    throw ScriptStop.skip(prefix + "code snippet %{ " + text + " }% is not modelled (" + name + ")");
                }
                expected.add(name);
            }
        }
        TreeSet<String> actual = new TreeSet<>();
        if (s.timestamps()) {
            actual.add("TCPI_OPT_TIMESTAMPS");
        }
        if (s.sack()) {
            actual.add("TCPI_OPT_SACK");
        }
        if (s.windowScaling()) {
            actual.add("TCPI_OPT_WSCALE");
        }
        if (s.ecn()) {
            actual.add("TCPI_OPT_ECN");
        }
        if (!actual.equals(expected)) {
            throw ScriptStop.fail(prefix + "%{ " + text + " }% is false: tcpi_options is "
                    + (actual.isEmpty() ? "0" : String.join(" | ", actual)));
        }
    }
}
