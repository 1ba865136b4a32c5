package io.jnetstack.sim;

import io.jnetstack.link.FrameSink;
import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.personality.Personality;
import io.jnetstack.stack.NetInterface;
import io.jnetstack.stack.Prefix;
import io.jnetstack.time.EventQueue;
import io.jnetstack.time.ManualClock;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.MacAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic simulated network: virtual time in nanoseconds, one event queue ordered by (time, insertion
 * sequence), and one seeded random source every random choice derives from. The same seed and the same calls give
 * the same events, bytes and results.
 */
public final class Simulation {
    private final long seed;
    private final RandomSource random;
    private final ManualClock clock = new ManualClock(0);
    private final EventQueue events = new EventQueue();
    private final Map<String, SimHost> hosts = new LinkedHashMap<>();
    private final Map<String, SimLink> links = new LinkedHashMap<>();
    private final SimScheduler scheduler = new SimScheduler(this);

    /** A simulation whose random choices all derive from {@code seed}. */
    public Simulation(long seed) {
        this.seed = seed;
        this.random = new RandomSource(seed);
    }

    /** The seed (print it with every failure so a run can be replayed). */
    public long seed() {
        return seed;
    }

    /** The root random source. */
    public RandomSource random() {
        return random;
    }

    /** Current virtual time. */
    public long nowNs() {
        return clock.nanoTime();
    }

    /** Schedules {@code action} at virtual time {@code timeNs} (not before now); returns a handle for cancel. */
    public long at(long timeNs, Runnable action) {
        return events.schedule(Math.max(timeNs, nowNs()), action);
    }

    /** Schedules {@code action} {@code delayNs} from now. */
    public long after(long delayNs, Runnable action) {
        return at(nowNs() + delayNs, action);
    }

    /** Cancels a scheduled event. */
    public boolean cancel(long handle) {
        return events.cancel(handle);
    }

    /** Adds a host running {@code personality}; names are unique. */
    public SimHost addHost(String name, Personality personality) {
        if (hosts.containsKey(name)) {
            throw new IllegalArgumentException("host name already used: " + name);
        }
        SimHost h = new SimHost(this, name, personality, hosts.size() + 1);
        hosts.put(name, h);
        return h;
    }

    /** Adds an Ethernet segment (a switch). */
    public SimLink addEthernet(String name, LinkProperties props) {
        return addLink(name, Medium.ETHERNET, props);
    }

    /** Adds a point-to-point link carrying bare IP. */
    public SimLink addPointToPoint(String name, LinkProperties props) {
        return addLink(name, Medium.IP, props);
    }

    private SimLink addLink(String name, Medium medium, LinkProperties props) {
        if (links.containsKey(name)) {
            throw new IllegalArgumentException("link name already used: " + name);
        }
        SimLink l = new SimLink(this, name, medium, props);
        links.put(name, l);
        return l;
    }

    /**
     * Connects {@code host} to {@code link} as interface {@code ifName} with the given addresses in CIDR form
     * ("10.0.1.10/24", "2001:db8:1::10/64"). The MAC is 02:00:00:HH:LL:PP (locally administered: host number,
     * link number, port number), so runs are reproducible.
     */
    public NetInterface attach(SimHost host, SimLink link, String ifName, String... cidrs) {
        int linkNo = new ArrayList<>(links.values()).indexOf(link) + 1;
        long mac = 0x0200_0000_0000L | (long) (host.number() & 0xFF) << 16 | (linkNo & 0xFF) << 8
                | (link.ports().size() + 1);
        SimPort port = link.attach(host, new MacAddress(mac));
        NetInterface ifc = host.stack().addInterface(ifName, port);
        for (String c : cidrs) {
            Prefix p = Prefix.of(c);
            int slash = c.indexOf('/');
            host.stack().addAddress(ifc, io.jnetstack.wire.IpAddress.parse(c.substring(0, slash)).orThrow(),
                    p.length());
        }
        return ifc;
    }

    /**
     * Attaches a probe to {@code link}: a port with no host behind it, for a test driver that writes frames onto
     * the link itself and reads what arrives (packetdrill's remote peer). Frames sent to it arrive at
     * {@code inbound} at their delivery time; frames the driver transmits through the returned endpoint take
     * the link's path (taps, faults, delay) like any host's.
     */
    public LinkEndpoint attachProbe(SimLink link, FrameSink inbound) {
        int linkNo = new ArrayList<>(links.values()).indexOf(link) + 1;
        long mac = 0x0200_00FF_0000L | (linkNo & 0xFF) << 8 | (link.ports().size() + 1);
        SimPort port = link.attach(null, new MacAddress(mac));
        port.attach(inbound);
        return port;
    }

    /** Hosts in creation order. */
    public List<SimHost> hosts() {
        return List.copyOf(hosts.values());
    }

    /** The host named {@code name}. */
    public SimHost host(String name) {
        SimHost h = hosts.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no host named " + name);
        }
        return h;
    }

    /** The link named {@code name}. */
    public SimLink link(String name) {
        SimLink l = links.get(name);
        if (l == null) {
            throw new IllegalArgumentException("no link named " + name);
        }
        return l;
    }

    /** Links in creation order. */
    public List<SimLink> links() {
        return List.copyOf(links.values());
    }

    /**
     * Runs every event due up to and including {@code timeNs}, then sets the clock to {@code timeNs}. Runnable
     * application threads run before the first event and after each one, at that event's time (design.md §5).
     *
     * @throws SimThreadException when an application thread ends by throwing (call again to carry on)
     * @throws IllegalStateException when called by an application thread
     */
    public void runUntil(long timeNs) {
        scheduler.checkNotApplication("runUntil");
        scheduler.runReady();
        while (!events.isEmpty() && events.nextTimeNs() <= timeNs) {
            clock.advanceTo(events.nextTimeNs());
            events.poll().run();
            scheduler.runReady();
        }
        if (timeNs > nowNs()) {
            clock.advanceTo(timeNs);
        }
    }

    /** Runs for {@code durationNs} of virtual time. */
    public void runFor(long durationNs) {
        runUntil(nowNs() + durationNs);
    }

    /** Every application thread that ended by throwing, in the order they failed. */
    public List<SimThreadException> threadFailures() {
        return scheduler.failures();
    }

    SimScheduler scheduler() {
        return scheduler;
    }

    /** The virtual time of the earliest pending event, or {@code Long.MAX_VALUE} when none is pending. */
    public long nextEventNs() {
        return events.isEmpty() ? Long.MAX_VALUE : events.nextTimeNs();
    }

    /** Number of pending events. */
    public int pendingEvents() {
        return events.size();
    }
}
