package io.jnetstack.hostmatrix;

import io.jnetstack.host.HostSyscalls;
import io.jnetstack.host.NetNamespace;
import io.jnetstack.link.Replies;
import io.jnetstack.socket.PollFd;
import io.jnetstack.socket.Syscalls;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Ipv4Address;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The server namespace answering TCP SYNs with an ICMP error that netfilter cannot send (parameter problem,
 * fragmentation needed, an error quoting a sequence number the client never sent): a packet socket on the server's
 * interfaces sees each SYN to the server before netfilter drops it (the packet taps run in
 * __netif_receive_skb_core, ahead of the INPUT hook), and a raw socket (IPPROTO_RAW: the header is ours) sends the
 * error from the server, built by {@link Replies#icmpv4Error} exactly as the simulated fault rule builds it. The
 * bench's netfilter rule drops the SYNs answered, so the server's own TCP never sees them.
 */
final class SynIcmpResponder implements AutoCloseable {
    /** AF_PACKET, SOCK_DGRAM (link header removed), ETH_P_IP in network order (linux/if_ether.h). */
    private static final int AF_PACKET = 17;
    private static final int SOCK_DGRAM = 2;
    private static final int ETH_P_IP_BE = 0x0008;
    /** AF_INET, SOCK_RAW, IPPROTO_RAW: IP_HDRINCL implied (raw(7)). */
    private static final int AF_INET = 2;
    private static final int SOCK_RAW = 3;
    private static final int IPPROTO_RAW = 255;
    private static final int POLLIN = 1;
    private static final int POLL_MS = 50;

    private final Ipv4Address server;
    private final int type;
    private final int code;
    private final int count;
    private final int seqShift;
    private volatile boolean closed;
    private final Thread thread;

    /**
     * Starts answering SYNs to {@code server}: the first {@code count} (every one when negative) with ICMP
     * {@code type}/{@code code}, quoting the SYN with its sequence number moved by {@code seqShift}. Returns once
     * the sockets are open, so no SYN sent afterwards is missed.
     */
    SynIcmpResponder(NetNamespace ns, Ipv4Address server, int type, int code, int count, int seqShift)
            throws IOException {
        this.server = server;
        this.type = type;
        this.code = code;
        this.count = count;
        this.seqShift = seqShift;
        CompletableFuture<int[]> opened = new CompletableFuture<>();
        thread = ns.threads("host-row-icmp").newThread(() -> run(opened));
        thread.setDaemon(true);
        thread.start();
        try {
            opened.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the ICMP responder's sockets", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private void run(CompletableFuture<int[]> opened) {
        Syscalls sys = new HostSyscalls();
        int tap = sys.socket(AF_PACKET, SOCK_DGRAM, ETH_P_IP_BE);
        int raw = tap < 0 ? -1 : sys.socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
        if (tap < 0 || raw < 0) {
            String which = tap < 0 ? "AF_PACKET" : "SOCK_RAW";
            opened.completeExceptionally(new IOException("ICMP responder: socket(" + which + ") failed, errno "
                    + sys.errno()));
            sys.close(tap);
            return;
        }
        opened.complete(new int[] {tap, raw});
        try {
            serve(sys, tap, raw);
        } finally {
            sys.close(tap);
            sys.close(raw);
        }
    }

    private void serve(Syscalls sys, int tap, int raw) {
        byte[] buf = new byte[2048];
        int answered = 0;
        while (!closed && (count < 0 || answered < count)) {
            PollFd[] p = {new PollFd(tap, POLLIN)};
            if (sys.poll(p, 1, POLL_MS) <= 0) {
                continue;
            }
            int n = sys.recv(tap, buf, buf.length, 0);
            if (n > 0 && isSynTo(buf, n)) {
                shiftSequence(buf);
                byte[] icmp = Replies.icmpv4Error(type, code, 0, server, buf, 0, n, 64, Replies.ICMPV4_ERROR_MAX);
                byte[] to = sockaddrIn(icmp, 16);
                sys.sendto(raw, icmp, icmp.length, 0, to, to.length);
                answered++;
            }
        }
    }

    /** An IPv4 TCP segment to the server with SYN set and ACK clear. */
    private boolean isSynTo(byte[] b, int n) {
        int ihl = (b[0] & 0x0f) * 4;
        return n >= ihl + 20 && (b[0] & 0xf0) == 0x40 && b[9] == 6 && server.equals(Ipv4Address.read(b, 16))
                && (b[ihl + 13] & 0x12) == 0x02;
    }

    /** Moves the quoted sequence number by {@code seqShift} (the quote only: the SYN itself is dropped). */
    private void shiftSequence(byte[] b) {
        int at = (b[0] & 0x0f) * 4 + 4;
        Bytes.putInt(b, at, Bytes.getInt(b, at) + seqShift);
    }

    /** A Linux sockaddr_in for the IPv4 address at {@code off} in {@code packet} (the error's destination). */
    private static byte[] sockaddrIn(byte[] packet, int off) {
        byte[] sa = new byte[16];
        sa[0] = (byte) AF_INET; // sa_family_t, little-endian on every Linux the host target runs on
        System.arraycopy(packet, off, sa, 4, 4);
        return sa;
    }

    /** Stops answering and closes the sockets (within one poll interval). */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10 * POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
