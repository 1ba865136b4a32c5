package io.jnetstack.socket;

import io.jnetstack.personality.abi.Errno;
import io.jnetstack.socket.vfs.Cred;

/**
 * The process-wide calls: sysctl, sigaction, the descriptor limit, credentials, FreeBSD's capability mode and
 * OpenBSD's pledge, each as the OS has it (a call the OS lacks is ENOSYS); and the capability and pledge checks the
 * socket calls run first.
 */
final class ProcessCalls {
    private final KernelSyscalls sys;

    ProcessCalls(KernelSyscalls sys) {
        this.sys = sys;
    }

    int sysctl(String name, long[] oldValues, long[] newValues) {
        if (name == null) {
            return sys.fail(Errno.EFAULT);
        }
        long[] v = sys.kernel.sysctls().get(name);
        if (v == null) {
            return sys.fail(Errno.ENOENT);
        }
        if (oldValues != null) {
            if (oldValues.length < v.length) {
                return sys.fail(Errno.EFAULT);
            }
            System.arraycopy(v, 0, oldValues, 0, v.length);
        }
        if (newValues != null) {
            if (!sys.process.cred().isRoot()) {
                return sys.fail(Errno.EPERM);
            }
            if (sys.kernel.sysctls().notModelled(name, newValues)) {
                return sys.fail(Errno.EOPNOTSUPP); // a value the kernel takes but jnetstack does not reproduce
            }
            if (!sys.kernel.sysctls().set(name, newValues)) {
                return sys.fail(Errno.EINVAL);
            }
        }
        return 0;
    }

    int sigaction(int signo, SignalDisposition disposition) {
        if (signo <= 0 || signo >= 32 || disposition == null) {
            return sys.fail(Errno.EINVAL);
        }
        sys.process.setDisposition(signo, disposition);
        return 0;
    }

    int setOpenFileLimit(int limit) {
        if (limit < 0) {
            return sys.fail(Errno.EINVAL);
        }
        sys.process.setOpenFileLimit(limit);
        return 0;
    }

    int setuid(int uid) {
        if (uid < 0) {
            return sys.fail(Errno.EINVAL);
        }
        Cred c = sys.process.cred();
        if (!c.isRoot() && c.uid() != uid) {
            return sys.fail(Errno.EPERM);
        }
        sys.process.setCred(new Cred(uid, c.gid(), c.groups()));
        return 0;
    }

    int setgid(int gid) {
        if (gid < 0) {
            return sys.fail(Errno.EINVAL);
        }
        Cred c = sys.process.cred();
        if (!c.isRoot() && c.gid() != gid) {
            return sys.fail(Errno.EPERM);
        }
        sys.process.setCred(new Cred(c.uid(), gid, c.groups()));
        return 0;
    }

    int capEnter() {
        if (!sys.abi().errnos().defines(Errno.ECAPMODE)) {
            return sys.fail(Errno.ENOSYS);
        }
        sys.process.enterCapabilityMode();
        return 0;
    }

    int pledge(String promises) {
        if (!sys.kernel.rules().pledge()) {
            return sys.fail(Errno.ENOSYS);
        }
        if (promises == null) {
            return 0; // NULL: promises unchanged
        }
        java.util.TreeSet<String> wanted = new java.util.TreeSet<>();
        for (String w : promises.trim().split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (!PROMISES.contains(w)) {
                return sys.fail(Errno.EINVAL);
            }
            wanted.add(w);
        }
        if (sys.process.pledges() != null && !sys.process.pledges().containsAll(wanted)) {
            return sys.fail(Errno.EPERM);
        }
        sys.process.setPledges(wanted);
        return 0;
    }

    /**
     * FreeBSD sys_connect/sys_bind/kern_sendit in capability mode: the address is copied in first (its errors win),
     * then ECAPMODE. Null when the process is not in capability mode.
     */
    Errno capabilityRefusal(byte[] addr, int addrlen) {
        if (!sys.process.capabilityMode()) {
            return null;
        }
        ConnectCheck c = ConnectArguments.check(sys.kernel.personality(), SocketSummary.badDescriptor(), addr, 0,
                addr == null ? 0 : addr.length, addrlen);
        return c instanceof ConnectCheck.Fail f && f.errno() != Errno.EBADF ? f.errno() : Errno.ECAPMODE;
    }

    /**
     * OpenBSD pledge_socket: an INET socket needs "inet", a UNIX one "unix"; pledge_fail returns ENOSYS under
     * "error", else kills the process with SIGABRT. Null when allowed.
     */
    Errno pledgeRefusal(Socket s) {
        java.util.Set<String> p = sys.process.pledges();
        if (p == null) {
            return null;
        }
        String need = s.domain == SocketSummary.Domain.UNIX ? "unix" : "inet";
        if (p.contains(need)) {
            return null;
        }
        if (p.contains("error")) {
            return Errno.ENOSYS;
        }
        sys.ctx.killProcess(6); // SIGABRT
        return Errno.EPERM; // not seen on the simulator: the thread has unwound
    }

    /** The promises pledge(2) knows (OpenBSD kern_pledge.c pledgenames, the ones a network program uses). */
    private static final java.util.Set<String> PROMISES = java.util.Set.of("stdio", "rpath", "wpath", "cpath",
            "dpath", "tmppath", "inet", "mcast", "fattr", "chown", "flock", "unix", "dns", "getpw", "sendfd",
            "recvfd", "tape", "tty", "proc", "exec", "prot_exec", "settime", "ps", "vminfo", "id", "pf", "route",
            "wroute", "audio", "video", "bpf", "unveil", "error");
}
