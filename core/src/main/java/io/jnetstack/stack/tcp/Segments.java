package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.add;
import static io.jnetstack.wire.tcp.SeqNum.lt;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Building the segments a connection sends: SYN and SYN-ACK with the personality's options, ACKs, resets, and the
 * options of synchronized segments (timestamps, SACK); every segment records the window it advertises.
 */
final class Segments {
    private Segments() {}

    /**
     * {@code <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>}: the acknowledgment the output path sends (text and FIN received,
     * the delayed-ACK timer, the reply to an unacceptable segment). A pure ACK carries SND.MAX, not a SND.NXT rewound
     * by a timeout, so the peer does not find it outside its window (FreeBSD tcp_output: "For ACK only packets ...
     * use snd_max instead of snd_nxt"). Where the personality says so ({@code ackRetransmitsFin}) it carries our
     * unacknowledged FIN again.
     */
    static void ack(TcpConnection c, long nowNs) {
        if (c.stateRules.ackRetransmitsFin() && finOutstanding(c)) {
            // FreeBSD tcp_output: the state's tcp_outflags[] include TH_FIN and no data is left to send, so the
            // acknowledgment resends the FIN at snd_max - 1 ("if resending a FIN, be sure not to use a new sequence
            // number").
            c.stats.increment(TcpStats.Counter.RETRANSMITTED_SEGMENTS);
            send(c, add(c.sndMax, -1), c.rcvNxt, TcpHeader.ACK | TcpHeader.FIN, options(c, nowNs),
                    ByteString.EMPTY);
            return;
        }
        bareAck(c, nowNs);
    }

    /**
     * A bare {@code <SEQ=SND.MAX><ACK=RCV.NXT><CTL=ACK>} whatever the state: the RFC 5961 challenge ACK and FreeBSD's
     * TIME-WAIT answer, which FreeBSD sends with tcp_respond rather than tcp_output, so they never carry a FIN.
     */
    static void bareAck(TcpConnection c, long nowNs) {
        send(c, c.sndMax, c.rcvNxt, TcpHeader.ACK, options(c, nowNs), ByteString.EMPTY);
    }

    /**
     * Our FIN has been sent, is not yet acknowledged, every byte before it has gone and SND.NXT has not been rewound
     * by a timeout (FIN-WAIT-1, CLOSING, LAST-ACK with nothing left to send).
     */
    private static boolean finOutstanding(TcpConnection c) {
        return c.finQueued && !c.finAcked && c.sndNxt == c.sndMax && c.sndMax - c.sndUna == c.sendBuffer.size() + 1;
    }

    /** {@code <SEQ=seq><CTL=RST>} (RFC 9293 §3.10.7.3 and §3.10.7.4 for an unacceptable ACK). */
    static void reset(TcpConnection c, int seq) {
        c.stats.increment(TcpStats.Counter.RESETS_OUT);
        c.enqueue(TcpSegment.of(TcpHeader.of(c.localPort, c.remotePort, seq, 0, TcpHeader.RST, 0,
                signed(c, List.of()))));
    }

    /** {@code <SEQ=SND.MAX><ACK=RCV.NXT><CTL=RST,ACK>}: an abort (Linux tcp_send_active_reset, BSD tcp_drop). */
    static void resetAck(TcpConnection c) {
        c.stats.increment(TcpStats.Counter.RESETS_OUT);
        c.enqueue(TcpSegment.of(TcpHeader.of(c.localPort, c.remotePort, c.sndMax, c.rcvNxt,
                TcpHeader.RST | TcpHeader.ACK, 0, signed(c, List.of()))));
    }

    /**
     * The SYN-ACK with the personality's options, those the peer offered (RFC 9293 §3.10.7.2); ECE when it answers
     * an ECN-setup SYN the personality accepts (RFC 3168 §6.1.1).
     */
    static void synAck(TcpConnection c, SynOptions.Offer offer, long nowNs) {
        if (c.synAcksSent++ == 0) {
            c.firstSynAckNs = nowNs;
        }
        List<TcpOption> opts = c.output.noOptions() ? List.of()
                : SynOptions.build(c.personality.synOptionLayout(), offer, c.mss, c.personality.windowScale(),
                        tsVal(c, nowNs), c.tsRecent);
        raw(c, c.iss, c.rcvNxt, TcpHeader.SYN | TcpHeader.ACK | (c.ecn ? TcpHeader.ECE : 0), signed(c, opts),
                ByteString.EMPTY,
                c.personality.synWindow(c.mss));
    }

    /**
     * The personality's SYN (its options in its order, its window): none with TCP_NOOPT (FreeBSD tcp_output.c
     * builds options only without TF_NOOPT), MSS alone once the SYN options were dropped; ECE and CWR when the
     * personality asks for ECN in this SYN (RFC 3168 §6.1.1).
     */
    static void syn(TcpConnection c, long nowNs) {
        TcpState.SynSent ss = c.synSent();
        int retransmissions = ss == null ? 0 : ss.synsSent() - 1;
        c.ecnRequested = c.personality.synRequestsEcn(retransmissions);
        int flags = TcpHeader.SYN | (c.ecnRequested ? TcpHeader.ECE | TcpHeader.CWR : 0);
        List<TcpOption> opts = synOptions(c, retransmissions, nowNs);
        ByteString data = fastOpenData(c, opts);
        raw(c, c.iss, 0, flags, opts, data, c.personality.synWindow(c.mss));
        if (data.length() > 0) {
            c.sndNxt = add(c.iss, 1 + data.length());
            c.sndMax = c.sndNxt;
        }
    }

