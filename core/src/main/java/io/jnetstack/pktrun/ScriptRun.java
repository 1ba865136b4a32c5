package io.jnetstack.pktrun;

import io.jnetstack.pkt.Action;
import io.jnetstack.pkt.Event;
import io.jnetstack.pkt.EventTime;
import io.jnetstack.pkt.Packet;
import io.jnetstack.pkt.Expr;
import io.jnetstack.socket.SignalDisposition;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a script's events against the host in virtual time (packetdrill run.c's event loop): each event waits
 * for its time; an inbound packet is put on the wire; an outbound packet line takes the host's oldest unmatched
 * packet, which must have left within the tolerance around the line's time and match it; a system call runs on a
 * fresh simulated thread of the script's process and must return at once, or — written {@code start...end} — in
 * the background, returning within the tolerance of {@code end} while later events go on.
 */
final class ScriptRun {
    private static final long NS_PER_US = 1000;
    private static final int SIGPIPE = 13;

    /** A system call running in the background. */
    private static final class Call {
        final Event event;
        final Action.Syscall syscall;
        volatile SyscallInvoker.Completed completed;
        volatile ScriptStop stop;
        volatile long doneNs = -1;
        long endNs;
        long tolNs;

        Call(Event event, Action.Syscall syscall) {
            this.event = event;
            this.syscall = syscall;
        }
    }

    private final ScriptSource source;
    private final ScriptNetwork net;
    private final Flow flow = new Flow();
    private final Symbols sym;
    private final SyscallInvoker invoker;
    private final InboundPackets inbound;
    private final OutboundMatch outbound;
    private final long toleranceNs;
    private final boolean syscallsNonFatal;
    private final long tolerancePercent;
    /** The tolerance of the event being run: the larger of --tolerance_usecs and the percentage of its gap. */
    private long eventToleranceNs;
    private final List<Call> background = new ArrayList<>();
    private int threadNo;

    /** TCP over UDP (--udp_encapsulation=tcp): the host's UDP datagrams are read as the TCP segments they carry. */
    private final boolean tcpInUdp;

    ScriptRun(ScriptSource source, ScriptNetwork net, Symbols sym, boolean inet6Sockets, long toleranceUs,
            long tolerancePercent, boolean syscallsNonFatal, boolean tcpInUdp, byte[] md5Secret) {
        this.tcpInUdp = tcpInUdp;
        this.tolerancePercent = tolerancePercent;

        this.source = source;
        this.net = net;
        this.sym = sym;
        this.invoker = new SyscallInvoker(sym, net, flow, inet6Sockets);
        byte[] key = md5Secret == null ? new byte[0] : md5Secret.clone(); // packetdrill: no secret, no key bytes
        this.inbound = new InboundPackets(net, flow, key);
        this.outbound = new OutboundMatch(flow, tcpInUdp, net, key);
        this.toleranceNs = toleranceUs * NS_PER_US;
        this.syscallsNonFatal = syscallsNonFatal;
    }

    /** Runs every event; returns normally on a pass, throws {@link ScriptStop} on a failure or a skip. */
    void run(List<Event> events) {
        for (Event e : events) {
            if (e.action() instanceof Action.Syscall s) {
                SyscallInvoker.check(s);
            }
        }
        ignoreSigpipe();
        long previousNs = 0;
        for (Event e : events) {
            long[] window = window(e.time(), previousNs);
            long startNs = window[0];
            eventToleranceNs = Math.max(toleranceNs, (startNs - previousNs) * tolerancePercent / 100);
            switch (e.action()) {
                case Packet p when p.direction() == Packet.Direction.OUTBOUND -> {
                    previousNs = expectOutbound(e, p, window);
                }
                case Packet p -> {
                    advanceTo(startNs);
                    net.inject(inbound.build(p));
                    previousNs = net.nowNs();
                }
                case Action.Syscall s -> {
                    advanceTo(startNs);
                    syscall(e, s, startNs);
                    previousNs = net.nowNs();
                }
                case Action.Sysctl s -> {
                    advanceTo(startNs);
                    sysctl(e, s);
                    previousNs = net.nowNs();
                }
                case Action.Shell s -> {
                    advanceTo(startNs);
                    net.commands().run(at(e), s.text());
                    previousNs = net.nowNs();
                }
                case Action.Code c -> {
                    advanceTo(startNs);
                    net.snippets().run(at(e), c.text(), invoker.socketUnderTest());
                    previousNs = net.nowNs();
                }
            }
        }
        while (!background.isEmpty()) {
            long until = background.stream().mapToLong(c -> c.endNs + c.tolNs + 1).max().orElseThrow();
            advanceTo(Math.max(until, net.nowNs() + 1));
        }
    }

