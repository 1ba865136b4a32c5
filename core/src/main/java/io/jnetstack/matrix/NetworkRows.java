package io.jnetstack.matrix;

import io.jnetstack.link.Rules;
import io.jnetstack.wire.Ipv4Address;
import java.util.List;

/**
 * Catalogue §1D: failures the network reports while connecting — ICMP errors answering the SYN (sent by a fault
 * rule at the server as a router on the path would), and a destination with no route.
 */
final class NetworkRows {
    private NetworkRows() {}

    static List<Scenario> rows() {
        return List.of(
                icmp("D1", "ICMP port unreachable", 3, 3),
                icmp("D2", "ICMP host unreachable", 3, 1),
                icmp("D3", "ICMP net unreachable", 3, 0),
                icmp("D4", "ICMP host administratively prohibited (code 10)", 3, 10),
                icmp("D5", "ICMP time exceeded in transit", 11, 0),
                icmp("D6", "ICMP parameter problem", 12, 0),
                new Scenario("D10", "no route to the destination", "connect",
                        b -> b.r(b.connect(b.tcp(), b.in("192.0.2.1", 80)))));
    }

    /** Every SYN to the server is answered with this ICMP error from 10.0.0.2; the blocking connect's result. */
    private static Scenario icmp(String id, String what, int type, int code) {
        return new Scenario(id, "SYN_SENT, " + what, "blocking connect", b -> {
            Ipv4Address server = Ipv4Address.of(Bench.SERVER);
            b.serverFault(Rules.icmpError(Rules.to(server), type, code, server));
            return b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 80)));
        });
    }
}