    /** The bytes of data a first SYN carrying the connection's Fast Open cookie has room for (by the personality). */
    static int synDataRoom(TcpConnection c, long nowNs) {
        List<TcpOption> opts = synOptions(c, 0, nowNs);
        return carriesCookie(c, opts) ? fastOpenRoom(c, opts) : 0;
    }

    /** Whether the SYN with {@code opts} carries a cookie (not a cookie request): only then may it carry data. */
    private static boolean carriesCookie(TcpConnection c, List<TcpOption> opts) {
        return c.fastOpenCookie != null && c.fastOpenCookie.length() > 0
                && opts.stream().anyMatch(o -> o instanceof TcpOption.FastOpenCookie);
    }

    /** The data room of a SYN with a cookie and {@code opts}, by the personality's rule. */
    private static int fastOpenRoom(TcpConnection c, List<TcpOption> opts) {
        int mss = c.fastOpenServerMss > 0 ? Math.min(c.mss, c.fastOpenServerMss) : c.mss;
        var rules = c.personality.fastOpenClient();
        return rules == null ? mss - length(opts) : rules.synDataRoom(mss, length(opts));
    }

    /** The options of SYN number {@code retransmissions} + 1, the signature and the Fast Open option included. */
    private static List<TcpOption> synOptions(TcpConnection c, int retransmissions, long nowNs) {
        List<TcpOption> opts;
        if (c.output.noOptions()) {
            opts = List.of();
        } else if (c.synOptionsDropped) {
            opts = List.of(new TcpOption.Mss(c.synMss));
        } else {
            opts = SynOptions.build(c.personality.synOptionLayout(), SynOptions.Offer.ALL, c.synMss,
                    c.personality.windowScale(), tsVal(c, nowNs), 0);
        }
        opts = signed(c, opts); // tcp_addoptions: the signature comes before the Fast Open option
        if (c.fastOpenCookie != null && retransmissions == 0 && !c.output.noOptions()) {
            var rules = c.personality.fastOpenClient();
            opts = withFastOpen(opts, c.fastOpenCookie, rules != null && rules.nopPadding());
        }
        return opts;
    }

    /**
     * The SYN's options with the Fast Open option after the others (FreeBSD tcp_output.c tcp_addoptions: TOF_FASTOPEN
     * comes last, then EOL padding to a word; it is left out when it does not fit in TCP_MAXOLEN). FreeBSD sends
     * it only in the first SYN ({@code t_rxtshift == 0}); so does Linux (tcp_send_syn_data: "Exclude Fast Open
     * option for SYN retries"), which pads with NOPs (tcp_options_write: two NOPs when {@code (len & 3) == 2}).
     */
    private static List<TcpOption> withFastOpen(List<TcpOption> opts, ByteString cookie, boolean nops) {
        List<TcpOption> out = new ArrayList<>(opts);
        while (!out.isEmpty() && out.getLast() instanceof TcpOption.Eol) {
            out.removeLast();
        }
        int len = length(out);
        if (len + 2 + cookie.length() > TcpHeader.MAX_OPTIONS_LENGTH) {
            return opts;
        }
        out.add(new TcpOption.FastOpenCookie(cookie, false));
        len += 2 + cookie.length();
        while (nops && len % 4 != 0) {
            out.add(new TcpOption.Nop());
            len++;
        }
        if (len % 4 != 0) {
            out.add(new TcpOption.Eol(ByteString.copyOf(new byte[3 - len % 4])));
        }
        return List.copyOf(out);
    }

    /**
     * The data a Fast Open SYN carries: none for a cookie request (FreeBSD tcp_output: "When sending a zero-length
     * cookie (cookie request) on an actively created socket" len = 0), else the queued bytes up to the room the
     * personality leaves ({@link io.jnetstack.personality.FastOpenClient#synDataRoom}; FreeBSD tcp_fastopen_connect
     * sets snd_wnd = t_maxseg and tcp_output trims len + optlen to t_maxseg).
     */
    private static ByteString fastOpenData(TcpConnection c, List<TcpOption> opts) {
        if (!carriesCookie(c, opts)) {
            return ByteString.EMPTY;
        }
        int n = Math.min(c.sendBuffer.size(), fastOpenRoom(c, opts));
        return n <= 0 ? ByteString.EMPTY : ByteString.wrap(c.sendBuffer.copy(0, n));
    }

