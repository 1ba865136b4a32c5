package io.jnetstack.link;

import io.jnetstack.wire.IpAddress;

/** What a fault {@link Rule} decides for one frame (turmoil-net's Verdict, extended). */
public sealed interface Verdict {

    /** Let the frame through unchanged. */
    record Pass() implements Verdict {}

    /** Discard the frame; {@code reason} is counted and traced. */
    record Drop(String reason) implements Verdict {}

    /** Deliver the frame {@code extraNs} later than the link would (later frames may overtake it: reordering). */
    record Delay(long extraNs) implements Verdict {
        /** Validates. */
        public Delay {
            if (extraNs < 0) {
                throw new IllegalArgumentException("negative delay");
            }
        }
    }

    /** Deliver the frame and {@code copies} extra copies, each {@code spacingNs} after the previous. */
    record Duplicate(int copies, long spacingNs) implements Verdict {
        /** Validates. */
        public Duplicate {
            if (copies < 1 || spacingNs < 0) {
                throw new IllegalArgumentException("bad duplicate verdict");
            }
        }
    }

    /** Deliver the frame with the byte at {@code offset} (from the frame start) XORed with {@code mask}. */
    record Corrupt(int offset, int mask) implements Verdict {
        /** Validates. */
        public Corrupt {
            if (offset < 0 || mask == 0 || (mask & ~0xFF) != 0) {
                throw new IllegalArgumentException("bad corrupt verdict");
            }
        }
    }

    /**
     * Discard the frame and answer its sender with an ICMP (IPv4) or ICMPv6 error of {@code type}/{@code code},
     * quoting the frame's datagram, as if sent by {@code from} (null: by the datagram's destination).
     */
    record ReplyIcmp(int type, int code, IpAddress from) implements Verdict {}

    /** Discard a TCP segment and answer it with the RST that RFC 9293 §3.10.7.1 has a closed port send. */
    record ReplyRst() implements Verdict {}

    /** The shared pass verdict. */
    Verdict PASS = new Pass();
}
