package io.jnetstack.demo;

import io.jnetstack.sim.Simulation;
import io.jnetstack.stack.StackListener;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Turns stack reports into the lines {@code ping} and {@code traceroute} print, and counts outcomes. */
public final class PingReporter {
    private final Simulation sim;
    private final Consumer<String> out;
    private final Map<String, Long> sentAt = new LinkedHashMap<>();
    private final Map<String, Integer> outcomes = new LinkedHashMap<>();

    /** Outcome counts by kind ("reply", "host unreachable", "lost", ...), in first-seen order. */
    public record Summary(Map<String, Integer> outcomes) {
        /** The count for one kind (0 when never seen). */
        public int count(String kind) {
            return outcomes.getOrDefault(kind, 0);
        }
    }

    PingReporter(Simulation sim, Consumer<String> out) {
        this.sim = sim;
        this.out = out;
    }

    void sent(String host, IpAddress dst, int seq, long nowNs) {
        sentAt.put(key(host, dst, seq), nowNs);
    }

    StackListener listenerFor(String host) {
        return new StackListener() {
            @Override
            public void onEchoReply(IpAddress from, int id, int seq, int ttl, int len, long nowNs) {
                Long t0 = sentAt.remove(key(host, from, seq));
                String rtt = t0 == null ? "?" : String.format(Locale.ROOT, "%.3f", (nowNs - t0) / 1e6);
                line(host, (len + 8) + " bytes from " + from + ": icmp_seq=" + seq + " ttl=" + ttl + " time=" + rtt
                        + " ms", "reply");
            }

            @Override
            public void onIcmpError(IcmpReport r, long nowNs) {
                String what = describe(r);
                boolean echo = r.origin().protocol() == IpProtocol.ICMP || r.origin().protocol() == IpProtocol.ICMPV6;
                if (echo) {
                    sentAt.remove(key(host, r.destination(), r.origin().second()));
                    line(host, "From " + r.reporter() + " icmp_seq=" + r.origin().second() + " " + what, what);
                } else {
                    line(host, "probe to " + r.destination() + " port " + r.origin().second() + ": " + what + " from "
                            + r.reporter(), what);
                }
            }

            @Override
            public void onTcpEvent(io.jnetstack.stack.TcpHandle h, io.jnetstack.stack.tcp.TcpEvent e, long nowNs) {
                line(host, "tcp " + h + ": " + e, "tcp " + e);
            }

            @Override
            public void onLocalFailure(IpAddress dst, LocalFailure f, Origin o, long nowNs) {
                String what = switch (f) {
                    case NO_ROUTE -> "Network is unreachable (no route)";
                    case REJECT_ROUTE -> "Network is unreachable (reject route)";
                    case NEIGHBOR_UNREACHABLE -> "Destination Host Unreachable";
                    case INTERFACE_DOWN -> "Network is down";
                };
                sentAt.remove(key(host, dst, o.second()));
                line(host, "From " + host + " icmp_seq=" + o.second() + " " + what + " (to " + dst + ", local)",
                        "local " + what);
            }
        };
    }

    private static String describe(StackListener.IcmpReport r) {
        if (r.version() == 4) {
            return switch (r.type()) {
                case 3 -> switch (r.code()) {
                    case 0 -> "Destination Net Unreachable";
                    case 1 -> "Destination Host Unreachable";
                    case 3 -> "Destination Port Unreachable";
                    case 4 -> "Frag needed and DF set (mtu = " + (r.restOfHeader() & 0xFFFF) + ")";
                    case 13 -> "Communication Administratively Prohibited";
                    default -> "Destination Unreachable, code " + r.code();
                };
                case 11 -> r.code() == 0 ? "Time to live exceeded" : "Frag reassembly time exceeded";
                default -> "ICMP type " + r.type() + " code " + r.code();
            };
        }
        return switch (r.type()) {
            case 1 -> switch (r.code()) {
                case 0 -> "Destination unreachable: No route";
                case 3 -> "Destination unreachable: Address unreachable";
                case 4 -> "Destination unreachable: Port unreachable";
                default -> "Destination unreachable, code " + r.code();
            };
            case 2 -> "Packet too big: mtu=" + r.restOfHeader();
            case 3 -> "Time exceeded: Hop limit";
            default -> "ICMPv6 type " + r.type() + " code " + r.code();
        };
    }

    private void line(String host, String text, String kind) {
        outcomes.merge(kind, 1, Integer::sum);
        out.accept(String.format(Locale.ROOT, "%13s %-6s %s", io.jnetstack.link.Tracer.formatTime(sim.nowNs()),
                host + ":", text));
    }

    void finish() {
        for (String k : sentAt.keySet()) {
            outcomes.merge("lost", 1, Integer::sum);
            out.accept("no answer: " + k.replace('|', ' '));
        }
        sentAt.clear();
        out.accept("");
        out.accept("summary: " + outcomes);
    }

    Summary summary() {
        return new Summary(Map.copyOf(outcomes));
    }

    private static String key(String host, IpAddress dst, int seq) {
        return host + "|" + dst + "|icmp_seq=" + seq;
    }
}
