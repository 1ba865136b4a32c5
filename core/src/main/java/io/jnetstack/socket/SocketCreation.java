package io.jnetstack.socket;

import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import java.util.Optional;

/**
 * socket(2) and socketpair(2): the domain, type and protocol numbers of the OS's ABI (SOCK_NONBLOCK and SOCK_CLOEXEC
 * where it has them), the protocol's socket, and a descriptor for it (EMFILE, then ENFILE).
 */
final class SocketCreation {
    private final KernelSyscalls sys;

    SocketCreation(KernelSyscalls sys) {
        this.sys = sys;
    }

    int socket(int domain, int type, int protocol) {
        var flags = sys.abi().constants().decodeFlags(AbiConstant.Kind.SOCKET_FLAG, type);
        Optional<AbiConstant> fam = sys.constant(AbiConstant.Kind.ADDRESS_FAMILY, domain);
        if (fam.isEmpty() || fam.get() == AbiConstant.AF_UNSPEC) {
            return sys.fail(Errno.EAFNOSUPPORT);
        }
        Optional<AbiConstant> ty = sys.constant(AbiConstant.Kind.SOCKET_TYPE, flags.unknownBits());
        if (ty.isEmpty()) {
            return sys.fail(Errno.EPROTONOSUPPORT);
        }
        SocketSummary.Domain d = switch (fam.get()) {
            case AF_INET6 -> SocketSummary.Domain.INET6;
            case AF_UNIX -> SocketSummary.Domain.UNIX;
            default -> SocketSummary.Domain.INET;
        };
        int tcp = sys.c(AbiConstant.IPPROTO_TCP);
        int udp = sys.c(AbiConstant.IPPROTO_UDP);
        Socket s;
        switch (ty.get()) {
            case SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET -> {
                if (d == SocketSummary.Domain.UNIX) {
                    if (protocol != 0) {
                        return sys.fail(Errno.EPROTONOSUPPORT);
                    }
                    var r = sys.kernel.unix().socket(unixType(ty.get()));
                    if (!(r instanceof io.jnetstack.socket.unix.UnixResult.Done<
                            io.jnetstack.socket.unix.UnixSocket> u)) {
                        return sys.fail(r.errnoOrNull());
                    }
                    s = new UnixSocketFile(sys.kernel, u.value());
                } else if (ty.get() == AbiConstant.SOCK_STREAM && (protocol == 0 || protocol == tcp)) {
                    s = new TcpSocket(sys.kernel, d);
                } else if (ty.get() == AbiConstant.SOCK_DGRAM && (protocol == 0 || protocol == udp)) {
                    if (sys.process.full() || sys.kernel.fileTableFull()) {
                        return sys.fail(sys.process.full() ? Errno.EMFILE : Errno.ENFILE);
                    }
                    s = sys.kernel.newUdp(d);
                } else {
                    return sys.fail(Errno.EPROTONOSUPPORT);
                }
            }
            default -> {
                return sys.fail(Errno.EPROTONOSUPPORT);
            }
        }
        return sys.install(s, flags.known().contains(AbiConstant.SOCK_NONBLOCK),
                flags.known().contains(AbiConstant.SOCK_CLOEXEC));
    }

    static io.jnetstack.socket.unix.UnixType unixType(AbiConstant t) {
        return switch (t) {
            case SOCK_DGRAM -> io.jnetstack.socket.unix.UnixType.DATAGRAM;
            case SOCK_SEQPACKET -> io.jnetstack.socket.unix.UnixType.SEQPACKET;
            default -> io.jnetstack.socket.unix.UnixType.STREAM;
        };
    }

    int socketpair(int domain, int type, int protocol, int[] sv) {
        var flags = sys.abi().constants().decodeFlags(AbiConstant.Kind.SOCKET_FLAG, type);
        Optional<AbiConstant> fam = sys.constant(AbiConstant.Kind.ADDRESS_FAMILY, domain);
        Optional<AbiConstant> ty = sys.constant(AbiConstant.Kind.SOCKET_TYPE, flags.unknownBits());
        if (fam.isEmpty() || fam.get() == AbiConstant.AF_UNSPEC) {
            return sys.fail(Errno.EAFNOSUPPORT);
        }
        if (fam.get() != AbiConstant.AF_UNIX) {
            return sys.fail(Errno.EOPNOTSUPP); // inet: socketpair is not supported (pru_connect2 / sock_no_socketpair)
        }
        if (ty.isEmpty() || protocol != 0) {
            return sys.fail(Errno.EPROTONOSUPPORT);
        }
        if (sv == null || sv.length < 2) {
            return sys.fail(Errno.EFAULT);
        }
        var r = sys.kernel.unix().socketPair(unixType(ty.get()));
        if (!(r instanceof io.jnetstack.socket.unix.UnixResult.Done<io.jnetstack.socket.unix.UnixDomain.Pair> p)) {
            return sys.fail(r.errnoOrNull());
        }
        boolean nb = flags.known().contains(AbiConstant.SOCK_NONBLOCK);
        boolean ce = flags.known().contains(AbiConstant.SOCK_CLOEXEC);
        int a = sys.install(new UnixSocketFile(sys.kernel, p.value().first()), nb, ce);
        if (a < 0) {
            p.value().first().close();
            p.value().second().close();
            return a;
        }
        int b = sys.install(new UnixSocketFile(sys.kernel, p.value().second()), nb, ce);
        if (b < 0) {
            sys.close(a);
            p.value().second().close();
            return b;
        }
        sv[0] = a;
        sv[1] = b;
        return 0;
    }
}
