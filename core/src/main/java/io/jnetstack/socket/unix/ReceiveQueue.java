package io.jnetstack.socket.unix;

import io.jnetstack.personality.abi.Sockaddr;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A socket's receive buffer: queued messages with their senders. A stream reads across message boundaries; a
 * seqpacket or datagram socket reads one message at a time and discards what does not fit.
 */
final class ReceiveQueue {
    /** One queued write, record or datagram; {@code read} bytes of a stream chunk are already consumed. */
    private static final class Message {
        final byte[] data;
        final Sockaddr.Un source;
        int read;

        Message(byte[] data, Sockaddr.Un source) {
            this.data = data;
            this.source = source;
        }
    }

    private final ArrayDeque<Message> messages = new ArrayDeque<>();
    private long bytes;

    /** Appends a copy of {@code data}. */
    void add(byte[] data, Sockaddr.Un source) {
        messages.addLast(new Message(data.clone(), source));
        bytes += data.length;
    }

    /** Bytes queued and not yet read. */
    long bytes() {
        return bytes;
    }

    /** Messages queued (a partly read stream chunk counts as one). */
    int count() {
        return messages.size();
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Discards everything (BSD sorflush). */
    void clear() {
        messages.clear();
        bytes = 0;
    }

    /** Reads up to {@code max} bytes across messages (stream). */
    Received readStream(int max) {
        byte[] out = new byte[(int) Math.min(max, bytes)];
        int n = 0;
        Sockaddr.Un source = messages.isEmpty() ? Sockaddr.Un.unnamed() : messages.peekFirst().source;
        while (n < out.length) {
            Message m = messages.peekFirst();
            int take = Math.min(out.length - n, m.data.length - m.read);
            System.arraycopy(m.data, m.read, out, n, take);
            m.read += take;
            n += take;
            if (m.read == m.data.length) {
                messages.removeFirst();
            }
        }
        dropEmptyHeads();
        bytes -= n;
        return new Received(out, false, source, false);
    }

    /** Reads one whole message; bytes beyond {@code max} are discarded and reported as truncation. */
    Received readMessage(int max) {
        Message m = messages.removeFirst();
        bytes -= m.data.length;
        int n = Math.min(max, m.data.length);
        return new Received(Arrays.copyOf(m.data, n), n < m.data.length, m.source, false);
    }

    /** A stream write of zero bytes queues nothing readable; drop such chunks so they never look like data. */
    private void dropEmptyHeads() {
        while (!messages.isEmpty() && messages.peekFirst().read == messages.peekFirst().data.length) {
            messages.removeFirst();
        }
    }
}
