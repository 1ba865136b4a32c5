package io.jnetstack.pktrun;

import io.jnetstack.stack.SecurityAssociations.TcpMd5Association;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.Parsed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The part of setkey(8)'s input language ({@code setkey -c} reads it from standard input) that TCP MD5 signatures
 * need: statements ending in {@code ;}, of which {@code add SRC DST tcp SPI -A tcp-md5 KEY} (a TCP-MD5 security
 * association; KEY a double-quoted string or {@code 0x} hex, SPI decimal or {@code 0x} hex) and {@code flush}
 * are modelled. A statement that setkey would take but jnetstack does not model makes the script a SKIP naming it;
 * one setkey would reject makes it a FAIL.
 */
final class SetkeyInput {
    /** One statement: an association to add, or a flush. */
    sealed interface Statement {}

    /** {@code add ... -A tcp-md5 KEY}. */
    record Add(TcpMd5Association association) implements Statement {}

    /** {@code flush}: every association goes (SADB_FLUSH). */
    record Flush() implements Statement {}

    private SetkeyInput() {}

    /** Parses {@code text}; {@code prefix} starts every error message. */
    static List<Statement> parse(String prefix, String text) {
        List<Statement> out = new ArrayList<>();
        for (String stmt : HostCommands.split(text, ';')) {
            List<String> t = tokens(stmt);
            if (t.isEmpty()) {
                continue;
            }
            out.add(switch (t.getFirst()) {
                case "add" -> add(prefix, stmt, t);
                case "flush" -> {
                    if (t.size() > 1) {
                        throw ScriptStop.skip(prefix + "setkey `" + stmt.strip() + "`: only a flush of every"
                                + " protocol is modelled");
                    }
                    yield new Flush();
                }
                default -> throw ScriptStop.skip(prefix + "setkey `" + stmt.strip() + "` is not modelled (only `add SRC"
                        + " DST tcp SPI -A tcp-md5 KEY` and `flush`)");
            });
        }
        return out;
    }

    private static Statement add(String prefix, String stmt, List<String> t) {
        String what = prefix + "setkey `" + stmt.strip() + "`";
        if (t.size() != 8) {
            throw ScriptStop.skip(what + " is not modelled (only `add SRC DST tcp SPI -A tcp-md5 KEY`)");
        }
        IpAddress src = address(what, t.get(1));
        IpAddress dst = address(what, t.get(2));
        if (!t.get(3).equals("tcp") || !t.get(5).equals("-A") || !t.get(6).equals("tcp-md5")) {
            throw ScriptStop.skip(what + " is not modelled (only TCP-MD5 associations: `add SRC DST tcp SPI -A"
                    + " tcp-md5 KEY`)");
        }
        if (src.version() != dst.version()) {
            throw ScriptStop.fail(what + " failed: the addresses differ in family");
        }
        long spi = number(what, t.get(4));
        byte[] key = key(what, t.get(7));
        if (key.length < 1 || key.length > 80) { // xform_tcp.c tcpsignature_init: TCP_KEYLEN_MIN..TCP_KEYLEN_MAX
            throw ScriptStop.fail(what + " failed: a TCP-MD5 key takes 1 to 80 bytes, not " + key.length);
        }
        return new Add(new TcpMd5Association(src, dst, spi, ByteString.copyOf(key)));
    }

    private static IpAddress address(String what, String text) {
        if (text.contains(":")) {
            if (Ipv6Address.parse(text) instanceof Parsed.Ok<Ipv6Address> ok) {
                return ok.value();
            }
        } else if (Ipv4Address.parse(text) instanceof Parsed.Ok<Ipv4Address> ok) {
            return ok.value();
        }
        throw ScriptStop.fail(what + " failed: '" + text + "' is not an address");
    }

    private static long number(String what, String text) {
        try {
            long v = text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
            if (v >= 0 && v <= 0xFFFF_FFFFL) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ScriptStop.fail(what + " failed: SPI '" + text + "' is not a 32-bit number");
    }

    private static byte[] key(String what, String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1).getBytes(StandardCharsets.ISO_8859_1);
        }
        if (text.startsWith("0x") && text.length() % 2 == 0) {
            try {
                return HexFormat.of().parseHex(text.substring(2));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw ScriptStop.fail(what + " failed: key " + text + " is neither a \"string\" nor 0x hex");
    }

    /** Words separated by white space; a double-quoted string is one word, quotes kept. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            int start = i;
            if (ch == '"') {
                int close = s.indexOf('"', i + 1);
                i = close < 0 ? s.length() : close + 1;
            } else {
                while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
            }
            out.add(s.substring(start, i));
        }
        return out;
    }
}
