package io.jnetstack.link;

import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.IpAddress;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Ready-made fault rules. Every random rule draws from the {@link RandomSource} it is given, so runs replay. */
public final class Rules {
    private Rules() {}

    /** Drops each frame matching {@code match} with probability {@code p}. */
    public static Rule loss(double p, RandomSource rnd, Predicate<FrameInfo> match) {
        checkProbability(p);
        return f -> match.test(f) && rnd.chance(p) ? new Verdict.Drop("loss") : Verdict.PASS;
    }

    /** Drops every frame matching {@code match}. */
    public static Rule drop(Predicate<FrameInfo> match, String reason) {
        return f -> match.test(f) ? new Verdict.Drop(reason) : Verdict.PASS;
    }

    /** Delays each matching frame by {@code extraNs} with probability {@code p} (reordering behind later ones). */
    public static Rule reorder(double p, long extraNs, RandomSource rnd, Predicate<FrameInfo> match) {
        checkProbability(p);
        return f -> match.test(f) && rnd.chance(p) ? new Verdict.Delay(extraNs) : Verdict.PASS;
    }

    /** Duplicates each matching frame with probability {@code p}. */
    public static Rule duplicate(double p, RandomSource rnd, Predicate<FrameInfo> match) {
        checkProbability(p);
        return f -> match.test(f) && rnd.chance(p) ? new Verdict.Duplicate(1, 0) : Verdict.PASS;
    }

    /** Flips one random bit of one random byte of each matching frame with probability {@code p}. */
    public static Rule corrupt(double p, RandomSource rnd, Predicate<FrameInfo> match) {
        checkProbability(p);
        return f -> {
            if (!match.test(f) || !rnd.chance(p) || f.length() == 0) {
                return Verdict.PASS;
            }
            return new Verdict.Corrupt(rnd.nextInt(f.length()), 1 << rnd.nextInt(8));
        };
    }

    /**
     * Partitions two sets of hosts, named by their addresses: IP datagrams from one set to the other (either way)
     * are dropped. Traffic within a set, and non-IP frames (ARP), pass.
     */
    public static Rule partition(Set<? extends IpAddress> sideA, Set<? extends IpAddress> sideB) {
        Set<IpAddress> a = new TreeSet<>(sideA);
        Set<IpAddress> b = new TreeSet<>(sideB);
        return f -> {
            if (!f.isIp()) {
                return Verdict.PASS;
            }
            boolean across = a.contains(f.source()) && b.contains(f.destination())
                    || b.contains(f.source()) && a.contains(f.destination());
            return across ? new Verdict.Drop("partition") : Verdict.PASS;
        };
    }

    /** Answers each matching datagram with an ICMP error of {@code type}/{@code code} sent from {@code from}. */
    public static Rule icmpError(Predicate<FrameInfo> match, int type, int code, IpAddress from) {
        return f -> match.test(f) && f.isIp() ? new Verdict.ReplyIcmp(type, code, from) : Verdict.PASS;
    }

    /** Answers each matching TCP segment with a RST. */
    public static Rule rst(Predicate<FrameInfo> match) {
        return f -> match.test(f) && f.isIp() && f.protocol() == io.jnetstack.wire.IpProtocol.TCP
                ? new Verdict.ReplyRst() : Verdict.PASS;
    }

    /** Matches every IP datagram to {@code destination}. */
    public static Predicate<FrameInfo> to(IpAddress destination) {
        return f -> f.isIp() && destination.equals(f.destination());
    }

    /** Matches every frame. */
    public static Predicate<FrameInfo> any() {
        return f -> true;
    }

    private static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + p);
        }
    }
}
