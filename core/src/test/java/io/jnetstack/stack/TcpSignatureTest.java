package io.jnetstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.link.FrameSink;
import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.personality.Personality;
import io.jnetstack.stack.SecurityAssociations.TcpMd5Association;
import io.jnetstack.stack.tcp.TcpOutputOptions;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.ip.Ipv4Header;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FreeBSD's TCP MD5 signatures (TF_SIGNATURE with the host's security associations): SYN, SYN-ACK and synchronized
 * segments carry the signature where tcp_addoptions puts it, signed with the association's key; segments without a
 * right signature are dropped unanswered; without an association nothing is sent.
 */
class TcpSignatureTest {
    private static final long SEED = 2385;
    private static final Ipv4Address PEER = Ipv4Address.of("10.0.0.1");
    private static final Ipv4Address HOST = Ipv4Address.of("10.0.0.2");
    private static final int PORT = 8080;
    private static final byte[] KEY = "secret".getBytes(StandardCharsets.US_ASCII);
    private static final TcpOutputOptions SIGNED = new TcpOutputOptions(0, 0, false, true);

    /** The peer's end of a point-to-point link to the host; it keeps the host's datagrams. */
    private static final class Link implements LinkEndpoint {
        final Stack stack;
        final List<byte[]> out = new ArrayList<>();
        FrameSink sink;
        int peerPort = 40000;
        int hostPort = PORT;

        Link(boolean associations) {
            stack = new Stack("host", Personality.named("freebsd").forHost(), new RandomSource(SEED));
            stack.addAddress(stack.addInterface("p2p", this), HOST, 24);
            if (associations) {
                stack.securityAssociations().add(new TcpMd5Association(HOST, PEER, 0x1000, ByteString.copyOf(KEY)));
                stack.securityAssociations().add(new TcpMd5Association(PEER, HOST, 0x1001, ByteString.copyOf(KEY)));
            }
        }

        /** Sends a segment from the peer; {@code key} signs it (null: sent as the options are). */
        void send(int seq, int ack, int flags, List<TcpOption> opts, byte[] key, int payload) {
            TcpHeader th = TcpHeader.of(peerPort, hostPort, seq, ack, flags, 65535, opts);
            int tl = th.headerLength() + payload;
            byte[] d = new byte[Ipv4Header.MIN_LENGTH + tl];
            th.emit(d, Ipv4Header.MIN_LENGTH, new PseudoHeader(PEER, HOST, IpProtocol.TCP), payload);
            if (key != null) {
                TcpMd5.sign(PEER, HOST, d, Ipv4Header.MIN_LENGTH, tl, key);
            }
            Ipv4Header.simple(PEER, HOST, IpProtocol.TCP, 64, tl, 0).emit(d, 0);
            sink.onFrame(d, 0, d.length, 0);
            stack.advanceTo(0);
        }

        /** The TCP headers sent since the last call, each checked to carry a right signature. */
        List<TcpHeader> takeSigned() {
            List<TcpHeader> l = new ArrayList<>();
            for (byte[] d : out) {
                assertThat(TcpMd5.verifies(HOST, PEER, d, 20, d.length - 20, KEY)).as("signed with the key").isTrue();
                l.add(((Parsed.Ok<TcpHeader>) TcpHeader.parse(d, 20, d.length - 20,
                        new PseudoHeader(HOST, PEER, IpProtocol.TCP))).value());
            }
            out.clear();
            return l;
        }

        @Override public Medium medium() { return Medium.IP; }

        @Override public int mtu() { return 1500; }

        @Override public MacAddress macAddress() { return MacAddress.ZERO; }

        @Override public void attach(FrameSink inbound) { sink = inbound; }

        @Override public void transmit(byte[] frame, int off, int len, long atNs) {
            out.add(java.util.Arrays.copyOfRange(frame, off, off + len));
        }
    }

    private static final List<TcpOption> SIG = List.of(new TcpOption.Nop(), new TcpOption.Nop(),
            TcpOption.Md5Signature.unsigned());

    private static List<TcpOption> withoutDigests(List<TcpOption> opts) {
        return opts.stream().map(o -> o instanceof TcpOption.Md5Signature ? TcpOption.Md5Signature.unsigned() : o)
                .toList();
    }

    private static Link listening() {
        Link l = new Link(true);
        l.stack.tcpListen(PORT);
        l.stack.tcpListenerOutputOptions(null, PORT, SIGNED);
        return l;
    }

