package io.jnetstack.sim;

import io.jnetstack.link.FaultChain;
import io.jnetstack.link.FrameInfo;
import io.jnetstack.link.FrameObserver;
import io.jnetstack.link.Medium;
import io.jnetstack.link.Replies;
import io.jnetstack.link.Verdict;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.MacAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated link: an Ethernet segment with switch semantics (learns source MACs, floods broadcast, multicast and
 * unknown unicast) or a point-to-point link carrying bare IP. Frames pass, in order: the taps (they see what was
 * sent), the link's fault rules, the sender's transmit queue (serialisation at the link rate, drop-tail past the
 * queue limit), random loss, then propagation delay and jitter.
 */
public final class SimLink {
    private final Simulation sim;
    private final String name;
    private final Medium medium;
    private final LinkProperties props;
    private final RandomSource random;
    private final List<SimPort> ports = new ArrayList<>();
    private final Map<MacAddress, SimPort> learned = new LinkedHashMap<>();
    private final List<FrameObserver> taps = new ArrayList<>();
    private final FaultChain faults = new FaultChain();
    private final Map<String, Long> drops = new LinkedHashMap<>();
    private long delivered;

    SimLink(Simulation sim, String name, Medium medium, LinkProperties props) {
        this.sim = sim;
        this.name = name;
        this.medium = medium;
        this.props = props;
        this.random = sim.random().fork("link:" + name);
    }

    /** The link's name (used in traces and pcap file names). */
    public String name() {
        return name;
    }

    /** Ethernet segment or point-to-point IP link. */
    public Medium medium() {
        return medium;
    }

    /** Physical properties. */
    public LinkProperties properties() {
        return props;
    }

    /** The link's fault rules (empty by default). */
    public FaultChain faults() {
        return faults;
    }

    /** Adds a tap that sees every frame sent on the link. */
    public void addTap(FrameObserver tap) {
        taps.add(tap);
    }

    /** Frames dropped, by reason ("loss", "queue", or a rule's reason), in first-seen order. */
    public Map<String, Long> drops() {
        return Map.copyOf(drops);
    }

    /** Frames delivered to a port. */
    public long delivered() {
        return delivered;
    }

    /** The attached ports in attachment order. */
    public List<SimPort> ports() {
        return List.copyOf(ports);
    }

    SimPort attach(SimHost host, MacAddress mac) {
        if (medium == Medium.IP && ports.size() == 2) {
            throw new IllegalArgumentException("point-to-point link " + name + " already has two ends");
        }
        SimPort p = new SimPort(this, host, mac);
        ports.add(p);
        return p;
    }

    void send(SimPort from, byte[] frame, long nowNs) {
        for (FrameObserver t : taps) {
            t.observe(frame, 0, frame.length, nowNs);
        }
        Verdict v = faults.isEmpty() ? Verdict.PASS : faults.decide(new FrameInfo(medium, frame, 0, frame.length, nowNs));
        long extra = 0;
        int copies = 1;
        long spacing = 0;
        switch (v) {
            case Verdict.Pass p -> { }
            case Verdict.Drop d -> {
                drop(d.reason());
                return;
            }
            case Verdict.Delay d -> extra = d.extraNs();
            case Verdict.Duplicate d -> {
                copies += d.copies();
                spacing = d.spacingNs();
            }
            case Verdict.Corrupt c -> {
                if (c.offset() < frame.length) {
                    frame[c.offset()] ^= (byte) c.mask();
                }
            }
            case Verdict.ReplyIcmp r -> {
                reply(from, new FrameInfo(medium, frame, 0, frame.length, nowNs), v, nowNs);
                return;
            }
            case Verdict.ReplyRst r -> {
                reply(from, new FrameInfo(medium, frame, 0, frame.length, nowNs), v, nowNs);
                return;
            }
        }
        for (int i = 0; i < copies; i++) {
            transmitOne(from, i == 0 ? frame : frame.clone(), nowNs, extra + i * spacing);
        }
    }

    private void reply(SimPort from, FrameInfo f, Verdict v, long nowNs) {
        drop("rule-reply");
        byte[] answer = Replies.replyFrame(f, v);
        if (answer != null) {
            sim.at(nowNs + 2 * props.delayNs(), () -> {
                delivered++;
                from.deliver(answer, sim.nowNs());
            });
        }
    }

    private void transmitOne(SimPort from, byte[] frame, long nowNs, long extraNs) {
        long start = Math.max(nowNs, from.busyUntilNs());
        if (props.rateBitsPerSec() > 0) {
            double backlogBytes = (start - nowNs) * (props.rateBitsPerSec() / 8e9);
            if (backlogBytes > props.queueLimitBytes()) {
                drop("queue");
                return;
            }
            start += frame.length * 8L * 1_000_000_000L / props.rateBitsPerSec();
            from.busyUntilNs(start);
        }
        boolean lost = props.loss() > 0 && random.chance(props.loss());
        if (lost) {
            drop("loss");
            return;
        }
        long jitter = props.jitterNs() > 0 ? random.nextLong(0, props.jitterNs() + 1) : 0;
        long arrival = start + props.delayNs() + jitter + extraNs;
        List<SimPort> targets = targets(from, frame);
        sim.at(arrival, () -> {
            for (SimPort p : targets) {
                delivered++;
                p.deliver(p == targets.getLast() ? frame : frame.clone(), sim.nowNs());
            }
        });
    }

    /** Switch semantics: learn the source, forward known unicast to one port, flood the rest. */
    private List<SimPort> targets(SimPort from, byte[] frame) {
        List<SimPort> out = new ArrayList<>();
        if (medium == Medium.ETHERNET && frame.length >= 14) {
            MacAddress src = MacAddress.read(frame, 6);
            learned.put(src, from);
            SimPort known = learned.get(MacAddress.read(frame, 0));
            if (known != null && known != from) {
                out.add(known);
                return out;
            }
        }
        for (SimPort p : ports) {
            if (p != from) {
                out.add(p);
            }
        }
        return out;
    }

    private void drop(String reason) {
        drops.merge(reason, 1L, Long::sum);
        for (FrameObserver t : taps) {
            t.dropped(reason, sim.nowNs());
        }
    }
}
