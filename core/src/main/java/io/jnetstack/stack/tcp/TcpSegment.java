package io.jnetstack.stack.tcp;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;

/** A TCP segment as the core sees it: a validated header and its payload. */
public record TcpSegment(TcpHeader header, ByteString payload) {

    /** A segment without payload. */
    public static TcpSegment of(TcpHeader header) {
        return new TcpSegment(header, ByteString.EMPTY);
    }

    /** SEG.LEN (RFC 9293 §3.4): payload octets plus one each for SYN and FIN. */
    public int sequenceLength() {
        return payload.length() + (header.has(TcpHeader.SYN) ? 1 : 0) + (header.has(TcpHeader.FIN) ? 1 : 0);
    }

    /** True when the header has {@code flag}. */
    public boolean has(int flag) {
        return header.has(flag);
    }
}