    /**
     * The options of a synchronized segment: timestamps (RFC 7323 §3), the MD5 signature when the connection signs
     * (RFC 2385), and, while out-of-order data is held or a duplicate was just received, SACK blocks (RFC 2018 §4,
     * RFC 2883) — as many as the 40 bytes still hold (three next to timestamps, four without, none next to both), each
     * option padded with two NOPs as Linux and the BSDs lay them out (FreeBSD tcp_output.c tcp_addoptions: TS, then
     * SIGNATURE, then SACK).
     */
    static List<TcpOption> options(TcpConnection c, long nowNs) {
        List<TcpOption> head = c.timestamps ? List.of(new TcpOption.Nop(), new TcpOption.Nop(),
                new TcpOption.Timestamps(tsVal(c, nowNs), c.tsRecent)) : List.of();
        head = signed(c, head);
        int blocks = sackBlocksFitting(length(head));
        Optional<TcpOption.Sack> sack = c.sackBlocks == null || blocks <= 0 ? Optional.empty()
                : c.sackBlocks.optionForAck(blocks);
        if (sack.isEmpty()) {
            return head;
        }
        List<TcpOption> out = new ArrayList<>(head);
        out.add(new TcpOption.Nop());
        out.add(new TcpOption.Nop());
        out.add(sack.get());
        return out;
    }

    /**
     * The payload room of the next segment: {@link TransmissionControlBlock#effectiveMss()} less the SACK option it
     * will carry (Linux tcp_current_mss subtracts tcp_established_options), so a segment with SACK blocks still fits
     * the path.
     */
    static int room(TcpConnection c) {
        int room = c.effectiveMss();
        if (c.sackBlocks != null) {
            int n = c.sackBlocks.pendingBlocks();
            if (n > 0) {
                int fit = sackBlocksFitting((c.timestamps ? TcpConnection.TS_OPTION_BYTES : 0)
                        + (c.output.signsSegments() ? TcpConnection.SIGNATURE_OPTION_BYTES : 0));
                room -= fit <= 0 ? 0 : 4 + 8 * Math.min(n, fit);
            }
        }
        return room;
    }

    /** SACK blocks that fit after {@code used} option bytes: two NOPs, kind and length, 8 bytes a block. */
    static int sackBlocksFitting(int used) {
        return Math.min(4, (TcpHeader.MAX_OPTIONS_LENGTH - used - 4) / 8);
    }

    /**
     * {@code opts} followed by an (unsigned) MD5 signature option when the connection signs (TF_SIGNATURE), laid out
     * as FreeBSD tcp_output.c tcp_addoptions does for TOF_SIGNATURE: NOPs until the length is 2 modulo 4 (at least
     * one position taken), then the 18-byte option; left off when it would not fit the 40 bytes. The digest is filled
     * in when the segment leaves ({@link io.jnetstack.stack.TcpMd5}).
     */
    static List<TcpOption> signed(TcpConnection c, List<TcpOption> opts) {
        if (!c.output.signsSegments()) {
            return opts;
        }
        List<TcpOption> out = new ArrayList<>(opts);
        int len = length(opts);
        while (len == 0 || len % 4 != 2) {
            out.add(new TcpOption.Nop());
            len++;
        }
        if (TcpHeader.MAX_OPTIONS_LENGTH - len < TcpOption.Md5Signature.DIGEST_LENGTH + 2) {
            return opts;
        }
        out.add(TcpOption.Md5Signature.unsigned());
        return out;
    }

    /** The options' length on the wire. */
    static int length(List<TcpOption> opts) {
        int n = 0;
        for (TcpOption o : opts) {
            n += o.length();
        }
        return n;
    }

    /** Queues a segment carrying the current receive window (and records the right edge it advertises). */
    static void send(TcpConnection c, int seq, int ack, int flags, List<TcpOption> opts, ByteString payload) {
        c.segmentsUnacked = 0; // every segment carries the ACK
        c.delackAtNs = Long.MAX_VALUE;
        long offer = Receiver.advertisableWindow(c);
        if (c.personality.roundsWindowUpToScale()) {
            long unit = 1L << c.rcvShift;
            offer = (offer + unit - 1) / unit * unit; // FreeBSD tcp_output: recwin = roundup2(recwin, 1 << rcv_scale)
        }
        int wnd = (int) Math.min(offer >>> c.rcvShift, 65535);
        int edge = add(c.rcvNxt, wnd << c.rcvShift);
        if (lt(c.rcvAdv, edge)) {
            c.rcvAdv = edge;
        }
        raw(c, seq, ack, flags, opts, payload, wnd);
    }

    private static void raw(TcpConnection c, int seq, int ack, int flags, List<TcpOption> opts, ByteString payload,
            int window) {
        c.stats.increment(TcpStats.Counter.SEGMENTS_OUT);
        c.lastAckSent = ack;
        c.enqueue(new TcpSegment(TcpHeader.of(c.localPort, c.remotePort, seq, ack, flags, window, opts), payload));
    }

    /** RFC 7323 §4.1: a 1 kHz clock plus the connection's random offset (Linux secure_tcp_ts_off). */
    private static int tsVal(TcpConnection c, long nowNs) {
        return (int) (nowNs / TcpConnection.MS) + c.tsOffset;
    }
}
