package io.jnetstack.sim;

import io.jnetstack.link.FaultChain;
import io.jnetstack.link.FrameInfo;
import io.jnetstack.link.FrameSink;
import io.jnetstack.link.Replies;
import io.jnetstack.link.Verdict;
import io.jnetstack.personality.Personality;
import io.jnetstack.stack.Stack;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated host or router: one {@link Stack} under one personality, its ports, and fault rules applied to every
 * frame it receives. The host keeps the stack's timers scheduled in the simulation.
 */
public final class SimHost {
    private final Simulation sim;
    private final String name;
    private final Stack stack;
    private final FaultChain faults = new FaultChain();
    private final int number;
    private long scheduledNs = Long.MAX_VALUE;
    private long scheduledHandle;
    private final List<SimProcess> processes = new ArrayList<>();
    private io.jnetstack.socket.SocketKernel kernel;

    SimHost(Simulation sim, String name, Personality personality, int number) {
        this.sim = sim;
        this.name = name;
        this.number = number;
        this.stack = new Stack(name, personality.forHost(), sim.random().fork("host:" + name));
    }

    /** The host's name. */
    public String name() {
        return name;
    }

    /** Its network stack. */
    public Stack stack() {
        return stack;
    }

    /**
     * The host's socket layer, made on first use: it becomes the stack's listener (passing on what it does not own
     * to the listener set before) and reschedules the host after every call that drove the stack.
     */
    public io.jnetstack.socket.SocketKernel kernel() {
        if (kernel == null) {
            kernel = new io.jnetstack.socket.SocketKernel(stack, io.jnetstack.socket.vfs.Vfs.of(stack.personality()),
                    this::reschedule, stack.listener());
        }
        return kernel;
    }

    /** Fault rules applied to frames arriving at this host, on any port. */
    public FaultChain faults() {
        return faults;
    }

    int number() {
        return number;
    }

    /** Starts a process named {@code processName} with the next pid (1, 2, ...); add threads with start. */
    public SimProcess spawn(String processName) {
        SimProcess p = new SimProcess(this, sim.scheduler(), sim, processName, processes.size() + 1);
        processes.add(p);
        return p;
    }

    /** Its processes in spawn order. */
    public List<SimProcess> processes() {
        return List.copyOf(processes);
    }

    /**
     * Runs {@code action} against the stack now (an application call: a ping, a send) and then reschedules the
     * stack's timers. Use this for every call into the stack from outside the simulation's own events.
     */
    public void run(java.util.function.Consumer<Stack> action) {
        action.accept(stack);
        reschedule();
    }

    void receive(SimPort port, byte[] frame, long nowNs, FrameSink sink) {
        Verdict v = faults.isEmpty() ? Verdict.PASS
                : faults.decide(new FrameInfo(port.medium(), frame, 0, frame.length, nowNs));
        switch (v) {
            case Verdict.Pass p -> sink.onFrame(frame, 0, frame.length, nowNs);
            case Verdict.Drop d -> { }
            case Verdict.Delay d -> sim.at(nowNs + d.extraNs(), () -> {
                sink.onFrame(frame, 0, frame.length, sim.nowNs());
                reschedule();
            });
            case Verdict.Duplicate d -> {
                for (int i = 0; i <= d.copies(); i++) {
                    sink.onFrame(frame.clone(), 0, frame.length, nowNs);
                }
            }
            case Verdict.Corrupt c -> {
                if (c.offset() < frame.length) {
                    frame[c.offset()] ^= (byte) c.mask();
                }
                sink.onFrame(frame, 0, frame.length, nowNs);
            }
            case Verdict.ReplyIcmp r -> answer(port, frame, v, nowNs);
            case Verdict.ReplyRst r -> answer(port, frame, v, nowNs);
        }
        reschedule();
    }

    private void answer(SimPort port, byte[] frame, Verdict v, long nowNs) {
        byte[] reply = Replies.replyFrame(new FrameInfo(port.medium(), frame, 0, frame.length, nowNs), v);
        if (reply != null) {
            port.link().send(port, reply, nowNs);
        }
    }

    /**
     * Keeps exactly one simulation event armed at the stack's next deadline. Every drive of the stack ends here, so
     * this is also where the host's blocked threads learn that its state may have changed.
     */
    void reschedule() {
        sim.scheduler().hostChanged(this);
        long next = stack.nextDeadlineNs();
        long now = sim.nowNs();
        long at = next == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(next, now);
        if (at == scheduledNs) {
            return;
        }
        if (scheduledHandle != 0) {
            sim.cancel(scheduledHandle);
            scheduledHandle = 0;
        }
        scheduledNs = at;
        if (at != Long.MAX_VALUE) {
            scheduledHandle = sim.at(at, () -> {
                scheduledHandle = 0;
                scheduledNs = Long.MAX_VALUE;
                stack.advanceTo(sim.nowNs());
                reschedule();
            });
        }
    }
}
