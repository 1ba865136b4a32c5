package io.jnetstack.wire;

/** An IPv4 address held as its 32 bits (network order: the first octet is the most significant byte). */
public record Ipv4Address(int bits) implements IpAddress {
    /** 0.0.0.0 */
    public static final Ipv4Address ANY = new Ipv4Address(0);
    /** 255.255.255.255 */
    public static final Ipv4Address BROADCAST = new Ipv4Address(-1);

    /** From four octets. */
    public static Ipv4Address of(int a, int b, int c, int d) {
        return new Ipv4Address((a & 0xFF) << 24 | (b & 0xFF) << 16 | (c & 0xFF) << 8 | (d & 0xFF));
    }

    /** Reads 4 bytes at {@code off}. */
    public static Ipv4Address read(byte[] buf, int off) {
        return new Ipv4Address(Bytes.getInt(buf, off));
    }

    /** Writes the 4 bytes at {@code off}. */
    public void write(byte[] buf, int off) {
        Bytes.putInt(buf, off, bits);
    }

    /** Parses dotted-quad text. */
    public static Parsed<Ipv4Address> parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "IPv4 address needs four octets: " + text);
        }
        int v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return Parsed.malformed(MalformedReason.BAD_FIELD, "bad IPv4 octet '" + p + "' in " + text);
            }
            int o = Integer.parseInt(p);
            if (o > 255) {
                return Parsed.malformed(MalformedReason.BAD_FIELD, "IPv4 octet over 255 in " + text);
            }
            v = v << 8 | o;
        }
        return Parsed.ok(new Ipv4Address(v));
    }

    /** Parses or throws {@link IllegalArgumentException}; for literals in code and tests. */
    public static Ipv4Address of(String text) {
        return switch (parse(text)) {
            case Parsed.Ok<Ipv4Address> ok -> ok.value();
            case Parsed.Malformed<Ipv4Address> m -> throw new IllegalArgumentException(m.detail());
        };
    }

    @Override
    public byte[] toBytes() {
        byte[] b = new byte[4];
        write(b, 0);
        return b;
    }

    @Override
    public int version() {
        return 4;
    }

    /** True for 224.0.0.0/4 (RFC 5771). */
    public boolean isMulticast() {
        return (bits >>> 28) == 0xE;
    }

    /** True for 127.0.0.0/8 (RFC 1122 §3.2.1.3). */
    public boolean isLoopback() {
        return (bits >>> 24) == 127;
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
    }
}
