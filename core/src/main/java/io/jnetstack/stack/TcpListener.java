package io.jnetstack.stack;

import io.jnetstack.personality.ListenRules;
import io.jnetstack.stack.tcp.SynAckTimer;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.time.RandomSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One listening port (RFC 9293 LISTEN) with its two queues: the half-open connections in SYN-RECEIVED (Linux's
 * request socks, the BSD SYN caches, XNU's so_incomp) and the completed connections waiting for {@link #accept}
 * (Linux's accept queue, BSD so_comp). How many fit and what overflow does come from the personality's
 * {@link ListenRules}.
 */
final class TcpListener {
    /** A half-open connection and its SYN-ACK timer; {@code irs} is the sequence number of the SYN that opened it. */
    record HalfOpen(TcpConnection connection, SynAckTimer timer, int irs) {}

    private final ListenRules rules;
    private final Map<TcpHandle, HalfOpen> synQueue = new TreeMap<>();
    private final ArrayDeque<TcpHandle> acceptQueue = new ArrayDeque<>();
    private int capacity;
    /** The listening socket's IP TTL and TOS and TCP_NOOPT, which its connections inherit. */
    private io.jnetstack.stack.tcp.TcpOutputOptions output = io.jnetstack.stack.tcp.TcpOutputOptions.DEFAULTS;

    TcpListener(ListenRules rules, int backlog) {
        this.rules = rules;
        setBacklog(backlog);
    }

    /** listen(2) again on a listening socket only changes the limit. */
    void setBacklog(int backlog) {
        capacity = rules.capacity(backlog);
    }

    ListenRules rules() {
        return rules;
    }

    /** What connections opened here start with (the listening socket's IP TTL and TOS, TCP_NOOPT). */
    io.jnetstack.stack.tcp.TcpOutputOptions output() {
        return output;
    }

    void output(io.jnetstack.stack.tcp.TcpOutputOptions o) {
        output = o;
    }

    /** Whether a new SYN may make a half-open connection now (before any XNU eviction). */
    boolean admitsSyn() {
        return switch (rules.overflow()) {
            case DROP_SYN_IGNORE_ACK -> acceptQueue.size() < capacity;
            case RESET_FINAL_ACK -> true;
            case EVICT_HALF_OPEN -> acceptQueue.size() + synQueue.size() < capacity;
        };
    }

    /** Whether a half-open connection whose handshake completes now may join the accept queue. */
    boolean admitsCompletion() {
        return switch (rules.overflow()) {
            case DROP_SYN_IGNORE_ACK, RESET_FINAL_ACK -> acceptQueue.size() < capacity;
            case EVICT_HALF_OPEN -> true;
        };
    }

    /** XNU tcp_dropdropablreq: a pseudo-random half-open connection (null when there is none). */
    TcpHandle victim(RandomSource random) {
        if (synQueue.isEmpty()) {
            return null;
        }
        List<TcpHandle> all = new ArrayList<>(synQueue.keySet());
        return all.get(random.nextInt(all.size()));
    }

    HalfOpen halfOpen(TcpHandle h) {
        return synQueue.get(h);
    }

    void addHalfOpen(TcpHandle h, HalfOpen ho) {
        synQueue.put(h, ho);
    }

    void removeHalfOpen(TcpHandle h) {
        synQueue.remove(h);
    }

    /** The half-open connections in handle order (a copy). */
    List<Map.Entry<TcpHandle, HalfOpen>> halfOpen() {
        return new ArrayList<>(synQueue.entrySet());
    }

    /** Moves a connection whose handshake completed from the SYN queue to the end of the accept queue. */
    void complete(TcpHandle h) {
        synQueue.remove(h);
        acceptQueue.addLast(h);
    }

    /** The oldest completed connection, removed; null when none waits. */
    TcpHandle accept() {
        return acceptQueue.pollFirst();
    }

    int acceptQueueLength() {
        return acceptQueue.size();
    }

    /** The completed, unaccepted connections in arrival order (a copy). */
    List<TcpHandle> queued() {
        return new ArrayList<>(acceptQueue);
    }

    /** When the next SYN-ACK timer needs running. */
    long nextDeadlineNs() {
        long next = Long.MAX_VALUE;
        for (HalfOpen ho : synQueue.values()) {
            next = Math.min(next, ho.timer().nextNs());
        }
        return next;
    }
}
