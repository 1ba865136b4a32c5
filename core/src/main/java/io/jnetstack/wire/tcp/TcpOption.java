package io.jnetstack.wire.tcp;

import io.jnetstack.wire.ByteString;
import java.util.List;

/**
 * One TCP option (RFC 9293 §3.2). {@link #length()} is the number of bytes it occupies on the wire, and
 * {@link #describe()} renders it the way tcpdump 4.99 prints it inside {@code options [...]}.
 */
public sealed interface TcpOption {
    /** End of option list (RFC 9293 §3.2). */
    int KIND_EOL = 0;
    /** No-operation. */
    int KIND_NOP = 1;
    /** Maximum segment size (RFC 9293 §3.7.1). */
    int KIND_MSS = 2;
    /** Window scale (RFC 7323 §2). */
    int KIND_WINDOW_SCALE = 3;
    /** SACK permitted (RFC 2018 §2). */
    int KIND_SACK_PERMITTED = 4;
    /** SACK blocks (RFC 2018 §3). */
    int KIND_SACK = 5;
    /** Timestamps (RFC 7323 §3). */
    int KIND_TIMESTAMPS = 8;
    /** TCP MD5 signature (RFC 2385 §3.0). */
    int KIND_MD5_SIGNATURE = 19;
    /** TCP Fast Open cookie (RFC 7413 §4.1.1). */
    int KIND_FAST_OPEN = 34;
    /** Shared experimental kind (RFC 6994), used by pre-RFC Fast Open with magic 0xF989. */
    int KIND_EXPERIMENT = 254;
    /** The RFC 6994 experiment identifier of pre-RFC TCP Fast Open. */
    int FAST_OPEN_MAGIC = 0xF989;

    /** The option kind byte. */
    int kind();

    /** Bytes on the wire, including kind and length bytes. */
    int length();

    /** tcpdump 4.99's rendering of this option, e.g. {@code mss 1460} or {@code TS val 1 ecr 0}. */
    String describe();

    /** End of option list; {@code trailing} holds the bytes after it inside the options area (usually zeros). */
    record Eol(ByteString trailing) implements TcpOption {
        /** An EOL with no trailing bytes (the emitter pads with zeros). */
        public Eol() {
            this(ByteString.EMPTY);
        }

        /** Rejects more trailing bytes than an options area can hold. */
        public Eol {
            if (trailing.length() > TcpHeader.MAX_OPTIONS_LENGTH - 1) {
                throw new IllegalArgumentException("EOL trailing bytes " + trailing.length() + " > 39");
            }
        }

        @Override public int kind() { return KIND_EOL; }

        @Override public int length() { return 1 + trailing.length(); }

        @Override public String describe() { return "eol"; }
    }

    /** No-operation, used for alignment. */
    record Nop() implements TcpOption {
        @Override public int kind() { return KIND_NOP; }

        @Override public int length() { return 1; }

        @Override public String describe() { return "nop"; }
    }

    /** Maximum segment size, 0..65535 (RFC 9293 §3.7.1). */
    record Mss(int mss) implements TcpOption {
        /** Validates the 16-bit range. */
        public Mss {
            TcpHeader.checkRange("mss", mss, 0xFFFF);
        }

        @Override public int kind() { return KIND_MSS; }

        @Override public int length() { return 4; }

        @Override public String describe() { return "mss " + mss; }
    }

    /** Window scale shift 0..255 as sent; values above 14 are kept (RFC 7323 §2.3: the receiver clamps). */
    record WindowScale(int shift) implements TcpOption {
        /** Validates the 8-bit range. */
        public WindowScale {
            TcpHeader.checkRange("window scale", shift, 0xFF);
        }

        @Override public int kind() { return KIND_WINDOW_SCALE; }

        @Override public int length() { return 3; }

        @Override public String describe() { return "wscale " + shift; }
    }

    /** SACK permitted (RFC 2018 §2). */
    record SackPermitted() implements TcpOption {
        @Override public int kind() { return KIND_SACK_PERMITTED; }

        @Override public int length() { return 2; }

        @Override public String describe() { return "sackOK"; }
    }

    /** One SACK block: raw 32-bit left edge and right edge (RFC 2018 §3). */
    record SackBlock(int left, int right) {}

    /** 1..4 SACK blocks (RFC 2018 §3: the 40-byte options area fits at most 4). */
    record Sack(List<SackBlock> blocks) implements TcpOption {
        /** Copies the list and validates 1..4 blocks. */
        public Sack {
            blocks = List.copyOf(blocks);
            if (blocks.isEmpty() || blocks.size() > 4) {
                throw new IllegalArgumentException("SACK needs 1..4 blocks, got " + blocks.size());
            }
        }

        @Override public int kind() { return KIND_SACK; }

