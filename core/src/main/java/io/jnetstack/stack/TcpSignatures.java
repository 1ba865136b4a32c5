package io.jnetstack.stack;

import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.List;

/**
 * The host's side of TCP MD5 signatures (RFC 2385): signing the segments it sends and checking those it receives
 * with the keys of its {@link SecurityAssociations}, counting what fails (FreeBSD netipsec/xform_tcp.c
 * tcp_ipsec_output and tcp_ipsec_input, the tcps_sig_* statistics).
 */
final class TcpSignatures {
    /** A RST's options when its connection signs: two NOPs and the signature (tcp_addoptions on an empty list). */
    static final List<TcpOption> SIGNATURE_ONLY = List.of(new TcpOption.Nop(), new TcpOption.Nop(),
            TcpOption.Md5Signature.unsigned());

    private final Stack stack;

    TcpSignatures(Stack stack) {
        this.stack = stack;
    }

    /**
     * Signs the segment at {@code seg[off, off+len)} from {@code src} to {@code dst} if it carries a signature option,
     * with the key of the security association for those addresses (tcp_ipsec_output: key_allocsa_tcpmd5). False
     * when there is none: FreeBSD tcp_output then sends nothing ("Do not send segment if the calculation of MD5
     * digest has failed"), and neither does tcp_respond.
     */
    boolean sign(IpAddress src, IpAddress dst, byte[] seg, int off, int len) {
        if (TcpMd5.digestOffset(seg, off, len) < 0) {
            return true;
        }
        byte[] key = stack.securityAssociations().key(src, dst);
        if (key == null) {
            stack.stats().increment(StackStats.Counter.TCP_SIGNATURE_NO_KEY);
            return false;
        }
        TcpMd5.sign(src, dst, seg, off, len, key);
        return true;
    }

    /** Signs a RST datagram {@link io.jnetstack.link.Replies#tcpRst} built (IPv4 without options, or IPv6). */
    boolean signReply(byte[] rst) {
        boolean v4 = (rst[0] & 0xF0) == 0x40;
        IpAddress src = v4 ? new Ipv4Address(Bytes.getInt(rst, 12))
                : new Ipv6Address(Bytes.getLong(rst, 8), Bytes.getLong(rst, 16));
        IpAddress dst = v4 ? new Ipv4Address(Bytes.getInt(rst, 16))
                : new Ipv6Address(Bytes.getLong(rst, 24), Bytes.getLong(rst, 32));
        int ip = v4 ? 20 : 40;
        return sign(src, dst, rst, ip, rst.length - ip);
    }

    /**
     * Whether the segment at {@code d[tcpOff, tcpOff+tcpLen)} from {@code src} to {@code dst} carries a right
     * signature (FreeBSD tcp_input: no TOF_SIGNATURE counts tcps_sig_err_nosigopt; tcp_ipsec_input: no security
     * association, tcps_sig_err_buildsig; a wrong digest, tcps_sig_rcvbadsig; else tcps_sig_rcvgoodsig).
     */
    boolean verifies(IpAddress src, IpAddress dst, byte[] d, int tcpOff, int tcpLen) {
        if (TcpMd5.digestOffset(d, tcpOff, tcpLen) < 0) {
            stack.stats().increment(StackStats.Counter.TCP_SIGNATURE_MISSING);
            return false;
        }
        byte[] key = stack.securityAssociations().key(src, dst);
        if (key == null) {
            stack.stats().increment(StackStats.Counter.TCP_SIGNATURE_NO_KEY);
            return false;
        }
        boolean ok = TcpMd5.verifies(src, dst, d, tcpOff, tcpLen, key);
        stack.stats().increment(ok ? StackStats.Counter.TCP_SIGNATURE_GOOD : StackStats.Counter.TCP_SIGNATURE_BAD);
        return ok;
    }
}
