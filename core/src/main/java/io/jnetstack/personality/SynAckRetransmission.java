package io.jnetstack.personality;

import java.util.Arrays;

/**
 * When a listener sends its SYN-ACK again while the client's final ACK does not come, when it forgets the half-open
 * connection, and what a retransmitted SYN from the client does to that schedule.
 *
 * @param sendOffsetsNs offsets from the first SYN-ACK of every SYN-ACK the timer sends, the first being 0
 * @param giveUpNs      offset from the first SYN-ACK at which the half-open connection is dropped
 * @param onDuplicate   what a retransmitted SYN (same ISN) does besides drawing an immediate SYN-ACK
 * @param resetOnGiveUp whether giving up sends a RST,ACK (XNU tcp_drop of a SYN_RECEIVED tcpcb) rather than
 *                      forgetting the request silently (Linux request sock, FreeBSD syncache, OpenBSD syn cache)
 */
public record SynAckRetransmission(long[] sendOffsetsNs, long giveUpNs, DuplicateSyn onDuplicate,
        boolean resetOnGiveUp) {

    /** What a duplicate SYN does to the SYN-ACK timer (the immediate SYN-ACK it draws is the same for every OS). */
    public enum DuplicateSyn {
        /**
         * Re-arm the timer to the current interval from now, without using up a retry (Linux tcp_check_req:
         * {@code mod_timer_pending(&req->rsk_timer, jiffies + reqsk_timeout(req, TCP_RTO_MAX))}); the give-up moves
         * by as much.
         */
        RESTART_INTERVAL,
        /**
         * Start the whole schedule again from now (FreeBSD syncache_add: "Retransmit SYN|ACK and reset retransmit
         * count": {@code sc->sc_rxmits = 0; syncache_timeout(sc, sch, 1)}).
         */
        RESTART_SCHEDULE,
        /** Leave the timer alone (OpenBSD syn_cache_add, XNU tcp_input TF_ACKNOW in SYN_RECEIVED). */
        KEEP
    }

    /** Validates: starts at 0, strictly increasing, last send before giving up. */
    public SynAckRetransmission {
        sendOffsetsNs = sendOffsetsNs.clone();
        if (sendOffsetsNs.length == 0 || sendOffsetsNs[0] != 0) {
            throw new IllegalArgumentException("the first SYN-ACK is sent at offset 0");
        }
        for (int i = 1; i < sendOffsetsNs.length; i++) {
            if (sendOffsetsNs[i] <= sendOffsetsNs[i - 1]) {
                throw new IllegalArgumentException("SYN-ACK offsets must increase");
            }
        }
        if (giveUpNs <= sendOffsetsNs[sendOffsetsNs.length - 1]) {
            throw new IllegalArgumentException("give-up must come after the last SYN-ACK");
        }
    }

    /** From offsets in milliseconds. */
    public static SynAckRetransmission ofMillis(DuplicateSyn onDuplicate, boolean resetOnGiveUp, long giveUpMs,
            long... offsetsMs) {
        return new SynAckRetransmission(Arrays.stream(offsetsMs).map(m -> m * 1_000_000L).toArray(),
                giveUpMs * 1_000_000L, onDuplicate, resetOnGiveUp);
    }

    /** Number of SYN-ACKs the timer sends in all (the first plus retransmissions). */
    public int count() {
        return sendOffsetsNs.length;
    }

    /** Offset of SYN-ACK number {@code i} (0-based). */
    public long offsetNs(int i) {
        return sendOffsetsNs[i];
    }

    /** The offsets of every SYN-ACK, a copy. */
    @Override
    public long[] sendOffsetsNs() {
        return sendOffsetsNs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SynAckRetransmission r && Arrays.equals(sendOffsetsNs, r.sendOffsetsNs)
                && giveUpNs == r.giveUpNs && onDuplicate == r.onDuplicate && resetOnGiveUp == r.resetOnGiveUp;
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(sendOffsetsNs) * 31 + Long.hashCode(giveUpNs)) * 31 + onDuplicate.hashCode();
    }

    @Override
    public String toString() {
        return "SynAckRetransmission" + Arrays.toString(sendOffsetsNs) + " giveUp=" + giveUpNs + " dup="
                + onDuplicate + " rst=" + resetOnGiveUp;
    }
}
