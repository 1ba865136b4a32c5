package io.jnetstack.wire;

/** An IPv6 address held as two 64-bit halves (network order: {@code high} holds bytes 0..7). */
public record Ipv6Address(long high, long low) implements IpAddress {
    /** :: */
    public static final Ipv6Address ANY = new Ipv6Address(0, 0);
    /** ::1 */
    public static final Ipv6Address LOOPBACK = new Ipv6Address(0, 1);
    /** ff02::1, all nodes on the link (RFC 4291 §2.7.1). */
    public static final Ipv6Address ALL_NODES = new Ipv6Address(0xff02_0000_0000_0000L, 1);
    /** ff02::2, all routers on the link. */
    public static final Ipv6Address ALL_ROUTERS = new Ipv6Address(0xff02_0000_0000_0000L, 2);

    /** Reads 16 bytes at {@code off}. */
    public static Ipv6Address read(byte[] buf, int off) {
        return new Ipv6Address(Bytes.getLong(buf, off), Bytes.getLong(buf, off + 8));
    }

    /** Writes the 16 bytes at {@code off}. */
    public void write(byte[] buf, int off) {
        Bytes.putLong(buf, off, high);
        Bytes.putLong(buf, off + 8, low);
    }

    @Override
    public byte[] toBytes() {
        byte[] b = new byte[16];
        write(b, 0);
        return b;
    }

    @Override
    public int version() {
        return 6;
    }

    /** True for ff00::/8. */
    public boolean isMulticast() {
        return (high >>> 56) == 0xFF;
    }

    /** True for fe80::/10. */
    public boolean isLinkLocal() {
        return (high >>> 54) == (0xfe80L >>> 6);
    }

    /**
     * The solicited-node multicast address ff02::1:ffXX:XXXX for this address (RFC 4291 §2.7.1): the low 24
     * bits appended to ff02::1:ff00:0/104.
     */
    public Ipv6Address solicitedNode() {
        return new Ipv6Address(0xff02_0000_0000_0000L, 0x0000_0001_ff00_0000L | (low & 0xFF_FFFFL));
    }

    /** The 16-bit group {@code i} (0..7). */
    public int group(int i) {
        long half = i < 4 ? high : low;
        return (int) (half >>> (48 - 16 * (i & 3))) & 0xFFFF;
    }

    /** Parses RFC 4291 §2.2 text forms, including "::" and an embedded dotted quad. */
    public static Parsed<Ipv6Address> parse(String text) {
        return Ipv6Text.parse(text);
    }

    /** Parses or throws {@link IllegalArgumentException}; for literals in code and tests. */
    public static Ipv6Address of(String text) {
        return switch (parse(text)) {
            case Parsed.Ok<Ipv6Address> ok -> ok.value();
            case Parsed.Malformed<Ipv6Address> m -> throw new IllegalArgumentException(m.detail());
        };
    }

    /** RFC 5952 canonical text: lower case, longest run (length ≥ 2) of zero groups as "::". */
    @Override
    public String toString() {
        return Ipv6Text.format(this);
    }
}
