package io.jnetstack.wire.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MD5 signature option (RFC 2385 §3.0, kind 19, length 18) in the TCP header record. */
class TcpMd5OptionTest {
    /**
     * A SYN Linux signed with TCP_MD5SIG (key "secret") from 127.0.0.1:40000 to 127.0.0.1:8080, captured on lo in a
     * throw-away namespace (see io.jnetstack.stack.TcpMd5Test); the loopback's partial checksum is replaced by the
     * full one here. tcpdump -v: {@code options [nop,nop,md5 shared secret not supplied with -M, can't check -
     * 8eba05ad7898b5028298525ba1a66436,mss 65495,nop,nop,sackOK,nop,wscale 10]}.
     */
    private static final String SYN = "9c401f90b40e9a6600000000d002ffd7fe3c0000010113128eba05ad7898b5028298525ba1a66436"
            + "0204ffd7010104020103030a";
    private static final Ipv4Address LO = Ipv4Address.of("127.0.0.1");

    private static byte[] synWithChecksum() {
        byte[] b = HexFormat.of().parseHex(SYN);
        Bytes.put16(b, 16, Checksum.computeWithFieldZeroed(b, 0, b.length, 16,
                Checksum.pseudoHeaderV4(LO.toBytes(), LO.toBytes(), IpProtocol.TCP, b.length)));
        return b;
    }

    @Test
    void aSignedSyn_parsesToTheSignatureRecordAndEmitsTheSameBytes() {
        byte[] b = synWithChecksum();
        PseudoHeader ph = new PseudoHeader(LO, LO, IpProtocol.TCP);
        TcpHeader h = ((Parsed.Ok<TcpHeader>) TcpHeader.parse(b, 0, b.length, ph)).value();
        TcpOption.Md5Signature sig = new TcpOption.Md5Signature(ByteString.ofHex("8eba05ad7898b5028298525ba1a66436"));
        assertThat(h.options()).containsExactly(new TcpOption.Nop(), new TcpOption.Nop(), sig,
                new TcpOption.Mss(65495), new TcpOption.Nop(), new TcpOption.Nop(), new TcpOption.SackPermitted(),
                new TcpOption.Nop(), new TcpOption.WindowScale(10));
        assertThat(sig.length()).isEqualTo(18);
        assertThat(sig.describe()).isEqualTo("md5 shared secret not supplied with -M, can't check - "
                + "8eba05ad7898b5028298525ba1a66436");
        byte[] out = new byte[h.headerLength()];
        h.emit(out, 0, ph, 0);
        assertThat(out).isEqualTo(b);
    }

    @Test
    void kind19OfAnotherLength_staysAnUnknownOption() {
        byte[] b = synWithChecksum();
        b[23] = 6; // kind 19 length 6
        byte[] t = Arrays.copyOf(b, 28);
        t[12] = 0x70; // 28 bytes: header 20, nop, nop, kind 19 len 6
        Bytes.put16(t, 16, Checksum.computeWithFieldZeroed(t, 0, t.length, 16,
                Checksum.pseudoHeaderV4(LO.toBytes(), LO.toBytes(), IpProtocol.TCP, t.length)));
        TcpHeader h = ((Parsed.Ok<TcpHeader>) TcpHeader.parse(t, 0, t.length,
                new PseudoHeader(LO, LO, IpProtocol.TCP))).value();
        assertThat(h.options().get(2)).isEqualTo(new TcpOption.UnknownOption(19, ByteString.ofHex("8eba05ad")));
        assertThat(h.options()).hasSize(3);
    }

    @Test
    void aDigestOfAnotherLength_isRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TcpOption.Md5Signature(ByteString.ofHex("00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TcpOption.Md5Signature.unsigned().digest().toByteArray()).isEqualTo(new byte[16]);
        assertThat(List.of(TcpOption.Md5Signature.unsigned().kind())).containsExactly(19);
    }
}
