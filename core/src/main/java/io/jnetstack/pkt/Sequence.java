package io.jnetstack.pkt;

/** A TCP segment's sequence space as written: {@code start:end(length)} or {@code ...(length)}. */
public sealed interface Sequence {

    /** The payload length in bytes. */
    int length();

    /**
     * {@code 1:1001(1000)}; {@code end == start + length} is checked by the parser.
     *
     * @param start the first sequence number (relative to the initial one unless {@code absolute})
     * @param end the sequence number after the payload
     * @param length the payload length
     * @param absolute true for the {@code start:end(len)!} form: the numbers are absolute, not relative
     */
    record Range(long start, long end, int length, boolean absolute) implements Sequence {}

    /**
     * {@code ...(1000)}: any sequence number, this payload length.
     *
     * @param length the payload length
     */
    record AnyStart(int length) implements Sequence {}
}
