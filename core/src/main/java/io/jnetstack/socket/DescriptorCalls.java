package io.jnetstack.socket;

import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import java.util.Optional;

/** fcntl(2) (F_GETFL/F_SETFL with O_NONBLOCK, F_GETFD/F_SETFD with FD_CLOEXEC) and ioctl(2) (FIONBIO, FIONREAD). */
final class DescriptorCalls {
    private final KernelSyscalls sys;

    DescriptorCalls(KernelSyscalls sys) {
        this.sys = sys;
    }

    int fcntl(int fd, int cmd, int arg) {
        OpenFile f = sys.file(fd);
        if (f == null) {
            return -1;
        }
        Optional<AbiConstant> command = sys.constant(AbiConstant.Kind.FCNTL_COMMAND, cmd);
        if (command.isEmpty()) {
            return sys.fail(Errno.EINVAL);
        }
        int nonblock = sys.c(AbiConstant.O_NONBLOCK);
        int cloexec = sys.c(AbiConstant.FD_CLOEXEC);
        return switch (command.get()) {
            case F_GETFL -> (f.nonBlocking ? nonblock : 0) | 2; // O_RDWR is 2 on all four
            case F_SETFL -> {
                f.nonBlocking = (arg & nonblock) != 0;
                yield 0;
            }
            case F_GETFD -> sys.process.closeOnExec(fd) ? cloexec : 0;
            case F_SETFD -> {
                sys.process.setCloseOnExec(fd, (arg & cloexec) != 0);
                yield 0;
            }
            default -> sys.fail(Errno.EINVAL);
        };
    }

    int ioctl(int fd, int request, int[] arg) {
        OpenFile f = sys.file(fd);
        if (f == null) {
            return -1;
        }
        Optional<AbiConstant> req = sys.constant(AbiConstant.Kind.IOCTL, request);
        if (req.isEmpty()) {
            return sys.fail(Errno.ENOTTY);
        }
        if (arg == null || arg.length < 1) {
            return sys.fail(Errno.EFAULT);
        }
        return switch (req.get()) {
            case FIONBIO -> {
                f.nonBlocking = arg[0] != 0;
                yield 0;
            }
            case FIONREAD -> {
                arg[0] = switch (f.file) {
                    case TcpSocket t -> TcpCalls.available(t);
                    case UdpSocket u -> sys.kernel.stack().udp().queuedCount(u.handle) == 0 ? 0
                            : sys.kernel.stack().udp().peek(u.handle).length();
                    default -> 0;
                };
                yield 0;
            }
            default -> sys.fail(Errno.ENOTTY);
        };
    }
}
