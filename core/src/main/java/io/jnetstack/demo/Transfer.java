package io.jnetstack.demo;

import io.jnetstack.link.PcapTap;
import io.jnetstack.link.Rule;
import io.jnetstack.link.Rules;
import io.jnetstack.link.Verdict;
import io.jnetstack.sim.LinkProperties;
import io.jnetstack.sim.SimHost;
import io.jnetstack.sim.SimLink;
import io.jnetstack.sim.Simulation;
import io.jnetstack.stack.StackListener;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.stack.tcp.TcpStats;
import io.jnetstack.stack.tcp.TcpStats.Counter;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.Ipv4Address;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.TreeMap;

/**
 * {@code jns transfer}: iperf for the simulated network. One sender host writes {@code bytes} seeded random bytes
 * over one TCP connection to a receiver host across one point-to-point link (bare IP, no ARP) with the given rate,
 * delay, loss, reordering, duplication and MTU; the receiver reads and hashes everything. The run stops when the
 * last byte was read, when either side reports a failure (reset, timeout, ICMP error), or at the time limit.
 *
 * <p>The simulation runs in slices of one sample interval; after each slice the sender's cwnd, bytes in flight and
 * the bytes delivered so far are sampled. Between slices nothing polls: the applications wake on frame arrivals
 * (see {@link TransferStreams}).
 */
public final class Transfer {
    /** The sender's address on the link. */
    public static final Ipv4Address SENDER_ADDRESS = Ipv4Address.of("10.0.0.1");
    /** The receiver's address on the link. */
    public static final Ipv4Address RECEIVER_ADDRESS = Ipv4Address.of("10.0.0.2");
    /** The port the receiver listens on (iperf's). */
    public static final int PORT = 5001;
    /** The pcap file's name inside the pcap directory. */
    public static final String PCAP_NAME = "transfer.pcap";
    private static final int MIN_QUEUE = 64 * 1024;
    private static final long MS = 1_000_000L;

    private final TransferOptions options;
    private final Simulation sim;
    private final SimLink link;
    private final SimHost senderHost;
    private final TransferStreams.Sender sender;
    private final TransferStreams.Receiver receiver;
    private final TransferSampler samples = new TransferSampler();
    private TcpConnection senderConnection;
    private String failure;
    private long failedAtNs = -1;

    private Transfer(TransferOptions o) {
        this.options = o;
        this.sim = new Simulation(o.seed());
        LinkProperties props = LinkProperties.IDEAL.withDelayNs(o.delayNs()).withLoss(o.loss()).withMtu(o.mtu());
        if (o.rateBitsPerSec() > 0) {
            props = props.withRate(o.rateBitsPerSec(), queueBytes(o));
        }
        this.link = sim.addPointToPoint("p2p", props);
        addFaults();
        this.senderHost = sim.addHost("sender", TransferOptions.personality(o.from()));
        SimHost receiverHost = sim.addHost("receiver", TransferOptions.personality(o.to()));
        sim.attach(senderHost, link, "ppp0", SENDER_ADDRESS + "/30");
        sim.attach(receiverHost, link, "ppp0", RECEIVER_ADDRESS + "/30");
        this.sender = new TransferStreams.Sender(sim, senderHost, o.bytes(), new RandomSource(o.seed()).fork("data"));
        this.receiver = new TransferStreams.Receiver(sim, receiverHost, o.bytes());
        senderHost.faults().add(wakeOnArrival(sender::wake));
        receiverHost.faults().add(wakeOnArrival(receiver::wake));
        senderHost.stack().setListener(listener(true));
        receiverHost.stack().setListener(listener(false));
        receiverHost.stack().tcpListen(PORT);
    }

