package io.jnetstack.socket;

import io.jnetstack.personality.ConnectArgumentRules;
import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.Errno;
import java.util.Arrays;

/**
 * The first thing connect(2) does: the descriptor, namelen and address checks and the early state checks, in the
 * order of the personality's kernel ({@link ConnectArgumentRules}; connect-catalogue §0.1, §0.2, rows A1–A15, B1–B10).
 * Pure and total: never throws, whatever the arguments.
 *
 * <p>Where this stops: after the protocol's family and length tests. Everything that needs the network stack or the
 * file system — implicit bind and port choice, routes, the port-0 and INADDR_ANY rules, broadcast and multicast
 * refusals, TIME_WAIT and dropped pcbs, so_error, path lookup, SYN and the EINPROGRESS/EALREADY/EISCONN lifecycle
 * after the first attempt (catalogue 1C–1J) — is the socket layer's work after {@link ConnectCheck.Proceed}.
 */
public final class ConnectArguments {
    private ConnectArguments() {}

    /**
     * Checks connect's arguments.
     *
     * @param p             the personality whose kernel is reproduced
     * @param s             the descriptor's summary
     * @param addr          the caller's buffer; null is the NULL pointer
     * @param addrOffset    where the address starts in {@code addr}
     * @param addrAvailable bytes readable from that point (fewer than namelen: the copy faults, EFAULT); clamped to
     *                      the buffer
     * @param namelen       the caller's length, as the C int (negative is a huge socklen_t on the BSDs)
     * @return proceed with the decoded address, disconnect (Linux AF_UNSPEC), wait (Linux), or the errno
     */
    public static ConnectCheck check(Personality p, SocketSummary s, byte[] addr, int addrOffset, int addrAvailable,
            int namelen) {
        ConnectArgumentRules r = p.connectArgumentRules();
        int readable = readable(addr, addrOffset, addrAvailable);
        Errno early = switch (r.addressCopy()) {
            case BEFORE_DESCRIPTOR -> first(copy(r, addr, readable, namelen), descriptor(s), socket(s));
            case BETWEEN_DESCRIPTOR_AND_SOCKET -> first(descriptor(s), copy(r, addr, readable, namelen), socket(s));
            case AFTER_SOCKET -> first(descriptor(s), socket(s), copy(r, addr, readable, namelen));
        };
        if (early != null) {
            return new ConnectCheck.Fail(early);
        }
        if (alreadyAtEntry(r.connectingAtEntry(), s)) {
            return new ConnectCheck.Fail(Errno.EALREADY);
        }
        byte[] bytes = namelen == 0 ? new byte[0] : Arrays.copyOfRange(addr, addrOffset, addrOffset + namelen);
        return ConnectAddressChecks.afterCopy(p, r, s, bytes);
    }

    /** Bytes readable at the pointer: 0 for NULL or an offset outside the buffer. */
    private static int readable(byte[] addr, int off, int available) {
        if (addr == null || off < 0 || off > addr.length || available <= 0) {
            return 0;
        }
        return Math.min(available, addr.length - off);
    }

    private static Errno descriptor(SocketSummary s) {
        return s.descriptorValid() ? null : Errno.EBADF;
    }

    private static Errno socket(SocketSummary s) {
        return s.socket() ? null : Errno.ENOTSOCK;
    }

    /**
     * The copy-in: Linux move_addr_to_kernel, FreeBSD/macOS getsockaddr, macOS getsockaddr_s, OpenBSD sockargs.
     * Negative namelen is too long everywhere (Linux {@code ulen < 0}; unsigned on the BSDs).
     */
    private static Errno copy(ConnectArgumentRules r, byte[] addr, int readable, int namelen) {
        if (addr == null && namelen >= 0 && namelen <= r.nullRejectedUpTo()) {
            return Errno.EINVAL;
        }
        if (namelen < 0 || namelen > r.maximumLength()) {
            return r.tooLong();
        }
        if (r.shortLengthAtCopy() && namelen < 2) {
            return Errno.EINVAL;
        }
        return namelen > readable ? Errno.EFAULT : null;
    }

    private static boolean alreadyAtEntry(ConnectArgumentRules.ConnectingAtEntry rule, SocketSummary s) {
        boolean connecting = s.state() == SocketSummary.State.CONNECTING;
        return switch (rule) {
            case NEVER -> false;
            case ALWAYS -> connecting;
            case NON_BLOCKING -> connecting && s.nonBlocking();
        };
    }

    private static Errno first(Errno a, Errno b, Errno c) {
        return a != null ? a : b != null ? b : c;
    }
}
