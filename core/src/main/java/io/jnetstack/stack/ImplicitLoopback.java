package io.jnetstack.stack;

import io.jnetstack.personality.Personality;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;

/**
 * The loopback interface every stack has without configuring it (Linux lo, BSD lo0): interface index 0, absent from
 * {@link Stack#interfaces()}, carrying ::1 and 127.0.0.1 — or all of 127.0.0.0/8 where the personality says so.
 * Datagrams to these addresses never reach a link (the IP layers loop them back), so captures are unchanged.
 *
 * <p>Not modelled: on the BSDs a datagram to another 127/8 address (127.0.0.2) is still looped back and delivered
 * here, as the IP layers accept all of 127/8; a real BSD host drops it (it is not a local address). Such an address
 * is not local (bind(2) and {@link Stack#tcpConnect} refuse it as a source), only reachable.
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
