package io.jnetstack.wire;

/** Text forms of IPv6 addresses: RFC 4291 §2.2 parsing and RFC 5952 §4 canonical formatting. */
final class Ipv6Text {
    private Ipv6Text() {}

    static Parsed<Ipv6Address> parse(String text) {
        String s = text;
        int zone = s.indexOf('%');
        if (zone >= 0) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "zone index not allowed here: " + text);
        }
        int[] groups = new int[8];
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "more than one '::' in " + text);
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] h = groupsOf(head);
        int[] t = groupsOf(tail);
        if (h == null || t == null) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "bad IPv6 group in " + text);
        }
        int n = h.length + t.length;
        if (dbl < 0 ? n != 8 : n > 7) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "wrong number of IPv6 groups in " + text);
        }
        System.arraycopy(h, 0, groups, 0, h.length);
        System.arraycopy(t, 0, groups, 8 - t.length, t.length);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) {
            hi = hi << 16 | groups[i];
            lo = lo << 16 | groups[i + 4];
        }
        return Parsed.ok(new Ipv6Address(hi, lo));
    }

    /** Groups of a colon-separated run, a trailing dotted quad counting as two; null when malformed. */
    private static int[] groupsOf(String run) {
        if (run.isEmpty()) {
            return new int[0];
        }
        String[] parts = run.split(":", -1);
        int last = parts.length - 1;
        boolean quad = parts[last].indexOf('.') >= 0;
        int[] out = new int[parts.length + (quad ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == last && quad) {
                if (!(Ipv4Address.parse(p) instanceof Parsed.Ok<Ipv4Address> ok)) {
                    return null;
                }
                out[i] = ok.value().bits() >>> 16;
                out[i + 1] = ok.value().bits() & 0xFFFF;
            } else {
                if (p.isEmpty() || p.length() > 4) {
                    return null;
                }
                int v = 0;
                for (int k = 0; k < p.length(); k++) {
                    int d = Character.digit(p.charAt(k), 16);
                    if (d < 0) {
                        return null;
                    }
                    v = v << 4 | d;
                }
                out[i] = v;
            }
        }
        return out;
    }

    static String format(Ipv6Address a) {
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (a.group(i) == 0) {
                int j = i;
                while (j < 8 && a.group(j) == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(a.group(i)));
        }
        return sb.toString();
    }
}