    /** Runs the script's init or cleanup command (a shell command or a sysctl) now. */
    void command(String prefix, Action.Command c) {
        switch (c) {
            case Action.Shell s -> net.commands().run(prefix, s.text());
            case Action.Sysctl s -> {
                long value;
                try {
                    value = Long.parseLong(s.value());
                } catch (NumberFormatException e) {
                    throw ScriptStop.skip(prefix + "sysctl " + s.name() + "=" + s.value()
                            + ": only numeric values are modelled");
                }
                String refused = net.sysctl(s.name(), value);
                if (refused != null) {
                    throw ScriptStop.skip(prefix + "sysctl " + s.name() + "=" + s.value() + " is not modelled ("
                            + refused + ")");
                }
            }
        }
    }

    /** [earliest, latest] script time of an event, in ns. */
    private static long[] window(EventTime t, long previousNs) {
        return switch (t) {
            case EventTime.Absolute a -> new long[] {a.micros() * NS_PER_US, a.micros() * NS_PER_US};
            case EventTime.Relative r -> {
                long v = previousNs + r.micros() * NS_PER_US;
                yield new long[] {v, v};
            }
            case EventTime.AbsoluteRange r -> new long[] {r.startMicros() * NS_PER_US, r.endMicros() * NS_PER_US};
            case EventTime.RelativeRange r -> new long[] {previousNs + r.startMicros() * NS_PER_US,
                previousNs + r.endMicros() * NS_PER_US};
            case EventTime.Any a -> new long[] {previousNs, Long.MAX_VALUE / 4};
        };
    }

    /** Runs the simulation to {@code timeNs}, checking background calls as they finish. */
    private void advanceTo(long timeNs) {
        while (true) {
            long next = net.nextEventNs();
            long stop = Math.min(next, timeNs);
            for (Call c : background) {
                stop = Math.min(stop, c.endNs + c.tolNs + 1);
            }
            net.advanceTo(Math.max(stop, net.nowNs()));
            checkBackground();
            if (stop >= timeNs) {
                return;
            }
        }
    }

    private void checkBackground() {
        for (Call c : List.copyOf(background)) {
            if (c.stop != null) {
                throw c.stop;
            }
            if (c.completed != null) {
                background.remove(c);
                if (c.doneNs < c.endNs - c.tolNs || c.doneNs > c.endNs + c.tolNs) {
                    fatalSyscall(at(c.event) + c.syscall.name() + "() returned at " + seconds(c.doneNs)
                            + ", expected at " + seconds(c.endNs));
                }
                verify(c.event, c.syscall, c.completed);
            } else if (net.nowNs() > c.endNs + c.tolNs) {
                throw ScriptStop.fail(at(c.event) + "blocking " + c.syscall.name() + "() had not returned by "
                        + seconds(net.nowNs()) + " (expected at " + seconds(c.endNs) + ")");
            }
        }
    }

    private long expectOutbound(Event e, Packet p, long[] window) {
        long tol = eventToleranceNs;
        long deadline = window[1] == Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : window[1] + tol;
        while (!net.sent.isEmpty() && !belongs(net.sent.peek())) {
            net.sent.poll();
        }
        while (net.sent.isEmpty()) {
            long next = net.nextEventNs();
            if (next > deadline) {
                if (deadline < Long.MAX_VALUE / 4) {
                    advanceTo(deadline);
                }
                if (net.sent.isEmpty()) {
                    throw ScriptStop.fail(at(e) + "expected " + source.line(e) + " by " + seconds(deadline)
                            + "; the host sent nothing");
                }
                break;
            }
            advanceTo(next);
            while (!net.sent.isEmpty() && !belongs(net.sent.peek())) {
                net.sent.poll();
            }
        }
        ScriptNetwork.Sent s = net.sent.poll();
        WirePacket actual = WirePacket.decode(s.packet(), tcpInUdp);
        if (actual == null) {
            throw ScriptStop.fail(at(e) + "the host sent an undecodable packet of " + s.packet().length + " bytes");
        }
        if (s.atNs() < window[0] - tol) {
            throw ScriptStop.fail(at(e) + "expected " + source.line(e) + " at " + seconds(window[0])
                    + "; the host sent " + Describe.packet(actual, flow) + " at " + seconds(s.atNs())
                    + " (tolerance " + tol / NS_PER_US + " us)");
        }
        List<String> diff = outbound.compare(p, actual);
        if (!diff.isEmpty()) {
            throw ScriptStop.fail(at(e) + "expected " + source.line(e) + "; the host sent "
                    + Describe.packet(actual, flow) + " at " + seconds(s.atNs()) + ": " + String.join("; ", diff));
        }
        return s.atNs();
    }

