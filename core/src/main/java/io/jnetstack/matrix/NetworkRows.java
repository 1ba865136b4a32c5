package io.jnetstack.matrix;

import io.jnetstack.personality.abi.AbiConstant;
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
                new Scenario("D9", "net.inet.tcp.icmp_may_rst = 0", "blocking connect, every SYN answered with ICMP "
                        + "port unreachable; seconds taken", b -> {
                            int r = b.sys().sysctl("net.inet.tcp.icmp_may_rst", null, new long[] {0});
                            if (r < 0) {
                                return "sysctl " + b.r(r);
                            }
                            b.serverIcmp(3, 3);
                            double t0 = b.now();
                            String c = b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 80)));
                            return c + " after " + Math.round(b.now() - t0) + " s";
                        }),
                new Scenario("D8", "the first SYN answered with ICMP port unreachable quoting a sequence number "
                        + "outside [snd_una, snd_nxt]", "blocking connect", b -> {
                            b.listenAndAccept(80);
                            b.serverIcmpForFirstSyn(3, 3, 1_000_000);
                            return b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 80)));
                        }),
                new Scenario("D11", "SO_RESTRICT_DENY_CELLULAR, route to 198.51.100.0/24 over a cellular interface",
                        "connect 198.51.100.1", b -> {
                            int fd = b.tcp();
                            if (b.k(AbiConstant.SO_RESTRICTIONS) < 0) {
                                return "n/a (no SO_RESTRICTIONS)";
                            }
                            var cell = b.sim.addPointToPoint("cell", io.jnetstack.sim.LinkProperties.IDEAL);
                            var ifc = b.sim.attach(b.client, cell, "pdp_ip0", "192.168.7.1/24");
                            ifc.setCellular(true);
                            b.client.stack().addRoute(io.jnetstack.stack.Route.via(
                                    io.jnetstack.stack.Prefix.of("198.51.100.0/24"), null, ifc.index()));
                            b.setInt(fd, AbiConstant.SOL_SOCKET, AbiConstant.SO_RESTRICTIONS, 0x4);
                            return b.r(b.connect(fd, b.in("198.51.100.1", 80)));
                        }),
                new Scenario("D10", "no route to the destination", "connect",
                        b -> b.r(b.connect(b.tcp(), b.in("192.0.2.1", 80)))));
    }

    /** Every SYN to the server is answered with this ICMP error from 10.0.0.2; the blocking connect's result. */
    private static Scenario icmp(String id, String what, int type, int code) {
        return new Scenario(id, "SYN_SENT, " + what, "blocking connect", b -> {
            b.serverIcmp(type, code);
            return b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 80)));
        });
    }
}
