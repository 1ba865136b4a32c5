package io.jnetstack.pkt;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * IP-level details written after a packet's direction: {@code (ttl 64)}, {@code (tos 0xe0)},
 * {@code (hlim 1)}, {@code (class 0x10)}, {@code [ect0]}, {@code (flowlabel 0x1234)}, {@code (dscp 0x2e)},
 * {@code (ecn ce)}, or several separated by commas.
 *
 * @param ttl IPv4 time to live
 * @param hopLimit IPv6 hop limit
 * @param tos the IPv4 type-of-service byte
 * @param trafficClass the IPv6 traffic class byte
 * @param flowLabel the IPv6 flow label (20 bits)
 * @param dscp the DSCP, as written (a hex number or a name such as {@code cs1})
 * @param ecn the ECN codepoint
 */
public record IpInfo(OptionalInt ttl, OptionalInt hopLimit, OptionalInt tos, OptionalInt trafficClass,
        OptionalInt flowLabel, Optional<String> dscp, Optional<Ecn> ecn) {

    /** No IP-level details. */
    public static final IpInfo NONE = new IpInfo(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
            OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty());

    /** The ECN field (RFC 3168 §5). */
    public enum Ecn {
        /** {@code noecn}: not ECN-capable (00). */
        NOT_ECT("noecn"),
        /** {@code ect0}: ECT(0) (10). */
        ECT0("ect0"),
        /** {@code ect1}: ECT(1) (01). */
        ECT1("ect1"),
        /** {@code ce}: congestion experienced (11). */
        CE("ce"),
        /** {@code ect01}: either ECT(0) or ECT(1). */
        ECT01("ect01");

        private final String keyword;

        Ecn(String keyword) {
            this.keyword = keyword;
        }

        /** The script keyword. */
        public String keyword() {
            return keyword;
        }

        /** The codepoint for a script keyword, if it is one. */
        public static Optional<Ecn> ofKeyword(String word) {
            for (Ecn e : values()) {
                if (e.keyword.equals(word)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
    }
}
