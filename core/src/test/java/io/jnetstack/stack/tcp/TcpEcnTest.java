package io.jnetstack.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.FreeBsdPersonality;
import io.jnetstack.personality.LinuxPersonality;
import io.jnetstack.personality.Personality;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ECN negotiation (RFC 3168 §6.1.1) where the personality accepts it: FreeBSD answers an ECN-setup SYN with an
 * ECN-setup SYN-ACK (ecn.enable 1 or 2), its own ECN-setup SYN succeeds on ECE without CWR, and then new data —
 * not retransmissions — leaves marked ECT(0). Linux's personality does not negotiate.
 */
class TcpEcnTest {
    private static TcpSegment synWith(int flags) {
        return new TcpSegment(TcpHeader.of(80, 49152, 5000, 0, flags, 65535, List.of(new TcpOption.Mss(1460))),
                ByteString.EMPTY);
    }

    private static TcpHeader firstOut(TcpConnection c) {
        return TcpHandshakeTest.drain(c).getFirst().header();
    }

    @Test
    void freebsdAnswersAnEcnSetupSynWithEce_andMarksNewDataOnly() {
        TcpConnection c = TcpConnection.accept(new FreeBsdPersonality(), 49152, 80,
                synWith(TcpHeader.SYN | TcpHeader.ECE | TcpHeader.CWR), 1000, 1460, 0, 0);
        TcpHeader synAck = firstOut(c);
        assertThat(synAck.flags() & (TcpHeader.ECE | TcpHeader.CWR)).isEqualTo(TcpHeader.ECE);
        assertThat(c.ecnEnabled()).isTrue();
        TcpSegment data = new TcpSegment(TcpHeader.of(49152, 80, 1001, 5001, TcpHeader.ACK, 65535, List.of()),
                ByteString.copyOf(new byte[10]));
        assertThat(c.markEct(data)).as("new data").isTrue();
        assertThat(c.markEct(data)).as("the same bytes again: a retransmission").isFalse();
        assertThat(c.markEct(TcpSegment.of(TcpHeader.of(49152, 80, 1011, 5001, TcpHeader.ACK, 65535, List.of()))))
                .as("a pure ACK").isFalse();
    }

    @Test
    void aPlainSyn_orAPersonalityWithoutEcn_negotiatesNothing() {
        TcpConnection plain = TcpConnection.accept(new FreeBsdPersonality(), 49152, 80, synWith(TcpHeader.SYN), 1000,
                1460, 0, 0);
        assertThat(firstOut(plain).flags() & TcpHeader.ECE).isZero();
        assertThat(plain.ecnEnabled()).isFalse();
        Personality linux = new LinuxPersonality();
        TcpConnection l = TcpConnection.accept(linux, 49152, 80, synWith(TcpHeader.SYN | TcpHeader.ECE | TcpHeader.CWR),
                1000, 1460, 0, 0);
        assertThat(firstOut(l).flags() & TcpHeader.ECE).isZero();
        assertThat(l.ecnEnabled()).isFalse();
    }

    @Test
    void freebsdWithEcnOff_doesNotAnswerEcn() {
        Personality p = new FreeBsdPersonality().forHost();
        p.tunables().set("net.inet.tcp.ecn.enable", 0);
        TcpConnection c = TcpConnection.accept(p, 49152, 80, synWith(TcpHeader.SYN | TcpHeader.ECE | TcpHeader.CWR),
                1000, 1460, 0, 0);
        assertThat(firstOut(c).flags() & TcpHeader.ECE).isZero();
    }
}
