package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.add;
import static io.jnetstack.wire.tcp.SeqNum.leq;
import static io.jnetstack.wire.tcp.SeqNum.lt;

import io.jnetstack.personality.TcpInputRules;
import io.jnetstack.wire.tcp.TcpHeader;

/**
 * The personality's {@link TcpInputRules} applied to one arriving segment: SYN+FIN dropped before anything else,
 * the window a RST or SYN is judged against, and the RFC 793 ("insecure") actions that replace the RFC 5961
 * challenge ACK. The rules are asked for per segment because the OS's sysctls may change while a connection lives.
 */
final class InputScreening {
    private InputScreening() {}

    /**
     * Whether {@code h} carries SYN and FIN and the personality drops such segments silently (FreeBSD drop_synfin:
     * tcp_do_segment "SYN|FIN segment ignored (based on sysctl setting)", before any other check).
     */
    static boolean dropsSynFin(TcpConnection c, TcpHeader h) {
        return h.has(TcpHeader.SYN) && h.has(TcpHeader.FIN) && c.personality.tcpInputRules().dropSynFin();
    }

    /**
     * FreeBSD tcp_do_segment's window for RST and SYN: {@code SEQ_GEQ(seq, last_ack_sent) && SEQ_LT(seq,
     * last_ack_sent + rcv_wnd)}, or {@code rcv_wnd == 0 && seq == last_ack_sent}, where rcv_wnd is the buffer's
     * free space but not less than the window advertised ({@code imax(sbspace, rcv_adv - rcv_nxt)}). A passive
     * SYN-RECEIVED connection is a syncache entry there: tcp_syncache.c syncache_chkrst judges against sc_wnd, the
     * window its SYN-ACK offered.
     */
    static boolean inLastAckWindow(TcpConnection c, int seq) {
        int wnd = c.state instanceof TcpState.SynReceived sr && sr.passive() ? c.offeredWindow() : Receiver.window(c);
        return leq(c.lastAckSent, seq) && lt(seq, add(c.lastAckSent, wnd)) || wnd == 0 && seq == c.lastAckSent;
    }

    /**
     * Whether an acceptable RST resets the connection rather than drawing a challenge ACK: the insecure rule takes
     * any; otherwise it must sit at the next expected sequence number (last_ack_sent where the personality judges
     * against it, else RCV.NXT; OpenBSD also takes RCV.NXT + 1 and last_ack_sent).
     */
    static boolean resetIsExact(TcpConnection c, TcpInputRules in, int seq) {
        if (in.insecureReset()) {
            return true;
        }
        if (in.resetWindowAtLastAck()) {
            return seq == c.lastAckSent;
        }
        return c.rules.rfc5961Reset() ? seq == c.rcvNxt
                : seq == c.rcvNxt || seq == c.rcvNxt + 1 || seq == c.lastAckSent;
    }

    /**
     * RFC 793 §3.9 as FreeBSD keeps it under insecure_syn: a SYN inside the window of a connection past
     * SYN-RECEIVED (TIME-WAIT is tcp_twcheck's, which never reads the sysctl) aborts the connection — tcp_drop()
     * sends {@code <SEQ=SND.MAX><ACK=RCV.NXT><CTL=RST,ACK>} (tcp_output in CLOSED) and the socket reports ECONNRESET.
     * Returns true when it did.
     */
    static boolean synAborts(TcpConnection c, TcpHeader syn) {
        if (c.state instanceof TcpState.SynReceived || c.state instanceof TcpState.TimeWait
                || !c.personality.tcpInputRules().insecureSyn() || !inLastAckWindow(c, syn.seq())) {
            return false;
        }
        Segments.resetAck(c);
        c.close(TcpEvent.RESET);
        return true;
    }
}
