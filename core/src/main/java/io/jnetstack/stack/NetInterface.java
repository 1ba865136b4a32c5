package io.jnetstack.stack;

import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MacAddress;
import java.util.ArrayList;
import java.util.List;

/** One interface of a stack: its link, addresses and state. Created through {@link Stack#addInterface}. */
public final class NetInterface {
    private boolean cellular;
    private final int index;
    private final String name;
    private final LinkEndpoint link;
    private final List<InterfaceAddress> addresses = new ArrayList<>();
    private int mtu;
    private boolean up = true;

    /** An address configured on an interface, with the prefix it makes on-link. */
    public record InterfaceAddress(IpAddress address, Prefix prefix) {}

    NetInterface(int index, String name, LinkEndpoint link) {
        this.index = index;
        this.name = name;
        this.link = link;
        this.mtu = link.mtu();
        if (link.medium() == Medium.ETHERNET) {
            addresses.add(new InterfaceAddress(linkLocal(link.macAddress()), Prefix.of("fe80::/64")));
        }
    }

    /** RFC 4291 Appendix A: fe80::/64 with the modified EUI-64 identifier of the MAC (universal bit flipped). */
    static Ipv6Address linkLocal(MacAddress mac) {
        long m = mac.bits();
        long eui = ((m >>> 24) << 40) | 0xFF_FE00_0000L | (m & 0xFF_FFFFL);
        eui ^= 0x0200_0000_0000_0000L;
        return new Ipv6Address(0xfe80_0000_0000_0000L, eui);
    }

    /** Interface index (1-based, as if_nametoindex numbers them). */
    public int index() {
        return index;
    }

    /** Interface name, e.g. "eth0". */
    public String name() {
        return name;
    }

    /** The link endpoint frames leave through. */
    public LinkEndpoint link() {
        return link;
    }

    /**
     * Whether a TCP datagram this host built, {@code length} bytes long, may leave through this interface in one
     * piece: within the MTU, or within the link's {@linkplain LinkEndpoint#tcpOffloadSize segmentation offload}.
     */
    boolean takesWhole(int length, boolean localTcp) {
        return length <= mtu || localTcp && length <= link.tcpOffloadSize();
    }

    /** Current MTU. */
    public int mtu() {
        return mtu;
    }

    /** Sets the MTU (must be at least the IPv4 minimum of 68). */
    public void mtu(int value) {
        if (value < 68) {
            throw new IllegalArgumentException("MTU below 68: " + value);
        }
        mtu = value;
    }

    /** Whether the interface is cellular (XNU's functional type IFRTYPE_FUNCTIONAL_CELLULAR). */
    public boolean isCellular() {
        return cellular;
    }

    /** Marks the interface cellular or not (an iPhone's pdp_ip0, a Mac's tethered modem). */
    public void setCellular(boolean value) {
        cellular = value;
    }

    /** True when administratively up. */
    public boolean isUp() {
        return up;
    }

    /** Brings the interface up or down; a down interface neither sends nor receives. */
    public void setUp(boolean value) {
        up = value;
    }

    /** Configured addresses (the IPv6 link-local one first on Ethernet). */
    public List<InterfaceAddress> addresses() {
        return List.copyOf(addresses);
    }

    void addAddress(IpAddress a, Prefix p) {
        addresses.add(new InterfaceAddress(a, p));
    }

    /** True when {@code a} is one of this interface's addresses. */
    public boolean hasAddress(IpAddress a) {
        for (InterfaceAddress ia : addresses) {
            if (ia.address().equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** The first IPv4 address, or null. */
    public Ipv4Address ipv4() {
        for (InterfaceAddress ia : addresses) {
            if (ia.address() instanceof Ipv4Address v4) {
                return v4;
            }
        }
        return null;
    }

    /** The first global (non-link-local) IPv6 address, else the link-local one, else null. */
    public Ipv6Address ipv6() {
        Ipv6Address fallback = null;
        for (InterfaceAddress ia : addresses) {
            if (ia.address() instanceof Ipv6Address v6) {
                if (!v6.isLinkLocal()) {
                    return v6;
                }
                fallback = fallback == null ? v6 : fallback;
            }
        }
        return fallback;
    }

    /** True when {@code a} is the directed broadcast address of one of this interface's IPv4 prefixes. */
    public boolean isBroadcast(Ipv4Address a) {
        for (InterfaceAddress ia : addresses) {
            if (a.equals(ia.prefix().broadcast())) {
                return true;
            }
        }
        return false;
    }

    /** True when the interface listens to IPv6 multicast group {@code g}: all-nodes or a solicited-node group. */
    public boolean joined(Ipv6Address g) {
        if (g.equals(Ipv6Address.ALL_NODES)) {
            return true;
        }
        for (InterfaceAddress ia : addresses) {
            if (ia.address() instanceof Ipv6Address v6 && v6.solicitedNode().equals(g)) {
                return true;
            }
        }
        return false;
    }
}
