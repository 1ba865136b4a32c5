package io.jnetstack.pktrun;

import io.jnetstack.personality.Os;
import io.jnetstack.socket.TcpSocketView;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands the FreeBSD test suite runs besides {@code sysctl -w}, modelled on the simulated host:
 * {@code sockstat -4|-6 -P tcp [-p PORT] -s [| grep packetdril] | grep -c STATE | grep N} (sockstat(1): the TCP
 * sockets with their states; the pipeline succeeds when the count, as text, contains N, as grep does),
 * {@code tcpdrop -s TIME_WAIT} (tcpdrop(8): drop every TIME-WAIT connection), {@code kldstat -q -m tcpmd5 [||
 * kldload tcpmd5]} (the TCP-MD5 module is there), {@code echo '...' | setkey -c} (setkey(8) statements, see
 * {@link SetkeyInput}, applied to the host's security associations) and {@code setkey -F} (flush them). Commands
 * separated by {@code ;} run in turn. Any other command is not modelled.
 */
final class HostCommands {
    /** The tools each OS's userland has, of those modelled here. */
    private static final Map<Os, Set<String>> TOOLS = Map.of(
            Os.FREEBSD, Set.of("sockstat", "tcpdrop", "kldstat", "echo", "setkey"),
            Os.LINUX, Set.of(), Os.OPENBSD, Set.of(), Os.MACOS, Set.of());
    private static final Pattern SOCKSTAT = Pattern.compile(
            "sockstat -([46]) -P tcp(?: -p (\\d+))? -s(?: -p (\\d+))?( \\| grep packetdril)? \\| grep -c (\\w+)"
                    + " \\| grep (\\S+)");
    private static final Pattern TCPDROP = Pattern.compile("tcpdrop -s TIME_WAIT");
    /** kldstat(8) -q -m: whether a module is loaded; kldload(8) loads it. Only tcpmd5 (netipsec/xform_tcp.c). */
    private static final Pattern KLDSTAT = Pattern.compile("kldstat -q -m (\\S+)(?: \\|\\| kldload (\\S+))?");
    private static final Pattern SETKEY_STDIN = Pattern.compile("(?s)\\s*echo\\s+'([^']*)'\\s*\\|\\s*setkey\\s+-c\\s*");
    private static final Pattern SETKEY_FLUSH = Pattern.compile("setkey -F");
    /** FreeBSD tcp_fsm.h tcpstates[], as sockstat prints them. */
    private static final Map<Class<?>, String> STATE_NAMES = Map.ofEntries(
            Map.entry(TcpState.Closed.class, "CLOSED"), Map.entry(TcpState.SynSent.class, "SYN_SENT"),
            Map.entry(TcpState.SynReceived.class, "SYN_RCVD"), Map.entry(TcpState.Established.class, "ESTABLISHED"),
            Map.entry(TcpState.CloseWait.class, "CLOSE_WAIT"), Map.entry(TcpState.FinWait1.class, "FIN_WAIT_1"),
            Map.entry(TcpState.Closing.class, "CLOSING"), Map.entry(TcpState.LastAck.class, "LAST_ACK"),
            Map.entry(TcpState.FinWait2.class, "FIN_WAIT_2"), Map.entry(TcpState.TimeWait.class, "TIME_WAIT"));

    private final SimNetwork net;
    private final Os os;

    HostCommands(SimNetwork net, Os os) {
        this.net = net;
        this.os = os;
    }

    /** Runs {@code text}; throws a FAIL when the command fails and a SKIP when it is not modelled. */
    void run(String prefix, String text) {
        for (String part : split(text, ';')) {
            if (!part.isBlank()) {
                runOne(prefix, part);
            }
        }
    }

    private void runOne(String prefix, String raw) {
        String cmd = raw.strip().replaceAll("\\s+", " ");
        String tool = cmd.split(" ", 2)[0];
        if (!TOOLS.get(os).contains(tool)) {
            throw ScriptStop.skip(prefix + "shell command `" + cmd + "` is not modelled (only `sysctl -w NAME=VALUE`"
                    + (TOOLS.get(os).isEmpty() ? "" : ", sockstat, tcpdrop, kldstat and setkey") + ")");
        }
        Matcher m = SOCKSTAT.matcher(cmd);
        if (m.matches()) {
            boolean ipv6 = m.group(1).equals("6");
            int port = m.group(2) != null ? Integer.parseInt(m.group(2))
                    : m.group(3) != null ? Integer.parseInt(m.group(3)) : -1;
            long count = sockstat(ipv6, port, m.group(4) != null).stream().filter(l -> l.contains(m.group(5)))
                    .count();
            if (!Long.toString(count).contains(m.group(6))) {
                throw ScriptStop.fail(prefix + "`" + cmd + "` failed: " + count + " " + m.group(5) + " socket"
                        + (count == 1 ? "" : "s") + " listed");
            }
            return;
        }
        if (TCPDROP.matcher(cmd).matches()) {
            net.host.stack().tcpDropTimeWait();
            return;
        }
        Matcher k = KLDSTAT.matcher(cmd);
        if (k.matches() && k.group(1).equals("tcpmd5") && (k.group(2) == null || k.group(2).equals("tcpmd5"))) {
            return; // the TCP-MD5 support is always there (a kernel built with TCP_SIGNATURE)
        }
        Matcher e = SETKEY_STDIN.matcher(raw);
        if (e.matches()) {
            setkey(prefix, e.group(1));
            return;
        }
        if (SETKEY_FLUSH.matcher(cmd).matches()) {
            net.host.stack().securityAssociations().flush();
            return;
        }
        throw ScriptStop.skip(prefix + "shell command `" + cmd + "` is not modelled (only these forms are: "
                + "`sockstat -4|-6 -P tcp [-p PORT] -s [| grep packetdril] | grep -c STATE | grep N`, "
                + "`tcpdrop -s TIME_WAIT`, `kldstat -q -m tcpmd5 [|| kldload tcpmd5]`, `echo '...' | setkey -c`, "
                + "`setkey -F`)");
    }

    /** setkey -c: every statement is checked before any is applied (setkey parses its input first). */
    private void setkey(String prefix, String input) {
        var sadb = net.host.stack().securityAssociations();
        for (SetkeyInput.Statement st : SetkeyInput.parse(prefix, input)) {
            switch (st) {
                case SetkeyInput.Add a -> {
                    if (!sadb.add(a.association())) {
                        throw ScriptStop.fail(prefix + "setkey: adding " + a.association().source() + " > "
                                + a.association().destination() + " SPI " + a.association().spi()
                                + " failed: File exists (key.c key_add)");
                    }
                }
                case SetkeyInput.Flush f -> sadb.flush();
            }
        }
    }

    /** {@code s} split at {@code sep} outside single and double quotes. */
    static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == sep) {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(ch);
        }
        out.add(cur.toString());
        return out;
    }

    /**
     * sockstat's lines: the script process's TCP sockets ("packetdrill"), then connections no descriptor holds
     * ("?": an accept queue's, one whose socket was closed, and the syncache's half-open entries, which
     * tcp_subr.c tcp_pcblist() adds through syncache_pcblist()).
     */
    private List<String> sockstat(boolean ipv6, int port, boolean ownOnly) {
        List<String> lines = new ArrayList<>();
        List<int[]> owned = new ArrayList<>();
        for (TcpSocketView s : net.process.kernelProcess().tcpSockets()) {
            owned.add(new int[] {s.localPort(), s.foreignPort()});
            if (s.ipv6() == ipv6 && (port < 0 || s.localPort() == port || s.foreignPort() == port)) {
                String state = s.state() != null ? STATE_NAMES.get(s.state().getClass())
                        : s.listening() ? "LISTEN" : "CLOSED";
                lines.add("root packetdril " + s.fd() + " " + s.localPort() + " " + s.foreignPort() + " " + state);
            }
        }
        if (ownOnly) {
            return lines;
        }
        for (var e : net.host.stack().tcpConnectionStates()) {
            TcpHandle h = e.getKey();
            boolean isOwned = owned.stream().anyMatch(o -> o[0] == h.localPort() && o[1] == h.remotePort());
            boolean v6 = h.localAddress() instanceof io.jnetstack.wire.Ipv6Address;
            if (!isOwned && v6 == ipv6 && (port < 0 || h.localPort() == port
                    || h.remotePort() == port)) {
                lines.add("? ? ? " + h.localPort() + " " + h.remotePort() + " " + STATE_NAMES.get(e.getValue().getClass()));
            }
        }
        return lines;
    }
}
