package io.jnetstack.stack.tcp;

import io.jnetstack.wire.tcp.TcpHeader;

/**
 * TIME-WAIT input where the personality's {@code timeWaitCheck} says so (FreeBSD tcp_timewait.c tcp_twcheck, which
 * tcp_input calls instead of tcp_do_segment): no sequence-number acceptability test, no PAWS, no RFC 5961 challenge.
 * A SYN that reopens the 4-tuple is the listener's business ({@code PassiveOpen.intercept}) and never gets here.
 */
final class TimeWaitInput {
    private TimeWaitInput() {}

    /**
     * tcp_twcheck's order: a RST is dropped ("see Stevens, vol. 2, p. 964 and RFC 1337"); "drop the segment if it does
     * not contain an ACK"; a FIN whose sequence number is just left of RCV.NXT ("a duplicate FIN") restarts the 2MSL
     * timer; "acknowledge the segment if it has data or is not a duplicate ACK" — anything but a bare ACK at RCV.NXT
     * acknowledging SND.NXT draws an ACK (tcp_respond: a bare ACK, SEQ = SND.NXT, ACK = RCV.NXT).
     */
    static void process(TcpConnection c, TcpSegment s, long nowNs) {
        TcpHeader h = s.header();
        if (h.has(TcpHeader.RST) || !h.has(TcpHeader.ACK)
                || SynchronizedInput.missingTimestamp(c, h, c.personality.tcpInputRules())) {
            return; // tcp_twcheck drops a segment without timestamps after the ACK test (tolerate_missing_ts = 0)
        }
        int len = s.payload().length();
        if (h.has(TcpHeader.FIN) && h.seq() + len + (h.has(TcpHeader.SYN) ? 1 : 0) + 1 == c.rcvNxt) {
            c.enterTimeWait(nowNs);
        }
        if (h.flags() != TcpHeader.ACK || len != 0 || h.seq() != c.rcvNxt || h.ack() != c.sndNxt) {
            Segments.bareAck(c, nowNs);
        }
    }
}