    private boolean belongs(ScriptNetwork.Sent s) {
        WirePacket w = WirePacket.decode(s.packet(), tcpInUdp);
        return w == null || outbound.belongs(w);
    }

    private void syscall(Event e, Action.Syscall s, long startNs) {
        Call c = new Call(e, s);
        c.endNs = s.endMicros().isPresent() ? s.endMicros().getAsLong() * NS_PER_US : startNs;
        if (e.time() instanceof EventTime.Relative && s.endMicros().isPresent()) {
            c.endNs = startNs + s.endMicros().getAsLong() * NS_PER_US;
        }
        c.tolNs = Math.max(eventToleranceNs, (c.endNs - startNs) * tolerancePercent / 100);
        net.start(s.name() + "@" + e.position().line() + "#" + threadNo++, sys -> {
            try {
                SyscallInvoker.Completed done = invoker.invoke(sys, s);
                c.doneNs = net.nowNs();
                c.completed = done;
            } catch (ScriptStop stop) {
                c.doneNs = net.nowNs();
                c.stop = stop;
            }
        });
        background.add(c);
        if (s.endMicros().isEmpty()) {
            advanceTo(startNs);
            while (c.completed == null && c.stop == null && net.nowNs() < startNs + c.tolNs) {
                advanceTo(Math.min(net.nextEventNs(), startNs + c.tolNs)); // on the host: poll until it returns
            }
            if (c.stop != null) {
                throw c.stop;
            }
            if (c.completed == null) {
                throw ScriptStop.fail(at(e) + s.name() + "() blocked; the script expects it to return at once"
                        + " (write 'start...end' for a blocking call)");
            }
        }
    }

    private void verify(Event e, Action.Syscall s, SyscallInvoker.Completed done) {
        List<String> wrong = new ArrayList<>(done.outputMismatches());
        long expected = s.result() instanceof Expr.Ellipsis ? done.result() : sym.value(s.result());
        String actualText = done.result() < 0 ? done.result() + " " + sym.errnoName(done.errno())
                : Long.toString(done.result());
        if (expected != done.result()) {
            wrong.addFirst("returned " + actualText);
        } else if (done.result() < 0 && s.errno().isPresent()
                && sym.errno(s.errno().get()).orElse(-1) != done.errno()) {
            wrong.addFirst("returned " + actualText);
        }
        if (!wrong.isEmpty()) {
            fatalSyscall(at(e) + source.line(e) + ": " + String.join("; ", wrong));
        }
    }

    private void fatalSyscall(String message) {
        if (!syscallsNonFatal) {
            throw ScriptStop.fail(message);
        }
    }

    private void sysctl(Event e, Action.Sysctl s) {
        long value;
        try {
            value = Long.parseLong(s.value());
        } catch (NumberFormatException ex) {
            throw ScriptStop.skip(at(e) + "sysctl " + s.name() + "=" + s.value() + ": only numeric values are modelled");
        }
        String refused = net.sysctl(s.name(), value);
        if (refused != null) {
            throw ScriptStop.skip(at(e) + "sysctl " + s.name() + "=" + s.value() + " is not modelled (" + refused
                    + ")");
        }
    }

    private void ignoreSigpipe() {
        net.start("setup", sys -> sys.sigaction(SIGPIPE, SignalDisposition.IGNORE));
        net.advanceTo(0);
    }

    private String at(Event e) {
        return "line " + e.position().line() + ": ";
    }

    static String seconds(long ns) {
        return String.format(java.util.Locale.ROOT, "%.6f s", ns / 1e9);
    }
}
