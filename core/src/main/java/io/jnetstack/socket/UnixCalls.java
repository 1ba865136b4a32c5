package io.jnetstack.socket;

import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.personality.abi.SockaddrDecoding;
import io.jnetstack.socket.unix.Received;
import io.jnetstack.socket.unix.Shutdown;
import io.jnetstack.socket.unix.UnixResult;
import io.jnetstack.socket.unix.UnixSocket;

/**
 * The system calls of a UNIX-domain socket over the {@link io.jnetstack.socket.unix} engine: addresses decoded in the
 * OS's sockaddr_un layout, connect's argument checks first ({@link ConnectArguments}), and the engine's would-block
 * answers turned into waits (with SO_SNDTIMEO/SO_RCVTIMEO, EINTR and SA_RESTART).
 */
final class UnixCalls {
    private final KernelSyscalls sys;
    private final SocketKernel kernel;

    UnixCalls(KernelSyscalls sys) {
        this.sys = sys;
        this.kernel = sys.kernel;
    }

    /** The sockaddr_un, or the errno its bytes deserve. */
    private Object address(byte[] addr, int addrlen) {
        SockaddrDecoding d = kernel.abi().sockaddr().decode(addr, 0, addrlen);
        if (d instanceof SockaddrDecoding.Invalid bad) {
            return sys.addressErrno(bad);
        }
        Sockaddr a = ((SockaddrDecoding.Ok) d).address();
        return a instanceof Sockaddr.Un un ? un : kernel.personality().connectArgumentRules().unix().wrongFamily();
    }

    Errno bind(UnixSocketFile s, byte[] addr, int addrlen) {
        Object a = address(addr, addrlen);
        if (a instanceof Errno e) {
            return e;
        }
        return errno(s.socket.bind((Sockaddr.Un) a, sys.process.cred(), 0777 & ~sys.process.umask()));
    }

    Errno listen(UnixSocketFile s, int backlog) {
        return errno(s.socket.listen(backlog));
    }

    Errno connect(UnixSocketFile s, boolean nonBlocking, byte[] addr, int addrlen) {
        SocketSummary summary = new SocketSummary(true, true, s.domain, s.type, s.connectState(), nonBlocking, false,
                (s.options.restrictions & SocketOptions.DENY_OUT) != 0);
        ConnectCheck check = ConnectArguments.check(kernel.personality(), summary, addr, 0,
                addr == null ? 0 : addr.length, addrlen);
        return switch (check) {
            case ConnectCheck.Fail f -> {
                if (f.aftermath() == ConnectCheck.Aftermath.DISSOLVED) {
                    s.socket.disconnect();
                }
                yield f.errno();
            }
            case ConnectCheck.Disconnect d -> errno(s.socket.disconnect());
            case ConnectCheck.AwaitPending a -> Errno.EALREADY;
            case ConnectCheck.Proceed p -> {
                if (p.dissolved()) {
                    s.socket.disconnect();
                }
                if (!(p.address() instanceof Sockaddr.Un un)) {
                    yield Errno.EAFNOSUPPORT;
                }
                yield retrying(() -> s.socket.connect(un, sys.process.cred(), nonBlocking), s.options.sendTimeoutNs,
                        Errno.EAGAIN);
            }
        };
    }

    /**
     * Calls {@code op} until it does not block: a blocked answer parks the thread on the engine's predicate; the
     * timeout gives {@code timeoutErrno}; a signal EINTR, or a restart with SA_RESTART.
     */
    private <T> Errno retrying(java.util.function.Supplier<UnixResult<T>> op, long timeoutNs, Errno timeoutErrno) {
        return errno(retry(op, timeoutNs, timeoutErrno));
    }

    private <T> UnixResult<T> retry(java.util.function.Supplier<UnixResult<T>> op, long timeoutNs,
            Errno timeoutErrno) {
        while (true) {
            UnixResult<T> r = op.get();
            if (!(r instanceof UnixResult.Blocked<T> b)) {
                kernel.changed();
                return r;
            }
            Errno e = sys.waitFor(b::ready, timeoutNs, true);
            if (e != null) {
                return new UnixResult.Failed<>(e == Errno.EAGAIN ? timeoutErrno : e);
            }
        }
    }

