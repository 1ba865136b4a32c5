package io.jnetstack.pktrun;

import io.jnetstack.link.FrameObserver;
import io.jnetstack.personality.Personality;
import io.jnetstack.pkt.Event;
import io.jnetstack.pkt.Script;
import io.jnetstack.pkt.ScriptOption;
import java.util.List;
import java.util.Set;

/**
 * Runs one parsed script against a fresh simulated host running a personality, and says how it ended. Script
 * options: {@code --ip_version=ipv4|ipv6|ipv4-mapped-ipv6}, {@code --tolerance_usecs=N} (default 4000),
 * {@code --tolerance_percent=N} (default 5, the NPLab fork's on FreeBSD), {@code --mtu=N} (default 1500),
 * {@code --non_fatal=syscall}, {@code --udp_encapsulation=tcp} (TCP over UDP: segments written {@code /udp(sport >
 * dport)} travel inside UDP, and the host's UDP datagrams are read as the TCP segments they carry);
 * {@code --tcp_md5_secret=KEY} (the key the script's side signs its segments with and checks the host's
 * {@code md5 valid} signatures against, RFC 2385); {@code --udp_encapsulation=sctp} needs what jnetstack does not
 * model and makes the script a SKIP; any other option is an error. A backticked command before the first event and
 * one after the last run before and after the events.
 */
public final class ScriptRunner {
    private static final long SEED = 0x5EED_CAFEL;
    /**
     * The least tolerance on the host target: a call or packet there also waits for thread hand-offs and the JVM,
     * which took up to 70 ms on a loaded two-core machine (virtual time needs none).
     */
    static final long HOST_MIN_TOLERANCE_US = 100_000;

    private ScriptRunner() {}

    /**
     * Runs {@code script} (whose text is {@code text}, for quoting lines) on a host running {@code personality};
     * {@code tap} (nullable) sees every packet on the host's link.
     */
    public static ScriptResult run(Script script, String text, Personality personality, FrameObserver tap) {
        return run(script, text, personality, tap, false);
    }

    /**
     * Runs {@code script} on the machine's own kernel (a namespace and a TUN device of its own, in real time) when
     * {@code hostKernel}, else on a simulated host running {@code personality} (which must then be Linux's: the
     * host target speaks the Linux ABI).
     */
    public static ScriptResult run(Script script, String text, Personality personality, FrameObserver tap,
            boolean hostKernel) {
        ScriptNetwork net = null;
        try {
            Settings s = Settings.of(script.options());
            if (s.md5Secret != null && (hostKernel || !personality.tcpSignaturesFromSecurityAssociations())) {
                throw ScriptStop.skip("--tcp_md5_secret: TCP MD5 signatures (RFC 2385) are modelled for FreeBSD only"
                        + " (TCP_MD5SIG with setkey(8) associations), not for " + (hostKernel ? "the host kernel"
                        : personality.name()));
            }
            net = hostKernel ? hostNetwork(s) : new SimNetwork(personality, s.ipv6, s.mtu, SEED, tap);
            ScriptSource source = new ScriptSource(script.fileName(), text);
            List<Event> events = script.events(Set.of(switch (personality.os()) { // packetdrill's predefined symbol
                case LINUX -> "Linux";
                case FREEBSD -> "FreeBSD";
                case OPENBSD -> "OpenBSD";
                case MACOS -> "__APPLE__";
            }));
            long tolerance = hostKernel ? Math.max(s.toleranceUs, HOST_MIN_TOLERANCE_US) : s.toleranceUs;
            ScriptRun run = new ScriptRun(source, net, new Symbols(personality.abi()), s.inet6Sockets, tolerance,
                    s.tolerancePercent, s.syscallsNonFatal, s.tcpInUdp, s.md5Secret);
            // packetdrill run.c run_script: the init command runs before the first event, the cleanup command
            // after the last one (and, as here, not when the script failed)
            if (script.initCommand().isPresent()) {
                run.command("init command: ", script.initCommand().get());
            }
            run.run(events);
            if (script.cleanupCommand().isPresent()) {
                run.command("cleanup command: ", script.cleanupCommand().get());
            }
            return new ScriptResult(ScriptResult.Verdict.PASS, "", net.nowNs());
        } catch (ScriptStop stop) {
            return new ScriptResult(stop.verdict(), stop.getMessage(), net == null ? 0 : net.nowNs());
        } catch (RuntimeException bug) {
            return new ScriptResult(ScriptResult.Verdict.FAIL, "internal error: " + bug,
                    net == null ? 0 : net.nowNs());
        } finally {
            if (net != null) {
                net.close();
            }
        }
    }

