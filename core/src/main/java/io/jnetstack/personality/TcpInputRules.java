package io.jnetstack.personality;

/**
 * How an OS's TCP input screens RST, SYN and SYN+FIN segments on an existing connection or a listener, where that
 * departs from the RFC 5961 path every personality shares (exact RST resets, others draw a challenge ACK; any SYN
 * draws a challenge ACK). FreeBSD's answers follow sysctls a script may change at any time, so the TCP core asks
 * for these rules when a segment arrives, never once per connection.
 *
 * @param insecureReset           any RST inside the receive window resets the connection, as RFC 793 had it
 *                                (FreeBSD tcp_do_segment with net.inet.tcp.insecure_rst = 1); false: only the one at
 *                                the expected sequence number does (RFC 5961 §3.2)
 * @param insecureSyn             a SYN inside the receive window of a connection past SYN-RECEIVED aborts it with a
 *                                RST,ACK and ECONNRESET (RFC 793 §3.9; FreeBSD tcp_do_segment with
 *                                net.inet.tcp.insecure_syn = 1 calls tcp_drop); false: a challenge ACK (RFC 5961
 *                                §4.2)
 * @param dropSynFin              a segment with both SYN and FIN set is dropped without a reply by a listener and by
 *                                every connection, TIME-WAIT included (FreeBSD net.inet.tcp.drop_synfin = 1:
 *                                tcp_input_with_port, tcp_do_segment, tcp_twcheck)
 * @param resetWindowAtLastAck    a RST is judged before PAWS and the ordinary acceptability test, against the
 *                                window [last_ack_sent, last_ack_sent + RCV.WND) with the right edge excluded (or
 *                                exactly last_ack_sent when the window is closed), and "exact" means SEG.SEQ =
 *                                last_ack_sent (FreeBSD tcp_do_segment: "to take into account delayed ACKs, we should
 *                                test against last_ack_sent instead of rcv_nxt"); false: a RST must pass the
 *                                zero-length acceptability test (right edge included) and be at RCV.NXT
 * @param closingResetIsReset     an accepted RST in CLOSING or LAST-ACK leaves ECONNRESET on the socket (FreeBSD
 *                                tcp_do_segment: {@code so->so_error = ECONNRESET} for every synchronized state);
 *                                false: those states just close (RFC 9293 §3.10.7.4)
 * @param dropMissingTimestamps   once timestamps are in use, a segment without one is dropped silently unless it is
 *                                a RST (RFC 7323 §3.2 "MUST"; FreeBSD tcp_do_segment and tcp_twcheck with
 *                                net.inet.tcp.tolerate_missing_ts = 0); false: such segments are processed normally
 */
public record TcpInputRules(boolean insecureReset, boolean insecureSyn, boolean dropSynFin,
        boolean resetWindowAtLastAck, boolean closingResetIsReset, boolean dropMissingTimestamps) {

    /** The shared RFC 5961 path with the RFC 9293 reset actions: what Linux, OpenBSD and macOS run. */
    public static final TcpInputRules RFC5961 = new TcpInputRules(false, false, false, false, false, false);
}
