package io.jnetstack.stack;

import io.jnetstack.personality.Personality;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;

/**
 * The loopback interface every stack has without configuring it (Linux lo, BSD lo0): interface index 0, absent from
 * {@link Stack#interfaces()}, carrying ::1 and 127.0.0.1 — or all of 127.0.0.0/8 where the personality says so.
 * Datagrams to these addresses never reach a link (the IP layers loop them back), so captures are unchanged.
 */
final class ImplicitLoopback {
    /** The loopback interface's index in routes ({@link Stack#route}). */
    static final int INDEX = 0;

    private ImplicitLoopback() {}

    /** Whether {@code a} is an address of the implicit loopback interface under {@code p}. */
    static boolean holds(Personality p, IpAddress a) {
        return switch (a) {
            case Ipv4Address v4 -> {
                int shift = 32 - p.loopbackIpv4PrefixLength();
                yield shift == 32 || (v4.bits() >>> shift) == (0x7F000001 >>> shift);
            }
            case Ipv6Address v6 -> v6.equals(Ipv6Address.LOOPBACK);
        };
    }
}
