package io.jnetstack.stack;

/**
 * Names one UDP endpoint of a stack: an opaque number, handed out in increasing order by
 * {@link UdpEndpoints#open}, never reused by that stack.
 */
public record UdpHandle(long id) implements Comparable<UdpHandle> {

    @Override
    public int compareTo(UdpHandle o) {
        return Long.compare(id, o.id);
    }

    @Override
    public String toString() {
        return "udp#" + id;
    }
}