    private static Errno errno(UnixResult<?> r) {
        return switch (r) {
            case UnixResult.Done<?> d -> null;
            case UnixResult.Failed<?> f -> f.errno();
            case UnixResult.Blocked<?> b -> Errno.EAGAIN;
        };
    }

    int accept(UnixSocketFile s, boolean nonBlockingFile, byte[] addr, int[] addrlen, boolean nonBlocking,
            boolean cloexec) {
        if (sys.process.full()) {
            return sys.fail(Errno.EMFILE);
        }
        UnixResult<UnixSocket> r = retry(() -> s.socket.accept(nonBlockingFile),
                kernel.rules().acceptTimeout() ? s.options.receiveTimeoutNs : 0, Errno.EAGAIN);
        if (!(r instanceof UnixResult.Done<UnixSocket> d)) {
            return sys.fail(errno(r));
        }
        int fd = sys.install(new UnixSocketFile(kernel, d.value()), nonBlocking, cloexec);
        if (fd >= 0 && (addr != null || addrlen != null)) {
            UnixResult<Sockaddr.Un> peer = d.value().peerAddress();
            Sockaddr.Un name = peer instanceof UnixResult.Done<Sockaddr.Un> p ? p.value() : Sockaddr.Un.unnamed();
            int c = sys.copyOut(name, addr, addrlen);
            if (c < 0) {
                return c;
            }
        }
        return fd;
    }

    int send(UnixSocketFile s, boolean nonBlockingFile, byte[] buf, int len, int flags, byte[] addr, int addrlen) {
        boolean nb = nonBlockingFile || sys.hasFlag(flags, AbiConstant.MSG_DONTWAIT);
        byte[] data = len == buf.length ? buf : java.util.Arrays.copyOf(buf, len);
        UnixResult<Integer> r;
        if (addr != null || addrlen != 0) {
            Object a = address(addr, addrlen);
            if (a instanceof Errno e) {
                return sys.fail(e);
            }
            r = retry(() -> s.socket.sendTo((Sockaddr.Un) a, data, sys.process.cred(), nb),
                    s.options.sendTimeoutNs, Errno.EAGAIN);
        } else {
            r = retry(() -> s.socket.send(data, nb), s.options.sendTimeoutNs, Errno.EAGAIN);
        }
        if (r instanceof UnixResult.Done<Integer> d) {
            return d.value();
        }
        Errno e = errno(r);
        return e == Errno.EPIPE ? sys.brokenPipe(s, flags) : sys.fail(e);
    }

    int receive(UnixSocketFile s, boolean nonBlockingFile, byte[] buf, int len, int flags, byte[] addr,
            int[] addrlen) {
        boolean nb = nonBlockingFile || sys.hasFlag(flags, AbiConstant.MSG_DONTWAIT);
        UnixResult<Received> r = retry(() -> s.socket.receive(len, nb), s.options.receiveTimeoutNs, Errno.EAGAIN);
        if (!(r instanceof UnixResult.Done<Received> d)) {
            return sys.fail(errno(r));
        }
        Received got = d.value();
        System.arraycopy(got.data(), 0, buf, 0, got.data().length);
        if ((addr != null || addrlen != null) && got.source() != null) {
            int c = sys.copyOut(got.source(), addr, addrlen);
            if (c < 0) {
                return c;
            }
        }
        return got.data().length;
    }

    Errno shutdown(UnixSocketFile s, int how) {
        Shutdown h = how == sys.c(AbiConstant.SHUT_RD) ? Shutdown.READ : how == sys.c(AbiConstant.SHUT_WR)
                ? Shutdown.WRITE : how == sys.c(AbiConstant.SHUT_RDWR) ? Shutdown.BOTH : null;
        if (h == null) {
            return Errno.EINVAL;
        }
        Errno e = errno(s.socket.shutdown(h));
        kernel.changed();
        return e;
    }

    int name(UnixSocketFile s, boolean peer, byte[] addr, int[] addrlen) {
        Sockaddr.Un a;
        if (peer) {
            UnixResult<Sockaddr.Un> r = s.socket.peerAddress();
            if (!(r instanceof UnixResult.Done<Sockaddr.Un> d)) {
                return sys.fail(errno(r));
            }
            a = d.value();
        } else {
            a = s.socket.localAddress();
        }
        return sys.copyOut(a, addr, addrlen);
    }
}
