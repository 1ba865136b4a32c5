package io.jnetstack.matrix;

import io.jnetstack.socket.Syscalls;
import java.util.function.Consumer;

/**
 * A {@link Bench} on a real kernel instead of the simulation: the same two hosts (client 10.0.0.1/2001:db8::1,
 * server 10.0.0.2/2001:db8::2 on one segment, 10.0.0.99 unanswered) as namespaces of the machine. The steps a
 * kernel cannot do faithfully throw {@link NotOnHost}.
 */
public interface KernelBackend {
    /** The calling thread's system calls (the scenario thread's, inside the client). */
    Syscalls sys();

    /** Sleeps {@code seconds} of real time. */
    void pause(double seconds);

    /** Starts {@code body} on a thread inside the server and lets it reach its first blocking call. */
    void serverThread(Consumer<Syscalls> body);

    /** Starts {@code body} on another thread of the scenario's process (inside the client) and returns at once. */
    void clientThread(Consumer<Syscalls> body);

    /** Drops every IPv4 packet addressed to the server, at the server (a black hole: no answer, no ICMP). */
    void serverDrop();

    /**
     * Catches SIGALRM (with SA_RESTART when {@code restart}) and sends it to the calling thread {@code seconds} from
     * now, as alarm(2) with a handler would.
     */
    void alarm(double seconds, boolean restart);

    /** Drops the first TCP SYN addressed to the server, at the server; later ones (retransmissions) pass. */
    void serverDropFirstSyn();

    /** Answers the first packet addressed to the server with this ICMP error from the server, then drops all. */
    void serverIcmpThenDrop(int type, int code);

    /** Answers every TCP segment addressed to the server with this ICMP error from the server. */
    void serverIcmp(int type, int code);

    /**
     * Answers TCP SYNs to the server — the first only when {@code firstOnly}, else every one — with an ICMP error
     * from the server that quotes the SYN with its sequence number moved by {@code seqShift}; the SYNs answered are
     * dropped before the server's TCP sees them.
     */
    void serverIcmpForSyns(int type, int code, boolean firstOnly, int seqShift);

    /** A default route on the client via 10.0.0.254 (a router that is not there). */
    void defaultRoute();

    /** Seconds since the bench started, to the millisecond. */
    double now();
}
