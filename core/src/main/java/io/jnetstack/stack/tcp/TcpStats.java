package io.jnetstack.stack.tcp;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Per-connection counters for every drop, retransmission and notable event (the numbers `netstat -s` and
 * Linux's TcpExt MIB report), read by tests and printed by tools. A stack sums them over its connections.
 */
public final class TcpStats {

    /** What is counted. */
    public enum Counter {
        /** Segments that arrived for this connection. */
        SEGMENTS_IN,
        /** Segments sent, retransmissions included. */
        SEGMENTS_OUT,
        /** Payload bytes sent for the first time. */
        BYTES_SENT,
        /** Payload bytes delivered in order to the receive buffer. */
        BYTES_RECEIVED,
        /** Segments sent again (timeout, fast retransmit or SACK recovery). */
        RETRANSMITTED_SEGMENTS,
        /** Payload bytes sent again. */
        RETRANSMITTED_BYTES,
        /** Retransmission-timer expiries (RFC 6298 §5.4). */
        TIMEOUTS,
        /** Loss recoveries entered on duplicate ACKs or SACK (RFC 5681 §3.2, RFC 6675 §5). */
        FAST_RECOVERIES,
        /** Duplicate ACKs received (RFC 5681 §2). */
        DUPLICATE_ACKS_IN,
        /** Segments that arrived beyond RCV.NXT and were queued. */
        OUT_OF_ORDER_IN,
        /** Segments whose text had all been received before. */
        DUPLICATE_SEGMENTS_IN,
        /** Segments outside the receive window (RFC 9293 §3.10.7.4 first check). */
        UNACCEPTABLE_IN,
        /** Segments dropped by PAWS (RFC 7323 §5). */
        PAWS_DROPS,
        /** Segments without timestamps dropped once timestamps were in use (RFC 7323 §3.2). */
        MISSING_TIMESTAMP_DROPS,
        /** ACKs outside [SND.UNA − MAX.SND.WND, SND.NXT] (RFC 5961 §5.2). */
        BAD_ACKS_IN,
        /** Challenge ACKs sent (RFC 5961 §3.2, §4.2). */
        CHALLENGE_ACKS,
        /** Resets received and acted on. */
        RESETS_IN,
        /** Resets sent. */
        RESETS_OUT,
        /** Zero-window probes sent (RFC 9293 §3.8.6.1). */
        WINDOW_PROBES,
        /** ACKs that were delayed rather than sent at once (RFC 1122 §4.2.3.2). */
        DELAYED_ACKS,
        /** Keep-alive probes sent (RFC 1122 §4.2.3.6). */
        KEEPALIVE_PROBES,
        /** Path MTU reductions from ICMP fragmentation-needed / Packet Too Big (RFC 1191, RFC 8201). */
        PMTU_REDUCTIONS,
        /** Segments with SYN and FIN dropped by the personality's rule (FreeBSD drop_synfin, tcps_badsyn). */
        SYN_FIN_DROPS
    }

    private static final Counter[] COUNTERS = Counter.values();
    private final long[] counts = new long[COUNTERS.length];

    /** Adds one. */
    public void increment(Counter c) {
        counts[c.ordinal()]++;
    }

    /** Adds {@code n}. */
    public void add(Counter c, long n) {
        counts[c.ordinal()] += n;
    }

    /** Adds every counter of {@code other} to this one. */
    public void addAll(TcpStats other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** The current value. */
    public long get(Counter c) {
        return counts[c.ordinal()];
    }

    /** Non-zero counters in declaration order, "name=value" separated by spaces. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(" ");
        for (Counter c : COUNTERS) {
            if (counts[c.ordinal()] != 0) {
                j.add(c.name().toLowerCase(Locale.ROOT) + "=" + counts[c.ordinal()]);
            }
        }
        return j.toString();
    }
}
