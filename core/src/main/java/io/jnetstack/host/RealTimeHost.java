package io.jnetstack.host;

import io.jnetstack.personality.Personality;
import io.jnetstack.stack.NetInterface;
import io.jnetstack.stack.Prefix;
import io.jnetstack.stack.Route;
import io.jnetstack.stack.Stack;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.IpAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A jnetstack {@link Stack} driven in real time on one platform thread (the stack's owner), attached to a
 * {@link TunDevice}: packets the kernel sends are read and handed to the stack, the stack's timers fire at their
 * wall-clock deadlines (ns since start), and other threads reach the stack only through {@link #call}, which runs
 * on the owner thread.
 */
public final class RealTimeHost implements AutoCloseable {
    /** The longest the owner sleeps in poll(2) with no timer due (calls and packets wake it at once). */
    private static final int MAX_WAIT_MS = 50;
    /** The most packets taken into the stack in one turn before calls, pollers and timers get their turn. */
    private static final int BATCH = 256;

    private final Stack stack;
    private final TunDevice tun;
    private final TunLink link;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final java.util.List<java.util.function.Consumer<Stack>> pollers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Wakeup wakeup = new Wakeup();
    private final long startNs = System.nanoTime();
    private final Thread owner;
    private volatile boolean stopped;
    private final java.util.concurrent.atomic.AtomicInteger echoReplies = new java.util.concurrent.atomic.AtomicInteger();

    /** ICMP echo replies the stack has received (answers to {@link Stack#ping}). */
    public int echoReplies() {
        return echoReplies.get();
    }

    /** A stack running {@code personality} with {@code address}/{@code prefix} on {@code tun}, default route out. */
    public RealTimeHost(Personality personality, TunDevice tun, int mtu, IpAddress address, int prefix, long seed) {
        this.tun = tun;
        this.stack = new Stack("jns", personality.forHost(), new RandomSource(seed));
        this.link = new TunLink(tun, mtu);
        NetInterface ifc = stack.addInterface(tun.name(), link);
        stack.addAddress(ifc, address, prefix);
        stack.addRoute(Route.onLink(Prefix.of(address.version() == 4 ? "0.0.0.0/0" : "::/0"), ifc.index()));
        stack.setListener(new io.jnetstack.stack.StackListener() {
            @Override
            public void onEchoReply(IpAddress from, int identifier, int sequence, int ttl, int dataLength, long nowNs) {
                echoReplies.incrementAndGet();
            }
        });
        owner = Thread.ofPlatform().name("jns-realtime").daemon().start(this::loop);
    }

    /** Nanoseconds since this host started: the stack's clock. */
    public long nowNs() {
        return System.nanoTime() - startNs;
    }

    /**
     * The owner's turn: calls, pollers, due timers, then every packet waiting (up to {@link #BATCH}) into the stack.
     * It waits in poll(2) only when a turn found no packet, and then not at all while pollers run (it yields the
     * CPU instead: on a small machine the kernel's side of the transfer needs it).
     */
    private void loop() {
        byte[] buf = new byte[TunDevice.VNET_HDR_LEN + 65_536];
        while (!stopped) {
            for (Runnable r = tasks.poll(); r != null; r = tasks.poll()) {
                r.run();
            }
            for (var p : pollers) {
                p.accept(stack);
            }
            stack.advanceTo(nowNs());
            int got = 0;
            int n = tun.readNow(buf);
            for (; n > 0; n = ++got < BATCH ? tun.readNow(buf) : 0) {
                link.deliver(buf, n, nowNs());
            }
            if (n < 0) {
                return;
            }
            if (got > 0) {
                continue;
            }
            if (!pollers.isEmpty() || !tasks.isEmpty()) {
                Thread.yield();
                continue;
            }
            long next = stack.nextDeadlineNs();
            long waitMs = next == Long.MAX_VALUE ? MAX_WAIT_MS
                    : Math.max(0, Math.min(MAX_WAIT_MS, (next - nowNs()) / 1_000_000));
            int ready = tun.await((int) waitMs, wakeup.fd());
            if (ready < 0) {
                return;
            }
            if ((ready & TunDevice.WOKEN) != 0) {
                wakeup.drain();
            }
        }
    }

    /**
     * Runs {@code poller} on the owner thread at every turn of its loop until it returns false (an application
     * living on the stack's thread, as on an event loop); the owner does not sleep while pollers run.
     */
    public void addPoller(java.util.function.Predicate<Stack> poller) {
        java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<Stack>> self =
                new java.util.concurrent.atomic.AtomicReference<>();
        self.set(st -> {
            if (!poller.test(st)) {
                pollers.remove(self.get());
            }
        });
        pollers.add(self.get());
        wakeup.ring();
    }

    /** Runs {@code action} on the owner thread with the stack and the current time, and returns its result. */
    public <T> T call(Function<Stack, T> action) {
        CompletableFuture<T> f = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                f.complete(action.apply(stack));
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        wakeup.ring();
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().toString(), e.getCause());
        }
    }

    /** Stops the owner thread (the TUN device stays open; close it after). */
    @Override
    public void close() {
        stopped = true;
        wakeup.ring();
        try {
            owner.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wakeup.close();
    }
}