    /**
     * The drop-tail queue at each end of a rate-limited link: one bandwidth-delay product (rate × round-trip
     * propagation delay), at least 64 KiB.
     */
    public static int queueBytes(TransferOptions o) {
        double bdp = o.rateBitsPerSec() / 8e9 * 2 * o.delayNs();
        return o.rateBitsPerSec() == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE / 2, Math.max(MIN_QUEUE, bdp));
    }

    /** Runs one transfer; writes the pcap and the plot when the options ask for them. */
    public static TransferResult run(TransferOptions options) throws IOException {
        Transfer t = new Transfer(options);
        Path pcap = options.pcapDir() == null ? null : options.pcapDir().resolve(PCAP_NAME);
        if (pcap == null) {
            t.drive();
        } else {
            Files.createDirectories(options.pcapDir());
            try (PcapTap tap = new PcapTap(new BufferedOutputStream(Files.newOutputStream(pcap), 1 << 20),
                    t.link.medium())) {
                t.link.addTap(tap);
                t.drive();
            }
        }
        TransferResult r = t.result(pcap);
        if (options.plotFile() != null) {
            TransferPlot.write(r, options.plotFile());
        }
        return r;
    }

    private void drive() {
        sender.connect(RECEIVER_ADDRESS, PORT, switch (options.cc()) {
            case "cubic" -> io.jnetstack.personality.CongestionAlgorithm.CUBIC;
            case "newreno" -> io.jnetstack.personality.CongestionAlgorithm.NEWRENO;
            default -> null; // the sender's personality decides
        });
        long interval = options.sampleIntervalNs();
        long limit = options.timeLimitNs();
        long next = 0;
        while (true) {
            next = Math.min(limit, next + interval);
            sim.runUntil(next);
            sample();
            if (receiver.finished() || failure != null || next >= limit) {
                return;
            }
        }
    }

    private void sample() {
        TcpConnection c = senderHost.stack().tcpConnection(sender.handle());
        if (c != null) {
            senderConnection = c;
        }
        samples.sample(sim.nowNs(), c == null ? 0 : c.cwnd(), c == null ? 0 : c.bytesInFlight(), receiver.received());
    }

    private TransferResult result(Path pcap) {
        long end = receiver.finished() ? receiver.finishedAtNs() : failedAtNs >= 0 ? failedAtNs : sim.nowNs();
        boolean complete = receiver.finished() && receiver.received() == options.bytes();
        boolean intact = complete && MessageDigest.isEqual(sender.sha256Digest(), receiver.sha256Digest());
        String why = failure;
        if (why == null && !complete) {
            why = String.format(Locale.ROOT, "time limit %s reached with %d of %d bytes received",
                    Units.formatDuration(options.timeLimitNs()), receiver.received(), options.bytes());
        } else if (why == null && !intact) {
            why = "the bytes received differ from the bytes sent";
        }
        TcpStats st = senderConnection == null ? new TcpStats() : senderConnection.stats();
        return new TransferResult(options, queueBytes(options), receiver.received(), end,
                st.get(Counter.RETRANSMITTED_SEGMENTS), st.get(Counter.TIMEOUTS), st.get(Counter.FAST_RECOVERIES),
                new TreeMap<>(link.drops()), why, intact, samples, pcap);
    }

    private StackListener listener(boolean isSender) {
        return new StackListener() {
            @Override
            public void onTcpEvent(TcpHandle h, TcpEvent e, long nowNs) {
                if (e == TcpEvent.CONNECTED) {
                    if (isSender) {
                        senderConnection = senderHost.stack().tcpConnection(h);
                        sender.connected();
                    } else {
                        receiver.accepted(h);
                    }
                } else if (failure == null && e.isError()) {
                    failedAtNs = nowNs;
                    failure = String.format(Locale.ROOT, "%s at %.3f s (%s)", describe(e), nowNs / 1e9,
                            isSender ? "sender" : "receiver");
                }
            }
        };
    }

    private static String describe(TcpEvent e) {
        return switch (e) {
            case CONNECTED -> "connected";
            case REFUSED -> "connection refused";
            case TIMED_OUT -> "connection timed out";
            case RESET -> "connection reset";
            case PEER_CLOSED -> "peer closed";
            case URGENT -> "urgent data";
            case CLOSED -> "closed";
            case NET_UNREACHABLE -> "network unreachable";
            case HOST_UNREACHABLE -> "host unreachable";
            case PROTOCOL_UNREACHABLE -> "protocol unreachable";
            case PORT_UNREACHABLE -> "port unreachable";
            case ADMIN_PROHIBITED -> "administratively prohibited";
            case TIME_EXCEEDED -> "time exceeded";
            case PARAMETER_PROBLEM -> "parameter problem";
        };
    }

    /** Reordering, then duplication, on the link in both directions (the first rule that fires decides). */
    private void addFaults() {
        TransferOptions o = options;
        if (o.reorder() > 0) {
            RandomSource rnd = sim.random().fork("reorder");
            long frameNs = o.rateBitsPerSec() == 0 ? 0 : o.mtu() * 8_000_000_000L / o.rateBitsPerSec();
            long maxExtra = Math.max(Math.max(o.delayNs(), MS), 3 * frameNs);
            link.faults().add(f -> rnd.chance(o.reorder()) ? new Verdict.Delay(rnd.nextLong(1, maxExtra + 1))
                    : Verdict.PASS);
        }
        if (o.duplicate() > 0) {
            link.faults().add(Rules.duplicate(o.duplicate(), sim.random().fork("duplicate"), Rules.any()));
        }
    }

    /** A host rule that never changes a frame's fate, only wakes an application after the host has taken it. */
    private static Rule wakeOnArrival(Runnable wake) {
        return f -> {
            wake.run();
            return Verdict.PASS;
        };
    }
}