    @Test
    void aSignedSyn_getsASignedSynAckWithTheSignatureAfterSackPermitted() {
        Link l = listening();
        l.send(100, 0, TcpHeader.SYN, List.of(new TcpOption.Mss(1460), new TcpOption.SackPermitted(),
                TcpOption.Md5Signature.unsigned()), KEY, 0);
        List<TcpHeader> out = l.takeSigned();
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().flags()).isEqualTo(TcpHeader.SYN | TcpHeader.ACK);
        // tcp_addoptions: mss (4), sackOK (2), then the signature at 6, already 2 mod 4: no NOPs
        assertThat(withoutDigests(out.getFirst().options())).containsExactly(new TcpOption.Mss(1460),
                new TcpOption.SackPermitted(), TcpOption.Md5Signature.unsigned());
        assertThat(l.stack.stats().get(StackStats.Counter.TCP_SIGNATURE_GOOD)).isEqualTo(1);
    }

    @Test
    void aSynWithoutOrWithAWrongSignature_isDroppedUnansweredAndCounted() {
        Link l = listening();
        l.send(100, 0, TcpHeader.SYN, List.of(new TcpOption.Mss(1460)), null, 0);
        l.send(100, 0, TcpHeader.SYN, List.of(new TcpOption.Mss(1460), TcpOption.Md5Signature.unsigned()),
                "Secret".getBytes(StandardCharsets.US_ASCII), 0);
        assertThat(l.out).isEmpty();
        assertThat(l.stack.stats().get(StackStats.Counter.TCP_SIGNATURE_MISSING)).isEqualTo(1);
        assertThat(l.stack.stats().get(StackStats.Counter.TCP_SIGNATURE_BAD)).isEqualTo(1);
    }

    @Test
    void anActiveOpen_signsItsSynAndItsSegments_whosePayloadLeavesRoomForTheSignature() {
        Link l = new Link(true);
        var r = l.stack.tcpConnect(null, 0, PEER, PORT, TcpConnectOptions.DEFAULTS.withOutput(SIGNED), 0);
        TcpHandle h = ((TcpConnectResult.Ok) r).handle();
        l.peerPort = PORT;
        l.hostPort = h.localPort();
        TcpHeader syn = l.takeSigned().getFirst();
        List<TcpOption> o = withoutDigests(syn.options());
        assertThat(o.subList(o.size() - 3, o.size())).as("after the 20 bytes of mss,nop,wscale,sackOK,TS")
                .isEqualTo(SIG);
        assertThat(syn.headerLength()).isEqualTo(60);

        l.send(500, syn.seq() + 1, TcpHeader.SYN | TcpHeader.ACK,
                List.of(new TcpOption.Mss(1460), new TcpOption.SackPermitted(), TcpOption.Md5Signature.unsigned()),
                KEY, 0);
        TcpHeader ack = l.takeSigned().getFirst();
        assertThat(withoutDigests(ack.options())).isEqualTo(SIG);

        l.stack.tcpSend(h, new byte[3000], 0, 3000, 0);
        l.stack.advanceTo(0);
        List<byte[]> data = List.copyOf(l.out);
        l.takeSigned();
        assertThat(data.getFirst().length - 20 - 40).as("MSS 1460 less the 20 option bytes").isEqualTo(1440);
    }

    @Test
    void anUnsignedSegmentOnASigningConnection_isDropped() {
        Link l = listening();
        l.send(100, 0, TcpHeader.SYN, List.of(new TcpOption.Mss(1460), TcpOption.Md5Signature.unsigned()), KEY, 0);
        int iss = l.takeSigned().getFirst().seq();
        l.send(101, iss + 1, TcpHeader.ACK, List.of(), null, 0);
        assertThat(l.stack.tcpAccept(PORT)).as("syncache_expand drops the unsigned ACK").isNull();
        l.send(101, iss + 1, TcpHeader.ACK, SIG, KEY, 0);
        TcpHandle h = l.stack.tcpAccept(PORT);
        assertThat(h).isNotNull();
        l.send(101, iss + 1, TcpHeader.ACK | TcpHeader.PSH, List.of(), null, 10);
        assertThat(l.stack.tcpPeek(h, 100)).isEmpty();
        l.send(101, iss + 1, TcpHeader.ACK | TcpHeader.PSH, SIG, KEY, 10);
        assertThat(l.stack.tcpPeek(h, 100)).hasSize(10);
    }

    @Test
    void aSynAckToASigningListener_getsASignedReset() {
        Link l = listening();
        l.send(100, 7, TcpHeader.SYN | TcpHeader.ACK, List.of(), null, 0);
        List<TcpHeader> out = l.takeSigned();
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().flags()).isEqualTo(TcpHeader.RST);
        assertThat(withoutDigests(out.getFirst().options())).isEqualTo(SIG);
    }

    @Test
    void withoutASecurityAssociation_nothingIsSent() {
        Link l = new Link(false);
        l.stack.tcpConnect(null, 0, PEER, PORT, TcpConnectOptions.DEFAULTS.withOutput(SIGNED), 0);
        assertThat(l.out).as("tcp_output: \"Do not send segment if the calculation of MD5 digest has failed\"")
                .isEmpty();
        assertThat(l.stack.stats().get(StackStats.Counter.TCP_SIGNATURE_NO_KEY)).isEqualTo(1);
    }
}
