package io.jnetstack.personality;

/**
 * Where an OS's TCP state machine departs from the RFC 9293 event processing in ways the state-event-engine scripts
 * of the FreeBSD TCP test suite see: the acknowledgments a closing connection sends, TIME-WAIT's input check and
 * text on a SYN-ACK, and the ACK of an old duplicate. All false is the RFC reading every personality had before these rules existed.
 *
 * @param ackRetransmitsFin      while our FIN is sent but not acknowledged (FIN-WAIT-1, CLOSING, LAST-ACK) and no data
 *                               waits behind it, every acknowledgment the output path sends carries the FIN again at
 *                               SND.MAX − 1 (FreeBSD tcp_output: tcp_outflags[] holds TH_FIN in those states and "if
 *                               resending a FIN, be sure not to use a new sequence number" pulls snd_nxt back); the
 *                               challenge ACK (tcp_respond) stays a bare ACK
 * @param timeWaitCheck          TIME-WAIT input skips the acceptability test (FreeBSD tcp_twcheck): a RST or a
 *                               segment without ACK is dropped, a pure ACK at RCV.NXT acknowledging SND.NXT is
 *                               dropped, anything else is answered with an ACK; a FIN just left of RCV.NXT restarts
 *                               the 2MSL timer
 * @param synTextAccepted        text on a SYN arriving in SYN-SENT is kept rather than dropped: with an acceptable
 *                               ACK (a SYN-ACK) it and a FIN are taken as in ESTABLISHED (RFC 9293 §3.10.7.3
 *                               "continue processing at the sixth step"; FreeBSD tcp_do_segment SYN_SENT: goto
 *                               process_ACK, then dodata); without one (a simultaneous open) the text waits in the
 *                               reassembly queue until our SYN is acknowledged and its FIN is lost (FreeBSD goto
 *                               step6, tcp_reass while SYN_RECEIVED, and SYN_RECEIVED's tcp_reass(tp, NULL, ...)
 *                               ignores the FIN it returns)
 * @param staleAckProcessed      a segment wholly left of RCV.NXT (an old duplicate, such as a FIN resent by a peer
 *                               in CLOSING) still has its ACK processed before the acknowledgment goes out in the
 *                               state that ACK leaves (FreeBSD tcp_do_segment: "Send an ACK to resynchronize and drop
 *                               any data. But keep on processing for RST or ACK"); without it two ends that both
 *                               resend their FIN with every ACK would answer each other for ever
 */
public record TcpStateRules(boolean ackRetransmitsFin, boolean timeWaitCheck, boolean synTextAccepted,
        boolean staleAckProcessed) {

    /** The RFC 9293 reading: none of the departures. */
    public static final TcpStateRules RFC = new TcpStateRules(false, false, false, false);
}
