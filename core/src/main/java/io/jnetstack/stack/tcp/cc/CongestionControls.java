package io.jnetstack.stack.tcp.cc;

import io.jnetstack.personality.CongestionTuning;
import io.jnetstack.personality.CongestionAlgorithm;

/** Builds the congestion controller a personality names. */
public final class CongestionControls {
    private CongestionControls() {
    }

    /** A controller with {@link CongestionTuning#rfc()} tuning (RFC 3465 L = 2, RFC 5681 §4.1 restart, HyStart on). */
    public static CongestionControl create(CongestionAlgorithm a, int mss, long initialWindowBytes) {
        return create(a, mss, initialWindowBytes, CongestionTuning.rfc());
    }

    /** A controller with explicit tuning. */
    public static CongestionControl create(CongestionAlgorithm a, int mss, long initialWindowBytes,
            CongestionTuning tuning) {
        return switch (a) {
            case NEWRENO -> new NewReno(mss, initialWindowBytes, tuning);
            case CUBIC -> new Cubic(mss, initialWindowBytes, tuning);
        };
    }
}
