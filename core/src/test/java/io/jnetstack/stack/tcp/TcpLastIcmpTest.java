package io.jnetstack.stack.tcp;

import static io.jnetstack.stack.tcp.TcpHandshakeTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.IcmpClass;
import io.jnetstack.personality.Personality;
import org.junit.jupiter.api.Test;

/** {@link TcpConnection#lastIcmp()}: the message behind an ICMP-class fact is kept when, and only when, it counts. */
class TcpLastIcmpTest {
    static final int ISS = 1000;

    static TcpConnection synSent(String os) {
        TcpConnection c = TcpConnection.connect(Personality.named(os), 49152, 80, ISS, 1460, 0, 0);
        drain(c);
        return c;
    }

    @Test
    void hardError_keepsItsMessage() {
        TcpConnection c = synSent("linux");
        c.onIcmp(IcmpClass.HOST_UNREACHABLE, new IcmpError(4, 3, 8), ISS, 1);
        assertThat(c.pollEvent()).isEqualTo(TcpEvent.HOST_UNREACHABLE);
        assertThat(c.lastIcmp()).isEqualTo(new IcmpError(4, 3, 8));
    }

    @Test
    void softError_keepsItsMessage_andTheLaterOneReplacesIt() {
        TcpConnection c = synSent("openbsd");
        c.onIcmp(IcmpClass.HOST_UNREACHABLE, new IcmpError(4, 3, 1), ISS, 1);
        c.onIcmp(IcmpClass.NET_UNREACHABLE, new IcmpError(4, 3, 0), ISS, 2);
        assertThat(c.pollEvent()).isNull();
        assertThat(c.lastIcmp()).isEqualTo(new IcmpError(4, 3, 0));
    }

    @Test
    void ignoredOrOutOfWindowErrors_leaveNoMessage() {
        TcpConnection c = synSent("openbsd");
        c.onIcmp(IcmpClass.TIME_EXCEEDED, new IcmpError(4, 11, 0), ISS, 1);
        c.onIcmp(IcmpClass.PORT_UNREACHABLE, new IcmpError(4, 3, 3), ISS + 1, 1);
        c.onIcmp(IcmpClass.OTHER, new IcmpError(4, 12, 0), ISS, 1);
        assertThat(c.lastIcmp()).isNull();
    }
}