        @Override public int length() { return 2 + 8 * blocks.size(); }

        /** tcpdump prints edges as unsigned absolute values when it has no relative base ({@code -S}). */
        @Override public String describe() {
            StringBuilder s = new StringBuilder("sack ").append(blocks.size()).append(' ');
            for (SackBlock b : blocks) {
                s.append('{').append(Integer.toUnsignedString(b.left())).append(':')
                        .append(Integer.toUnsignedString(b.right())).append('}');
            }
            return s.toString();
        }
    }

    /** Timestamps: raw 32-bit TSval and TSecr (RFC 7323 §3.2). */
    record Timestamps(int tsVal, int tsEcr) implements TcpOption {
        @Override public int kind() { return KIND_TIMESTAMPS; }

        @Override public int length() { return 10; }

        @Override public String describe() {
            return "TS val " + Integer.toUnsignedString(tsVal) + " ecr " + Integer.toUnsignedString(tsEcr);
        }
    }

    /**
     * An MD5 signature (RFC 2385 §3.0): kind 19, length 18, a 16-byte digest. Only that length parses as this record;
     * any other length of kind 19 stays an {@link UnknownOption}.
     */
    record Md5Signature(ByteString digest) implements TcpOption {
        /** The digest's length in bytes. */
        public static final int DIGEST_LENGTH = 16;

        /** Rejects a digest that is not 16 bytes. */
        public Md5Signature {
            if (digest.length() != DIGEST_LENGTH) {
                throw new IllegalArgumentException("MD5 digest length " + digest.length() + " != 16");
            }
        }

        /** A signature option whose digest is still all zeros (filled in when the segment is signed). */
        public static Md5Signature unsigned() {
            return new Md5Signature(ByteString.copyOf(new byte[DIGEST_LENGTH]));
        }

        @Override public int kind() { return KIND_MD5_SIGNATURE; }

        @Override public int length() { return 2 + DIGEST_LENGTH; }

        /** tcpdump 4.99 without {@code -M}: {@code md5 shared secret not supplied with -M, can't check - <hex>}. */
        @Override public String describe() {
            return "md5 shared secret not supplied with -M, can't check - " + digest.hex();
        }
    }

    /**
     * A Fast Open cookie (RFC 7413 §4.1.1): empty for a cookie request, else 4..16 bytes. {@code experimental} marks
     * the pre-RFC form, kind 254 with magic 0xF989 (RFC 6994), which takes 2 more bytes on the wire.
     */
    record FastOpenCookie(ByteString cookie, boolean experimental) implements TcpOption {
        /** Validates the cookie length (0 or 4..16). */
        public FastOpenCookie {
            int n = cookie.length();
            if (n != 0 && (n < 4 || n > 16)) {
                throw new IllegalArgumentException("Fast Open cookie length " + n + " not 0 or 4..16");
            }
        }

        /** True for a cookie request (no cookie bytes). */
        public boolean isRequest() {
            return cookie.length() == 0;
        }

        @Override public int kind() { return experimental ? KIND_EXPERIMENT : KIND_FAST_OPEN; }

        @Override public int length() { return (experimental ? 4 : 2) + cookie.length(); }

        /** tcpdump: {@code tfo  cookiereq}, {@code tfo  cookie <hex>}, {@code exp-tfo cookie <hex>}. */
        @Override public String describe() {
            String tail;
            if (cookie.length() == 0) {
                tail = " cookiereq";
            } else if (cookie.length() % 2 != 0) {
                tail = " (invalid)";
            } else {
                tail = " cookie " + cookie.hex();
            }
            return (experimental ? "exp-tfo" : "tfo ") + tail;
        }
    }

    /** Any other option kind, kept opaque: {@code data} is the bytes after the kind and length bytes. */
    record UnknownOption(int kind, ByteString data) implements TcpOption {
        /** Rejects kinds this package models as records, and data that would not fit an options area. */
        public UnknownOption {
            TcpHeader.checkRange("option kind", kind, 0xFF);
            if (TcpOptions.isModelled(kind, data)) {
                throw new IllegalArgumentException("option kind " + kind + " with " + data.length()
                        + " data bytes has a dedicated record");
            }
            if (data.length() > TcpHeader.MAX_OPTIONS_LENGTH - 2) {
                throw new IllegalArgumentException("option data length " + data.length() + " > 38");
            }
        }

        @Override public int length() { return 2 + data.length(); }

        /** tcpdump: {@code unknown-<kind> 0x<hex>}; for kind 254 (RFC 6994) {@code exp-<magic>}. */
        @Override public String describe() {
            if (kind == KIND_EXPERIMENT && data.length() >= 2) {
                return String.format("exp-%04x", data.u8(0) << 8 | data.u8(1));
            }
            return "unknown-" + kind + " 0x" + data.hex();
        }
    }
}
