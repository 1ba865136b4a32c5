package io.jnetstack.pktrun;

import io.jnetstack.pkt.Expr;
import io.jnetstack.pkt.TcpOption;
import java.util.List;
import java.util.StringJoiner;

/** Script-syntax text for failure messages: expressions, flags, options, and a sent packet as a script line. */
final class Describe {
    private Describe() {}

    static String expr(Expr e) {
        return switch (e) {
            case Expr.Int i -> i.hex() ? "0x" + Long.toHexString(i.value()) : Long.toString(i.value());
            case Expr.Str s -> '"' + s.value() + '"' + (s.truncated() ? "..." : "");
            case Expr.Ellipsis x -> "...";
            case Expr.Null n -> "NULL";
            case Expr.Name n -> n.name();
            case Expr.Binary b -> expr(b.left()) + " " + b.operator() + " " + expr(b.right());
            case Expr.Array a -> "[" + join(a.elements()) + "]";
            case Expr.Struct s -> {
                StringJoiner j = new StringJoiner(", ", "{", "}");
                for (Expr.Field f : s.fields()) {
                    j.add(f.name().map(n -> n + "=").orElse("") + expr(f.value()));
                }
                yield j.toString();
            }
            case Expr.Call c -> c.function() + "(" + join(c.arguments()) + ")";
        };
    }

    private static String join(List<Expr> list) {
        StringJoiner j = new StringJoiner(", ");
        list.forEach(x -> j.add(expr(x)));
        return j.toString();
    }

    /** Flag bits in tcpdump / packetdrill letters: {@code S.}, {@code F.}, {@code R}, {@code SEW}, {@code .}. */
    static String flags(int bits) {
        StringBuilder b = new StringBuilder();
        String letters = "FSRP";
        for (int i = 0; i < 4; i++) {
            if ((bits & 1 << i) != 0) {
                b.append(letters.charAt(i));
            }
        }
        if ((bits & 0x20) != 0) {
            b.append('U');
        }
        if ((bits & 0x40) != 0) {
            b.append('E');
        }
        if ((bits & 0x80) != 0) {
            b.append('W');
        }
        if ((bits & 0x100) != 0) {
            b.append('A');
        }
        if ((bits & 0x10) != 0) {
            b.append('.');
        }
        return b.isEmpty() ? "-" : b.toString();
    }

    static String scriptOptions(List<TcpOption> options) {
        StringJoiner j = new StringJoiner(",");
        for (TcpOption o : options) {
            j.add(switch (o) {
                case TcpOption.Nop n -> "nop";
                case TcpOption.Eol e -> "eol";
                case TcpOption.Mss m -> "mss " + m.value();
                case TcpOption.WindowScale w -> "wscale " + w.shift();
                case TcpOption.SackPermitted s -> "sackOK";
                case TcpOption.Sack s -> "sack " + String.join(" ",
                        s.blocks().stream().map(b -> b.left() + ":" + b.right()).toList());
                case TcpOption.Timestamp t -> "TS val " + (t.value().isPresent() ? t.value().getAsLong() : "...")
                        + " ecr " + t.echoReply();
                case TcpOption.FastOpen f -> "FO " + f.cookieHex();
                case TcpOption.Md5 m -> "md5 " + m.digest();
            });
        }
        return j.toString();
    }

    static String wireOptions(List<WirePacket.Option> options, Flow flow) {
        StringJoiner j = new StringJoiner(",");
        for (WirePacket.Option o : options) {
            j.add(switch (o.kind()) {
                case 0 -> "eol";
                case 1 -> "nop";
                case 2 -> o.data().length == 2 ? "mss " + o.u16(0) : "mss?";
                case 3 -> o.data().length == 1 ? "wscale " + (o.data()[0] & 0xFF) : "wscale?";
                case 4 -> "sackOK";
                case 5 -> {
                    StringJoiner s = new StringJoiner(" ", "sack ", "");
                    for (int i = 0; i + 8 <= o.data().length; i += 8) {
                        s.add(o.u32(i) + ":" + o.u32(i + 4));
                    }
                    yield s.toString();
                }
                case 8 -> o.data().length == 8 ? "TS val " + scriptTsVal(o.u32(0), flow) + " ecr " + o.u32(4) : "TS?";
                case 19 -> "md5 " + java.util.HexFormat.of().formatHex(o.data());
                case 34 -> "FO " + java.util.HexFormat.of().formatHex(o.data());
                default -> "kind " + o.kind();
            });
        }
        return j.toString();
    }

    private static long scriptTsVal(long live, Flow flow) {
        return flow.liveTsBase == null ? live : (live - flow.liveTsBase + flow.scriptTsBase) & 0xFFFF_FFFFL;
    }

    /** A sent packet as a script line, with the host's numbers made relative as the script writes them. */
    static String packet(WirePacket p, Flow flow) {
        if (p.tcp() == null) {
            return (p.protocol() == 17 ? "udp" : p.protocol() == 1 || p.protocol() == 58 ? "icmp" : "protocol "
                    + p.protocol()) + " (" + p.transport().length + " bytes)";
        }
        WirePacket.Tcp t = p.tcp();
        long seq = flow.localIsn == null ? 0 : flow.scriptLocalSeq(t.seq());
        StringBuilder b = new StringBuilder();
        b.append(flags(t.flags())).append(' ').append(seq).append(':').append(seq + t.payloadLength())
                .append('(').append(t.payloadLength()).append(')');
        if ((t.flags() & 0x10) != 0) {
            b.append(" ack ").append(Integer.toUnsignedLong(t.ack()));
        }
        b.append(" win ").append(t.window());
        if (!t.options().isEmpty()) {
            b.append(" <").append(wireOptions(t.options(), flow)).append('>');
        }
        if (p.udp() != null) {
            b.append("/udp(").append(p.udp().sourcePort()).append(" > ").append(p.udp().destinationPort()).append(')');
        }
        if ((p.tos() & 3) != 0) {
            b.append(" [ecn ").append(p.tos() & 3).append(']');
        }
        return b.toString();
    }
}