    private static ScriptNetwork hostNetwork(Settings s) {
        try {
            return new HostNetwork(s.ipv6, s.mtu);
        } catch (java.io.IOException | RuntimeException e) {
            throw ScriptStop.fail("cannot set up the host target: " + e.getMessage());
        }
    }

    /** The script's command-line options, checked. */
    private record Settings(boolean ipv6, boolean inet6Sockets, long toleranceUs, long tolerancePercent, int mtu,
            boolean syscallsNonFatal, boolean tcpInUdp, byte[] md5Secret) {
        static Settings of(List<ScriptOption> options) {
            boolean ipv6 = false;
            boolean inet6 = false;
            long tolerance = 4000;
            long percent = 5;
            int mtu = 1500;
            boolean nonFatal = false;
            boolean tcpInUdp = false;
            byte[] md5Secret = null;
            for (ScriptOption o : options) {
                String v = o.value().orElse("");
                switch (o.name()) {
                    case "ip_version" -> {
                        switch (v) {
                            case "ipv4" -> { ipv6 = false; inet6 = false; }
                            case "ipv6" -> { ipv6 = true; inet6 = true; }
                            case "ipv4-mapped-ipv6", "ipv4_mapped_ipv6" -> { ipv6 = false; inet6 = true; }
                            default -> throw ScriptStop.fail("line " + o.position().line()
                                    + ": --ip_version must be ipv4, ipv6 or ipv4-mapped-ipv6, not '" + v + "'");
                        }
                    }
                    case "tolerance_usecs" -> tolerance = number(o, v, 0, 100_000_000);
                    case "tolerance_percent" -> percent = number(o, v, 0, 100);
                    case "mtu" -> mtu = (int) number(o, v, 68, 65_535);
                    case "non_fatal" -> {
                        for (String kind : v.split(",")) {
                            switch (kind) {
                                case "syscall" -> nonFatal = true;
                                case "packet" -> throw ScriptStop.skip("--non_fatal=packet is not modelled");
                                default -> throw ScriptStop.fail("line " + o.position().line()
                                        + ": --non_fatal takes syscall or packet, not '" + kind + "'");
                            }
                        }
                    }
                    case "udp_encapsulation" -> {
                        switch (v) {
                            case "tcp" -> tcpInUdp = true;
                            case "sctp" -> throw ScriptStop.skip("--udp_encapsulation=sctp: SCTP is not modelled");
                            default -> throw ScriptStop.fail("line " + o.position().line()
                                    + ": --udp_encapsulation takes tcp or sctp, not '" + v + "'");
                        }
                    }
                    // NPLab packetdrill config.c OPT_TCP_MD5_SECRET: the bytes of the argument
                    case "tcp_md5_secret" -> md5Secret = v.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    default -> throw ScriptStop.fail("line " + o.position().line() + ": unknown option --" + o.name());
                }
            }
            return new Settings(ipv6, inet6, tolerance, percent, mtu, nonFatal, tcpInUdp, md5Secret);
        }

        private static long number(ScriptOption o, String v, long min, long max) {
            try {
                long n = Long.parseLong(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException notNumber) {
                // reported below
            }
            throw ScriptStop.fail("line " + o.position().line() + ": --" + o.name() + " needs a number from " + min
                    + " to " + max + ", not '" + v + "'");
        }
    }
}
