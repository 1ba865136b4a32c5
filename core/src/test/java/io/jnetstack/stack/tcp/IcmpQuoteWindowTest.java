package io.jnetstack.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.FreeBsdPersonality;
import io.jnetstack.personality.IcmpClass;
import io.jnetstack.personality.LinuxPersonality;
import io.jnetstack.personality.Personality;
import org.junit.jupiter.api.Test;

/**
 * Which quoted sequence numbers make an ICMP error count in SYN-SENT: Linux takes [SND.UNA, SND.NXT] with both ends
 * (tcp_v4_err's between(), found by running the host kernel), FreeBSD [SND.UNA, SND.MAX).
 */
class IcmpQuoteWindowTest {
    private static final int ISS = 1000;

    private static TcpState afterPortUnreachable(Personality p, int quotedSeq) {
        TcpConnection c = TcpConnection.connect(p, 40000, 80, ISS, 1460, 0, 0);
        TcpHandshakeTest.drain(c);
        c.onIcmp(IcmpClass.PORT_UNREACHABLE, quotedSeq, 1);
        return c.state();
    }

    @Test
    void linux_countsAnErrorQuotingSndNxt() {
        assertThat(afterPortUnreachable(new LinuxPersonality(), ISS)).isInstanceOf(TcpState.Closed.class);
        assertThat(afterPortUnreachable(new LinuxPersonality(), ISS + 1)).isInstanceOf(TcpState.Closed.class);
        assertThat(afterPortUnreachable(new LinuxPersonality(), ISS + 2)).isInstanceOf(TcpState.SynSent.class);
        assertThat(afterPortUnreachable(new LinuxPersonality(), ISS - 1)).isInstanceOf(TcpState.SynSent.class);
    }

    @Test
    void freebsd_ignoresAnErrorQuotingSndMax() {
        assertThat(afterPortUnreachable(new FreeBsdPersonality(), ISS)).isInstanceOf(TcpState.Closed.class);
        assertThat(afterPortUnreachable(new FreeBsdPersonality(), ISS + 1)).isInstanceOf(TcpState.SynSent.class);
    }
}
