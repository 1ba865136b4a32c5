package io.jnetstack.stack;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.PortRange;
import io.jnetstack.personality.PortSelection;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.IpAddress;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * One stack's ephemeral-port allocator for one protocol, following the personality's {@link PortSelection}. Every
 * random choice comes from the seeded {@link RandomSource} it is given, so a seed fixes every port.
 *
 * <p>Linux ({@link PortSelection.Strategy#LINUX_HASHED_PARITY}): connect() starts at {@code (perturb[index] +
 * (hash >>> 32)) % remaining} rounded down to the parity of the range start, where {@code hash} is a keyed 64-bit
 * hash of (local address, remote address, remote port) standing in for {@code secure_ipv4_port_ephemeral} (siphash
 * with {@code net_secret}) and {@code index} its low 16 bits ({@code INET_TABLE_PERTURB_SIZE} 2^16); it walks in steps
 * of 2 and then tries the other parity. On success the bucket advances by {@code max(walked, random(8) * 2) + 2}.
 * bind(0) takes a random offset of the opposite parity, then the first parity. Like Linux, the walk covers
 * {@code size & ~1} ports, so with an odd-sized range the last port is never handed out.
 *
 * <p>BSDs ({@link PortSelection.Strategy#RANDOM_START_LINEAR}): the start is drawn in {@code [first, last)}, each try
 * takes the next port up (wrapping from last to first), skipped ports are passed over, and after {@code size} tries
 * the range is exhausted.
 */
public final class EphemeralPorts {
    /** Why a port is wanted: the implicit bind of connect(), or bind() to port 0. */
    public enum Use {
        /** connect() on an unbound socket. */
        CONNECT,
        /** bind() with port 0 (and Linux autobind). */
        BIND
    }

    private static final int PERTURB_MASK = (1 << 16) - 1;

    private final PortSelection selection;
    private PortRange range;
    private final List<Integer> skipped;
    private final RandomSource random;
    private final long secret;
    private final long perturbSeed;
    /** Linux table_perturb as deltas over a keyed initial value per bucket (sparse; ordered, never a HashMap). */
    private final Map<Integer, Integer> perturb = new TreeMap<>();
    /** The BSD ipi_lastport: where a search without a random start continues. */
    private int lastPort;

    /**
     * An allocator for {@code range}, never returning a port in {@code skipped} (ascending), drawing from
     * {@code random} (draws two values now: the hash secret and the perturbation-table seed).
     */
    public EphemeralPorts(PortSelection selection, PortRange range, List<Integer> skipped, RandomSource random) {
        this.selection = selection;
        this.range = range;
        this.skipped = List.copyOf(skipped);
        this.random = random;
        this.secret = random.nextLong();
        this.perturbSeed = random.nextLong();
    }

    /** The range ports come from now. */
    public PortRange range() {
        return range;
    }

    /** Changes the range (the OS's sysctl: Linux ip_local_port_range, BSD portrange.first/last). */
    public void setRange(PortRange r) {
        range = r;
    }

    /** The TCP allocator of {@code p}: its selection, range and TCP skip list. */
    public static EphemeralPorts tcp(Personality p, RandomSource random) {
        return new EphemeralPorts(p.portSelection(), p.ephemeralPorts(), p.portSelection().skippedTcp(), random);
    }

    /** The UDP allocator of {@code p}: its selection, range and UDP skip list. */
    public static EphemeralPorts udp(Personality p, RandomSource random) {
        return new EphemeralPorts(p.portSelection(), p.ephemeralPorts(), p.portSelection().skippedUdp(), random);
    }

    /**
     * A free port for {@code use} from {@code local} towards {@code remote}:{@code remotePort} (the destination is
     * ignored for {@link Use#BIND}; pass what is known), or -1 when every candidate is skipped or {@code inUse}
     * (EADDRNOTAVAIL). {@code inUse} decides what busy means (four-tuple or local port, per the caller).
     */
    public int pick(Use use, IpAddress local, IpAddress remote, int remotePort, IntPredicate inUse) {
        return switch (selection.strategy()) {
            case LINUX_HASHED_PARITY -> switch (use) {
                case CONNECT -> linuxConnect(hash(local, remote, remotePort), inUse);
                case BIND -> linuxBind(inUse);
            };
            case RANDOM_START_LINEAR -> linear(inUse);
        };
    }

    /** {@code __inet_hash_connect}: the hashed, perturbed start; the range start's parity first, step 2. */
    private int linuxConnect(long portOffset, IntPredicate inUse) {
        int low = range.first();
        int high = range.last() + 1;
        int remaining = high - low > 1 ? (high - low) & ~1 : high - low;
        int index = (int) (portOffset & PERTURB_MASK);
        int offset = Integer.remainderUnsigned(perturb(index) + (int) (portOffset >>> 32), remaining) & ~1;
        do {
            int port = low + offset;
            for (int i = 0; i < remaining; i += 2, port += 2) {
                if (port >= high) {
                    port -= remaining;
                }
                if (!isSkipped(port) && !inUse.test(port)) {
                    int walked = Math.max(i, random.nextInt(8) * 2);
                    perturb.merge(index, walked + 2, Integer::sum);
                    return port;
                }
            }
            offset++;
        } while ((offset & 1) != 0 && remaining > 1);
        return -1;
    }

    /** {@code inet_csk_find_open_port} without SO_REUSEADDR: a random start of the other parity, step 2. */
    private int linuxBind(IntPredicate inUse) {
        int low = range.first();
        int high = range.last() + 1;
        int remaining = high - low > 1 ? (high - low) & ~1 : high - low;
        int offset = random.nextInt(remaining) | 1;
        do {
            int port = low + offset;
            for (int i = 0; i < remaining; i += 2, port += 2) {
                if (port >= high) {
                    port -= remaining;
                }
                if (!isSkipped(port) && !inUse.test(port)) {
                    return port;
                }
            }
            offset--;
        } while ((offset & 1) == 0);
        return -1;
    }

    /** The BSD search: a start in {@code [first, last)} (or the last port handed out), then up by one with wrap. */
    private int linear(IntPredicate inUse) {
        int first = range.first();
        int last = range.last();
        if (selection.randomStart()) {
            lastPort = first + (range.size() > 1 ? random.nextInt(range.size() - 1) : 0);
        }
        for (int count = range.size(); count > 0; count--) {
            lastPort++;
            if (lastPort < first || lastPort > last) {
                lastPort = first;
            }
            if (!isSkipped(lastPort) && !inUse.test(lastPort)) {
                return lastPort;
            }
        }
        return -1;
    }

    private boolean isSkipped(int port) {
        return !skipped.isEmpty() && Collections.binarySearch(skipped, port) >= 0;
    }

    /** Bucket {@code index} of table_perturb: a keyed initial value (get_random_once) plus what picks added. */
    private int perturb(int index) {
        return (int) mix(perturbSeed + index * 0x9E3779B97F4A7C15L) + perturb.getOrDefault(index, 0);
    }

    /** The keyed 64-bit hash of (saddr, daddr, dport) that stands in for Linux's siphash with net_secret. */
    private long hash(IpAddress local, IpAddress remote, int remotePort) {
        long h = secret;
        for (byte b : local.toBytes()) {
            h = mix(h ^ (b & 0xFF));
        }
        for (byte b : remote.toBytes()) {
            h = mix(h + (b & 0xFF));
        }
        return mix(h ^ remotePort);
    }

    /** SplitMix64's finalizer (the mixing step of {@link RandomSource}). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
