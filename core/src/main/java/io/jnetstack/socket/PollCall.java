package io.jnetstack.socket;

import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import java.util.BitSet;

/**
 * poll(2) and select(2) over the descriptors' {@link Readiness}. POLLHUP, POLLERR and POLLNVAL are reported whether
 * asked for or not. Neither call is restarted after a signal on any of the four systems (signal(7); BSD sys_poll and
 * kern_select map ERESTART to EINTR).
 */
final class PollCall {
    private final KernelSyscalls sys;

    PollCall(KernelSyscalls sys) {
        this.sys = sys;
    }

    int poll(PollFd[] fds, int nfds, int timeoutMs) {
        if (nfds < 0 || nfds > Math.max(sys.process.openFileLimit(), FdSet.SIZE)) {
            return sys.fail(Errno.EINVAL);
        }
        if (nfds > 0 && (fds == null || fds.length < nfds)) {
            return sys.fail(Errno.EFAULT);
        }
        for (int i = 0; i < nfds; i++) {
            if (fds[i] == null) {
                return sys.fail(Errno.EFAULT);
            }
        }
        int ready = scanPoll(fds, nfds);
        if (ready > 0 || timeoutMs == 0) {
            return ready;
        }
        long timeoutNs = timeoutMs < 0 ? 0 : timeoutMs * 1_000_000L;
        return switch (Blocking.await(sys.ctx, sys.process, () -> scanPoll(fds, nfds) > 0, timeoutNs)) {
            case READY -> scanPoll(fds, nfds);
            case TIMEOUT -> 0;
            case INTERRUPTED, INTERRUPTED_RESTARTABLE -> sys.fail(Errno.EINTR);
        };
    }

    private int scanPoll(PollFd[] fds, int nfds) {
        int n = 0;
        for (int i = 0; i < nfds; i++) {
            PollFd p = fds[i];
            p.revents = p.fd < 0 ? 0 : revents(p.fd, p.events);
            if (p.revents != 0) {
                n++;
            }
        }
        return n;
    }

    private int revents(int fd, int events) {
        OpenFile f = sys.process.file(fd);
        if (f == null) {
            return bit(AbiConstant.POLLNVAL);
        }
        Readiness r = readiness(f);
        int out = 0;
        if (r.readable()) {
            out |= events & (bit(AbiConstant.POLLIN) | bit(AbiConstant.POLLRDNORM));
        }
        if (r.writable()) {
            out |= events & (bit(AbiConstant.POLLOUT) | bit(AbiConstant.POLLWRNORM));
        }
        if (r.readHangUp()) {
            out |= events & bit(AbiConstant.POLLRDHUP);
        }
        if (r.hangUp()) {
            out |= bit(AbiConstant.POLLHUP);
        }
        if (r.error()) {
            out |= bit(AbiConstant.POLLERR);
        }
        return out;
    }

    static Readiness readiness(OpenFile f) {
        return f.file instanceof Socket s ? s.readiness() : Readiness.FILE;
    }

    private int bit(AbiConstant c) {
        int v = sys.c(c);
        return v == Integer.MIN_VALUE ? 0 : v;
    }

    int select(int nfds, FdSet r, FdSet w, FdSet e, long timeoutUs) {
        if (nfds < 0 || nfds > FdSet.SIZE) {
            return sys.fail(Errno.EINVAL);
        }
        BitSet rIn = r == null ? new BitSet() : r.copy();
        BitSet wIn = w == null ? new BitSet() : w.copy();
        BitSet eIn = e == null ? new BitSet() : e.copy();
        for (int fd = 0; fd < nfds; fd++) {
            if ((rIn.get(fd) || wIn.get(fd) || eIn.get(fd)) && sys.process.file(fd) == null) {
                return sys.fail(Errno.EBADF);
            }
        }
        BitSet[] out = scanSelect(nfds, rIn, wIn);
        int n = out[0].cardinality() + out[1].cardinality();
        if (n == 0 && timeoutUs != 0) {
            long timeoutNs = timeoutUs < 0 ? 0 : timeoutUs * 1000L;
            switch (Blocking.await(sys.ctx, sys.process, () -> {
                BitSet[] s = scanSelect(nfds, rIn, wIn);
                return s[0].cardinality() + s[1].cardinality() > 0;
            }, timeoutNs)) {
                case READY, TIMEOUT -> { }
                case INTERRUPTED, INTERRUPTED_RESTARTABLE -> {
                    return sys.fail(Errno.EINTR);
                }
            }
            out = scanSelect(nfds, rIn, wIn);
            n = out[0].cardinality() + out[1].cardinality();
        }
        if (r != null) {
            r.replace(out[0]);
        }
        if (w != null) {
            w.replace(out[1]);
        }
        if (e != null) {
            e.replace(new BitSet());
        }
        return n;
    }

    /** Linux POLLIN_SET (in, hup, err) and POLLOUT_SET (out, err); the BSDs fold so_error into both already. */
    private BitSet[] scanSelect(int nfds, BitSet rIn, BitSet wIn) {
        BitSet rOut = new BitSet();
        BitSet wOut = new BitSet();
        for (int fd = 0; fd < nfds; fd++) {
            if (!rIn.get(fd) && !wIn.get(fd)) {
                continue;
            }
            Readiness rd = readiness(sys.process.file(fd));
            if (rIn.get(fd) && (rd.readable() || rd.hangUp() || rd.error())) {
                rOut.set(fd);
            }
            if (wIn.get(fd) && (rd.writable() || rd.error())) {
                wOut.set(fd);
            }
        }
        return new BitSet[] {rOut, wOut};
    }
}
