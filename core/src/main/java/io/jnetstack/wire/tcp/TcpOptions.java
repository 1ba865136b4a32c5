package io.jnetstack.wire.tcp;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.tcp.TcpOption.Eol;
import io.jnetstack.wire.tcp.TcpOption.FastOpenCookie;
import io.jnetstack.wire.tcp.TcpOption.Mss;
import io.jnetstack.wire.tcp.TcpOption.Nop;
import io.jnetstack.wire.tcp.TcpOption.Sack;
import io.jnetstack.wire.tcp.TcpOption.SackBlock;
import io.jnetstack.wire.tcp.TcpOption.SackPermitted;
import io.jnetstack.wire.tcp.TcpOption.Timestamps;
import io.jnetstack.wire.tcp.TcpOption.UnknownOption;
import io.jnetstack.wire.tcp.TcpOption.WindowScale;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the TCP options area (RFC 9293 §3.2): the kind/length/value list after the fixed header. */
final class TcpOptions {
    private TcpOptions() {}

    /** True when {@code kind} with {@code data} would parse as a dedicated record rather than UnknownOption. */
    static boolean isModelled(int kind, ByteString data) {
        return switch (kind) {
            case TcpOption.KIND_EOL, TcpOption.KIND_NOP, TcpOption.KIND_MSS, TcpOption.KIND_WINDOW_SCALE,
                 TcpOption.KIND_SACK_PERMITTED, TcpOption.KIND_SACK, TcpOption.KIND_TIMESTAMPS -> true;
            case TcpOption.KIND_FAST_OPEN -> validCookieLength(data.length());
            case TcpOption.KIND_MD5_SIGNATURE -> data.length() == TcpOption.Md5Signature.DIGEST_LENGTH;
            case TcpOption.KIND_EXPERIMENT -> data.length() >= 2
                    && (data.u8(0) << 8 | data.u8(1)) == TcpOption.FAST_OPEN_MAGIC
                    && validCookieLength(data.length() - 2);
            default -> false;
        };
    }

    private static boolean validCookieLength(int n) {
        return n == 0 || (n >= 4 && n <= 16);
    }

    /**
     * Parses {@code b[start, end)} as an options list. {@code base} is the segment start, for offsets in details.
     * EOL ends the list and keeps the rest of the area as its trailing bytes.
     */
    static Parsed<List<TcpOption>> parse(byte[] b, int start, int end, int base) {
        List<TcpOption> out = new ArrayList<>();
        int i = start;
        while (i < end) {
            int kind = Bytes.u8(b, i);
            if (kind == TcpOption.KIND_EOL) {
                out.add(new Eol(ByteString.copyOf(b, i + 1, end - i - 1)));
                break;
            }
            if (kind == TcpOption.KIND_NOP) {
                out.add(new Nop());
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return Parsed.malformed(MalformedReason.OPTION_OVERRUN,
                        "option kind " + kind + " at offset " + (i - base) + " has no length byte");
            }
            int len = Bytes.u8(b, i + 1);
            if (len < 2) {
                return Parsed.malformed(MalformedReason.BAD_OPTION_LENGTH,
                        "option kind " + kind + " at offset " + (i - base) + " has length " + len + " < 2");
            }
            if (len > end - i) {
                return Parsed.malformed(MalformedReason.OPTION_OVERRUN, "option kind " + kind + " at offset "
                        + (i - base) + " length " + len + " runs past the options area by " + (len - (end - i)));
            }
            Parsed<TcpOption> one = decode(kind, b, i, len, i - base);
            if (one instanceof Parsed.Malformed<TcpOption> m) {
                return Parsed.malformed(m.reason(), m.detail());
            }
            out.add(one.orThrow());
            i += len;
        }
        return Parsed.ok(List.copyOf(out));
    }

