package io.jnetstack.pkt;

import java.util.List;
import java.util.OptionalLong;

/** One TCP option inside {@code <...>} in a packet line. */
public sealed interface TcpOption {

    /** A packet's option list: exactly these options (none when the list is absent), or {@code <...>}. */
    sealed interface OptionList {}

    /**
     * The options must be exactly these, in order.
     *
     * @param options the options; empty when the line has no {@code <...>}
     */
    record Listed(List<TcpOption> options) implements OptionList {
        /** Copies the list. */
        public Listed {
            options = List.copyOf(options);
        }
    }

    /** {@code <...>}: options are not checked. */
    record Unchecked() implements OptionList {}

    /** {@code nop} (RFC 9293 §3.2). */
    record Nop() implements TcpOption {}

    /** {@code eol} (RFC 9293 §3.2). */
    record Eol() implements TcpOption {}

    /** {@code mss N} (RFC 9293 §3.2). */
    record Mss(int value) implements TcpOption {}

    /** {@code wscale N} (RFC 7323 §2). */
    record WindowScale(int shift) implements TcpOption {}

    /** {@code sackOK} (RFC 2018 §2). */
    record SackPermitted() implements TcpOption {}

    /** {@code sack a:b c:d} (RFC 2018 §3). */
    record Sack(List<SackBlock> blocks) implements TcpOption {
        /** Copies the list. */
        public Sack {
            blocks = List.copyOf(blocks);
        }
    }

    /** One SACK block {@code left:right}. */
    record SackBlock(long left, long right) {}

    /**
     * {@code TS val N ecr M} (RFC 7323 §3).
     *
     * @param value TSval; empty for {@code val ...} (not checked)
     * @param echoReply TSecr
     * @param echoReplyAbsolute true for {@code ecr M!}: the echo reply is absolute, not relative
     */
    record Timestamp(OptionalLong value, long echoReply, boolean echoReplyAbsolute) implements TcpOption {}

    /**
     * {@code md5 valid} or {@code md5 <hex digest>} (RFC 2385).
     *
     * @param digest the hex digest as written, or {@code valid} for "a correct signature"
     */
    record Md5(String digest) implements TcpOption {
        /** True for {@code md5 valid}. */
        public boolean valid() {
            return digest.equals("valid");
        }
    }

    /**
     * {@code FO cookie} or a bare {@code FO} (RFC 7413 §4.1.1).
     *
     * @param cookieHex the cookie as hex digits, empty for a cookie request
     */
    record FastOpen(String cookieHex) implements TcpOption {}
}
