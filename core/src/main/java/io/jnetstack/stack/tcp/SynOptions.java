package io.jnetstack.stack.tcp;

import io.jnetstack.personality.SynOption;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the option list of a SYN or SYN-ACK from a personality's layout. A SYN carries every option of the
 * layout; a SYN-ACK only those the peer's SYN offered (RFC 7323 §2.2, §3.2; RFC 2018 §2), MSS always.
 *
 * <p>Dropping an option also drops the NOPs that aligned it (they precede it in every layout) and the EOLs that
 * padded after it (XNU's SACK-permitted). Decision: when what remains is not a multiple of four bytes, the header
 * pads with zero (EOL) bytes; each kernel's exact SYN-ACK padding in that case is not reproduced yet.
 */
final class SynOptions {
    private SynOptions() {}

    /** What the peer's SYN offered (for a SYN-ACK), or everything (for a SYN). */
    record Offer(boolean windowScale, boolean sackPermitted, boolean timestamps) {
        static final Offer ALL = new Offer(true, true, true);
    }

    static List<TcpOption> build(List<SynOption> layout, Offer offer, int mss, int windowScale, int tsVal,
            int tsEcr) {
        List<SynOption> kept = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            SynOption o = layout.get(i);
            if (o == SynOption.NOP || o == SynOption.EOL || offered(o, offer)) {
                kept.add(o);
                continue;
            }
            while (!kept.isEmpty() && kept.getLast() == SynOption.NOP) {
                kept.removeLast();
            }
            while (i + 1 < layout.size() && layout.get(i + 1) == SynOption.EOL) {
                i++;
            }
        }
        while (!kept.isEmpty() && kept.getLast() == SynOption.NOP) {
            kept.removeLast();
        }
        int eols = 0;
        while (!kept.isEmpty() && kept.getLast() == SynOption.EOL) {
            kept.removeLast();
            eols++;
        }
        List<TcpOption> out = new ArrayList<>(kept.size() + 1);
        for (SynOption o : kept) {
            out.add(switch (o) {
                case MSS -> new TcpOption.Mss(mss);
                case NOP -> new TcpOption.Nop();
                case WINDOW_SCALE -> new TcpOption.WindowScale(windowScale);
                case SACK_PERMITTED -> new TcpOption.SackPermitted();
                case TIMESTAMPS -> new TcpOption.Timestamps(tsVal, tsEcr);
                case EOL -> throw new IllegalArgumentException("EOL inside a SYN option layout: " + layout);
            });
        }
        if (eols > 0) { // one EOL ends the list; the rest of the padding is its trailing zero bytes
            out.add(new TcpOption.Eol(ByteString.copyOf(new byte[eols - 1])));
        }
        return out;
    }

    private static boolean offered(SynOption o, Offer offer) {
        return switch (o) {
            case MSS, NOP, EOL -> true;
            case WINDOW_SCALE -> offer.windowScale();
            case SACK_PERMITTED -> offer.sackPermitted();
            case TIMESTAMPS -> offer.timestamps();
        };
    }

    /** What a received SYN offers. */
    static Offer offerOf(List<TcpOption> options) {
        boolean ws = false;
        boolean sack = false;
        boolean ts = false;
        for (TcpOption o : options) {
            ws |= o instanceof TcpOption.WindowScale;
            sack |= o instanceof TcpOption.SackPermitted;
            ts |= o instanceof TcpOption.Timestamps;
        }
        return new Offer(ws, sack, ts);
    }
}
