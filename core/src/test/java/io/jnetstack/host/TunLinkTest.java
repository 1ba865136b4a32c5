package io.jnetstack.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.socket.Syscalls;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.wire.Ipv4Address;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The host kernel and a jnetstack stack exchange real IP packets over a TUN device in a namespace of their own:
 * the kernel (10.9.0.1) connects to jnetstack (10.9.0.2), data goes both ways, and a closed port is refused by
 * jnetstack's RST. Blocking waits here are bounded by the kernel's own calls (they return or fail), not by sleeps.
 */
class TunLinkTest {
    private NetNamespace ns;
    private TunDevice tun;
    private RealTimeHost jns;

    @BeforeEach
    void up() throws IOException {
        assumeTrue(TunDevice.unavailable().isEmpty(), () -> "TUN tests skipped: " + TunDevice.unavailable().orElse(""));
        ns = NetNamespace.create();
        tun = TunDevice.create(ns, "jns0", "10.9.0.1/24", 1500);
        jns = new RealTimeHost(Personality.named("linux"), tun, 1500, Ipv4Address.of(10, 9, 0, 2), 24, 7);
    }

    @AfterEach
    void down() {
        if (jns != null) {
            jns.close();
        }
        if (tun != null) {
            tun.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    private static byte[] to(Syscalls s, int port) {
        byte[] b = new byte[16];
        b[0] = (byte) s.abi().constants().value(AbiConstant.AF_INET).orElseThrow();
        b[2] = (byte) (port >> 8);
        b[3] = (byte) port;
        b[4] = 10;
        b[5] = 9;
        b[7] = 2;
        return b;
    }

    @Test
    void theKernelConnectsToJnetstack_andDataFlowsBothWays() {
        jns.call(st -> {
            st.tcpListen(7);
            return null;
        });
        String echoed = ns.call(s -> {
            int fd = s.socket(2, 1, 0);
            int rc = s.connect(fd, to(s, 7), 16);
            if (rc < 0) {
                return "connect errno " + s.errno();
            }
            TcpHandle h = null;
            for (int i = 0; i < 1000 && h == null; i++) {
                h = jns.call(st -> st.tcpAccept(7));
            }
            byte[] hello = "hello over tun".getBytes(StandardCharsets.US_ASCII);
            s.write(fd, hello, hello.length);
            TcpHandle accepted = h;
            byte[] got = new byte[0];
            for (int i = 0; i < 1000 && got.length < hello.length; i++) {
                byte[] part = jns.call(st -> st.tcpRead(accepted, 100, jns.nowNs()));
                byte[] all = new byte[got.length + part.length];
                System.arraycopy(got, 0, all, 0, got.length);
                System.arraycopy(part, 0, all, got.length, part.length);
                got = all;
            }
            byte[] back = got;
            jns.call(st -> st.tcpSend(accepted, back, 0, back.length, jns.nowNs()));
            byte[] buf = new byte[100];
            int n = s.read(fd, buf, buf.length);
            s.close(fd);
            return n < 0 ? "read errno " + s.errno() : new String(buf, 0, n, StandardCharsets.US_ASCII);
        });
        assertThat(echoed).isEqualTo("hello over tun");
    }

    @Test
    void aClosedJnetstackPort_isRefusedByItsRst() {
        String r = ns.call(s -> {
            int fd = s.socket(2, 1, 0);
            int rc = s.connect(fd, to(s, 9), 16);
            return rc + " " + s.abi().errnos().errnoOf(s.errno()).map(Enum::name).orElse("?");
        });
        assertThat(r).isEqualTo("-1 ECONNREFUSED");
    }
}
