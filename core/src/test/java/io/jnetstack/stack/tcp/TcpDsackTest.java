package io.jnetstack.stack.tcp;

import static io.jnetstack.stack.tcp.TcpHandshakeTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.SackReporting;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SACK blocks a receiver's ACKs carry when segments overlap what it already has, driven through a passive
 * connection as the freebsd-net "overlapping" scripts do: FreeBSD by tcp_sack.c's rules (D-SACK blocks first, even
 * below RCV.NXT), the other personalities with the generic list they had before.
 */
class TcpDsackTest {
    static final int ISS = 1000;
    static final int IRS = 5000;

    /** An established passive connection that negotiated SACK (no timestamps: four blocks fit). */
    static TcpConnection established(Personality p) {
        List<TcpOption> opts = List.of(new TcpOption.Mss(1460), new TcpOption.SackPermitted());
        TcpSegment syn = new TcpSegment(TcpHeader.of(80, 49152, IRS, 0, TcpHeader.SYN, 65535, opts),
                ByteString.EMPTY);
        TcpConnection c = TcpConnection.accept(p, 49152, 80, syn, ISS, 1460, 0, 0);
        drain(c);
        c.onSegment(TcpSegment.of(TcpHeader.of(80, 49152, IRS + 1, ISS + 1, TcpHeader.ACK, 65535, List.of())), 1);
        drain(c);
        assertThat(c.sackEnabled()).as(p.name()).isTrue();
        return c;
    }

    /** Text {@code [from, to)} in the scripts' relative numbers (1 is the first byte). */
    static TcpSegment text(int from, int to) {
        return new TcpSegment(TcpHeader.of(80, 49152, IRS + from, ISS + 1, TcpHeader.ACK, 65535, List.of()),
                ByteString.copyOf(new byte[to - from]));
    }

    /** Sends {@code [from, to)} and returns "ack A sack a:b ..." of the last segment out, in relative numbers. */
    static String receive(TcpConnection c, int from, int to) {
        c.onSegment(text(from, to), 2);
        List<TcpSegment> out = drain(c);
        if (out.isEmpty()) {
            return "nothing";
        }
        TcpHeader h = out.getLast().header();
        List<String> parts = new ArrayList<>(List.of("ack " + (h.ack() - IRS)));
        for (TcpOption o : h.options()) {
            if (o instanceof TcpOption.Sack sack) {
                sack.blocks().forEach(b -> parts.add((b.left() - IRS) + ":" + (b.right() - IRS)));
            }
        }
        return String.join(" ", parts);
    }

    /** The scripts' preparation: 1:100 in order, then 200:300, 400:500, 600:700. */
    static TcpConnection prepared(Personality p) {
        TcpConnection c = established(p);
        receive(c, 1, 100);
        assertThat(receive(c, 200, 300)).isEqualTo("ack 100 200:300");
        assertThat(receive(c, 400, 500)).isEqualTo("ack 100 400:500 200:300");
        assertThat(receive(c, 600, 700)).isEqualTo("ack 100 600:700 400:500 200:300");
        return c;
    }

    static Personality freeBsd() {
        return Personality.named("freebsd").forHost();
    }

    @Test
    void freeBsd_reportsASegmentWhollyBelowRcvNxt_asTheFirstBlock_once() {
        TcpConnection c = prepared(freeBsd());
        assertThat(receive(c, 50, 75)).isEqualTo("ack 100 50:75 600:700 400:500 200:300");
        assertThat(receive(c, 1, 800)).isEqualTo("ack 800 1:100");
    }

    @Test
    void freeBsd_partialDuplicateFillingTheGaps_reportsOnlyTheDuplicatePart_andAcksAtOnce() {
        TcpConnection c = prepared(freeBsd());
        assertThat(receive(c, 50, 600)).isEqualTo("ack 700 50:100");
        assertThat(receive(c, 1, 800)).as("the todrop D-SACK forces an immediate ACK").isEqualTo("ack 800 1:700");
    }

    @Test
    void freeBsd_segmentOverlappingAHeldBlock_reportsTheOverlap_thenTheRest() {
        TcpConnection c = prepared(freeBsd());
        assertThat(receive(c, 100, 275)).isEqualTo("ack 300 200:275 600:700 400:500");
        assertThat(receive(c, 200, 32200)).as("the todrop part again, the rest delivered")
                .isEqualTo("ack 32200 200:300");
    }

    @Test
    void freeBsd_segmentCoveringAllHeldBlocks_reportsTheLowestOverlapAndTheWhole() {
        TcpConnection c = prepared(freeBsd());
        assertThat(receive(c, 200, 32200)).isEqualTo("ack 100 200:300 200:32200");
        assertThat(receive(c, 1, 200)).isEqualTo("ack 32200 1:100");
    }

    @Test
    void otherPersonalities_keepTheGenericList() {
        for (Personality p : Personality.all()) {
            if (p.sackReporting() == SackReporting.FREEBSD) {
                continue;
            }
            TcpConnection c = prepared(p.forHost());
            assertThat(receive(c, 50, 75)).as(p.name()).isEqualTo("ack 100 600:700 400:500 200:300");
            assertThat(receive(c, 100, 275)).as(p.name()).isEqualTo("ack 300 600:700 400:500");
        }
    }

    @Test
    void onlyFreeBsd_reportsByFreeBsdRules() {
        assertThat(Personality.all()).filteredOn(p -> p.sackReporting() == SackReporting.FREEBSD)
                .extracting(Personality::name).containsExactly("freebsd");
    }
}
