package io.jnetstack.personality;

/**
 * An OS's passive-open rules: how listen(2)'s backlog becomes a queue limit, how many connections that limit admits,
 * what happens when it is reached, the SYN-ACK retransmission schedule, and when a SYN may reopen a 4-tuple in
 * TIME-WAIT. Facts and sources: docs/research/tcp-closing.md §§1, 6, 7.
 *
 * <p>The queue holds {@code capacity(backlog) = queueLimit(backlog) × numerator / denominator + extra} connections
 * (integer division, as the kernels compute it): a new one is admitted while fewer than that many are counted.
 *
 * @param somaxconn   the backlog ceiling (Linux net.core.somaxconn 4096; SOMAXCONN 128 on the BSDs)
 * @param sominconn   the backlog floor (OpenBSD sominconn 80; 0 elsewhere)
 * @param zeroIsMax   a backlog of 0 means the ceiling, as a negative one does everywhere (XNU solisten)
 * @param numerator   the queue-limit multiplier's numerator
 * @param denominator the queue-limit multiplier's denominator
 * @param extra       added after multiplying (1 where the kernel's test is "more than", 0 for "at least")
 * @param overflow    what a full queue does
 * @param timeWaitSyn when a SYN to a 4-tuple in TIME-WAIT opens a new connection
 * @param synAck      the SYN-ACK retransmission schedule
 */
public record ListenRules(int somaxconn, int sominconn, boolean zeroIsMax, int numerator, int denominator, int extra,
        AcceptOverflow overflow, TimeWaitSyn timeWaitSyn, SynAckRetransmission synAck) {

    /** What happens when the listen queue is full. */
    public enum AcceptOverflow {
        /**
         * Linux: only completed connections count. A SYN arriving while the accept queue is full is dropped silently
         * (tcp_conn_request: {@code if (sk_acceptq_is_full(sk)) goto drop}); a final ACK that finds it full is
         * ignored and the request stays, its SYN-ACK timer still running (tcp_check_req listen_overflow with
         * tcp_abort_on_overflow = 0: {@code inet_rsk(req)->acked = 1}), so the client believes it is connected.
         */
        DROP_SYN_IGNORE_ACK,
        /**
         * FreeBSD and OpenBSD: every SYN is answered from the SYN cache; the socket is created at the final ACK
         * (syncache_socket / syn_cache_get → sonewconn) and when that fails the ACK is answered with a RST
         * (FreeBSD net.inet.tcp.syncache.rst_on_sock_fail = 1; OpenBSD resetandabort).
         */
        RESET_FINAL_ACK,
        /**
         * XNU: no SYN cache; sonewconn runs at each SYN and half-open connections count. When the queue is full,
         * tcp_dropdropablreq silently closes a pseudo-randomly chosen half-open connection to make room; when there is
         * none the SYN is dropped (tcp_input: {@code goto drop}, tcps_listendrop).
         */
        EVICT_HALF_OPEN
    }

    /** When a SYN for a 4-tuple in TIME-WAIT is taken as a new connection rather than answered with an ACK. */
    public enum TimeWaitSyn {
        /**
         * Linux tcp_timewait_state_process: {@code after(seq, tw_rcv_nxt)} or a timestamp newer than ts_recent; the
         * new connection's ISN is {@code tw_snd_nxt + 65535 + 2} (TCP_TW_SYN, tcp_v4_rcv).
         */
        AFTER_RCV_NXT_OR_NEWER_TIMESTAMP,
        /** FreeBSD tcp_twcheck, OpenBSD tcp_input: {@code SEQ_GT(th->th_seq, rcv_nxt)}; the ISN is fresh. */
        AFTER_RCV_NXT,
        /**
         * XNU tcp_input: only in the "segment ends after the window" branch, so the SYN must lie wholly beyond
         * RCV.NXT + RCV.WND; the ISN is a fresh tcp_new_isn().
         */
        BEYOND_WINDOW
    }

    /** Validates the ranges. */
    public ListenRules {
        if (somaxconn <= 0 || sominconn < 0 || sominconn > somaxconn || numerator <= 0 || denominator <= 0
                || extra < 0) {
            throw new IllegalArgumentException("listen rules out of range");
        }
    }

    /** The queue limit listen(2) with {@code backlog} sets (Linux sk_max_ack_backlog, BSD so_qlimit). */
    public int queueLimit(int backlog) {
        int b = backlog < 0 || backlog > somaxconn || zeroIsMax && backlog == 0 ? somaxconn : backlog;
        return Math.max(b, sominconn);
    }

    /** How many connections the queue admits for {@code backlog}: while fewer are counted, one more fits. */
    public int capacity(int backlog) {
        return queueLimit(backlog) * numerator / denominator + extra;
    }
}