    /** Decodes one option with a length byte at {@code b[i]}; {@code len} is already bounds-checked. */
    private static Parsed<TcpOption> decode(int kind, byte[] b, int i, int len, int at) {
        int v = i + 2;
        return switch (kind) {
            case TcpOption.KIND_MSS -> len != 4 ? badLength("MSS", len, "4", at)
                    : Parsed.ok(new Mss(Bytes.u16(b, v)));
            case TcpOption.KIND_WINDOW_SCALE -> len != 3 ? badLength("window scale", len, "3", at)
                    : Parsed.ok(new WindowScale(Bytes.u8(b, v)));
            case TcpOption.KIND_SACK_PERMITTED -> len != 2 ? badLength("SACK-permitted", len, "2", at)
                    : Parsed.ok(new SackPermitted());
            case TcpOption.KIND_SACK -> decodeSack(b, v, len, at);
            case TcpOption.KIND_TIMESTAMPS -> len != 10 ? badLength("timestamps", len, "10", at)
                    : Parsed.ok(new Timestamps(Bytes.getInt(b, v), Bytes.getInt(b, v + 4)));
            case TcpOption.KIND_MD5_SIGNATURE -> len == 18
                    ? Parsed.ok(new TcpOption.Md5Signature(ByteString.copyOf(b, v, 16)))
                    : Parsed.ok(new UnknownOption(kind, ByteString.copyOf(b, v, len - 2)));
            // A cookie length RFC 7413 §4.1.1 does not allow is kept opaque rather than rejected: receivers judge
            // it (FreeBSD tcp_dooptions: "Cookie length validation is performed by the server side cookie checking
            // code or the client side cookie cache update code"; Linux tcp_parse_fastopen_option marks it invalid).
            case TcpOption.KIND_FAST_OPEN -> validCookieLength(len - 2)
                    ? Parsed.ok(new FastOpenCookie(ByteString.copyOf(b, v, len - 2), false))
                    : Parsed.ok(new UnknownOption(kind, ByteString.copyOf(b, v, len - 2)));
            default -> decodeOther(kind, ByteString.copyOf(b, v, len - 2));
        };
    }

    private static Parsed<TcpOption> decodeSack(byte[] b, int v, int len, int at) {
        int n = (len - 2) / 8;
        if ((len - 2) % 8 != 0 || n < 1 || n > 4) {
            return badLength("SACK", len, "2+8n with n 1..4", at);
        }
        List<SackBlock> blocks = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            blocks.add(new SackBlock(Bytes.getInt(b, v + 8 * k), Bytes.getInt(b, v + 8 * k + 4)));
        }
        return Parsed.ok(new Sack(blocks));
    }

    private static Parsed<TcpOption> decodeOther(int kind, ByteString data) {
        if (kind == TcpOption.KIND_EXPERIMENT && isModelled(kind, data)) {
            byte[] raw = data.toByteArray();
            return Parsed.ok(new FastOpenCookie(ByteString.copyOf(raw, 2, raw.length - 2), true));
        }
        return Parsed.ok(new UnknownOption(kind, data));
    }

    private static Parsed<TcpOption> badLength(String name, int len, String want, int at) {
        return Parsed.malformed(MalformedReason.BAD_OPTION_LENGTH,
                name + " option at offset " + at + " has length " + len + ", expected " + want);
    }

    /** Writes the options at {@code b[off]}; returns bytes written (no padding). */
    static int write(List<TcpOption> options, byte[] b, int off) {
        int i = off;
        for (TcpOption o : options) {
            i += write(o, b, i);
        }
        return i - off;
    }

    private static int write(TcpOption o, byte[] b, int i) {
        Bytes.put8(b, i, o.kind());
        switch (o) {
            case Eol e -> e.trailing().copyTo(b, i + 1);
            case Nop n -> { }
            case Mss m -> Bytes.put16(b, i + 2, m.mss());
            case WindowScale w -> Bytes.put8(b, i + 2, w.shift());
            case SackPermitted s -> { }
            case Sack s -> {
                for (int k = 0; k < s.blocks().size(); k++) {
                    Bytes.putInt(b, i + 2 + 8 * k, s.blocks().get(k).left());
                    Bytes.putInt(b, i + 6 + 8 * k, s.blocks().get(k).right());
                }
            }
            case Timestamps t -> {
                Bytes.putInt(b, i + 2, t.tsVal());
                Bytes.putInt(b, i + 6, t.tsEcr());
            }
            case FastOpenCookie f -> writeCookie(f, b, i);
            case TcpOption.Md5Signature m -> m.digest().copyTo(b, i + 2);
            case UnknownOption u -> u.data().copyTo(b, i + 2);
        }
        if (o.kind() > TcpOption.KIND_NOP) {
            Bytes.put8(b, i + 1, o.length());
        }
        return o.length();
    }

    private static void writeCookie(FastOpenCookie f, byte[] b, int i) {
        int v = i + 2;
        if (f.experimental()) {
            Bytes.put16(b, v, TcpOption.FAST_OPEN_MAGIC);
            v += 2;
        }
        f.cookie().copyTo(b, v);
    }
}
