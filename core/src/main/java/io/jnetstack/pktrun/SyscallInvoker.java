package io.jnetstack.pktrun;

import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.pkt.Action;
import io.jnetstack.pkt.Expr;
import io.jnetstack.socket.Syscalls;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes one script system call on the host's {@link Syscalls}, as packetdrill's run_system_call.c does: {@code ...}
 * for an address is the script's remote address and port for connect() and sendto(), the local one for bind(),
 * and an output buffer elsewhere; {@code [N]} is an int in memory; a getsockopt() value and length written in
 * brackets are checked against what the kernel wrote back.
 */
final class SyscallInvoker {
    /** What a call returned, and what its output arguments held that the script did not expect. */
    record Completed(long result, int errno, List<String> outputMismatches) {}

    private final Symbols sym;
    private final ScriptNetwork net;
    private final Flow flow;
    private final boolean inet6Sockets;
    private int socketUnderTest = -1;
    /** Script descriptor → live descriptor (packetdrill CHECK_FD: socket and accept may return any descriptor). */
    private final java.util.TreeMap<Integer, Integer> fds = new java.util.TreeMap<>();

    SyscallInvoker(Symbols sym, ScriptNetwork net, Flow flow, boolean inet6Sockets) {
        this.sym = sym;
        this.net = net;
        this.flow = flow;
        this.inet6Sockets = inet6Sockets;
    }

    /** Checks the call is one the runner knows and its argument count, before any time passes. */
    static void check(Action.Syscall call) {
        int[] arity = switch (call.name()) {
            case "socket", "accept", "getsockname", "getpeername", "read", "write" -> new int[] {3};
            case "bind", "connect" -> new int[] {3};
            case "listen", "shutdown" -> new int[] {2};
            case "close" -> new int[] {1};
            case "fcntl" -> new int[] {2, 3};
            case "setsockopt", "getsockopt" -> new int[] {5};
            case "send", "recv" -> new int[] {4};
            case "sendto", "recvfrom" -> new int[] {6};
            default -> throw ScriptStop.fail("unknown system call " + call.name() + "()");
        };
        for (int n : arity) {
            if (n == call.arguments().size()) {
                return;
            }
        }
        throw ScriptStop.fail(call.name() + "() takes " + arity[0] + " arguments, the script gives "
                + call.arguments().size());
    }

    /** The socket under test: the descriptor the last system call named or returned (socket(), accept()). */
    int socketUnderTest() {
        return socketUnderTest;
    }

    /** Runs {@code call} on {@code sys} (on the calling simulated thread). */
    Completed invoke(Syscalls sys, Action.Syscall call) {
        List<Expr> a = call.arguments();
        if (!call.name().equals("socket") && a.getFirst() instanceof Expr.Int fd) {
            socketUnderTest = fds.getOrDefault((int) fd.value(), (int) fd.value());
        }
        List<String> mismatches = new ArrayList<>();
        long r = switch (call.name()) {
            case "socket" -> sys.socket(a.get(0) instanceof Expr.Ellipsis
                    ? sym.constant(inet6Sockets ? AbiConstant.AF_INET6 : AbiConstant.AF_INET) : intArg(a.get(0)),
                    intArg(a.get(1)), intArg(a.get(2)));
            case "bind" -> {
                byte[] addr = address(a.get(1), net.local(), Flow.SCRIPT_PORT);
                int rc = sys.bind(fd(a), addr, lengthArg(a.get(2), addr.length));
                if (rc == 0) {
                    flow.bound();
                }
                yield rc;
            }
            case "connect" -> {
                byte[] addr = address(a.get(1), net.remote(), Flow.SCRIPT_PORT);
                flow.connecting(); // the local port: from the host's SYN (no getsockname: a blocking connect's
                yield sys.connect(fd(a), addr, lengthArg(a.get(2), addr.length)); // descriptor may be closed by then)
            }
            case "listen" -> {
                int rc = sys.listen(fd(a), intArg(a.get(1)));
                if (rc == 0) {
                    flow.listening();
                }
                yield rc;
            }
            case "accept" -> sys.accept(fd(a), new byte[128], new int[] {128});
            case "getsockname" -> sys.getsockname(fd(a), new byte[128], new int[] {128});
            case "getpeername" -> sys.getpeername(fd(a), new byte[128], new int[] {128});
            case "close" -> sys.close(fd(a));
            case "shutdown" -> sys.shutdown(fd(a), intArg(a.get(1)));
            case "fcntl" -> sys.fcntl(fd(a), intArg(a.get(1)), a.size() == 3 ? intArg(a.get(2)) : 0);
            case "read" -> sys.read(fd(a), new byte[Math.max(intArg(a.get(2)), 0)], intArg(a.get(2)));
            case "write" -> sys.write(fd(a), new byte[Math.max(intArg(a.get(2)), 0)], intArg(a.get(2)));
            case "recv" -> sys.recv(fd(a), new byte[Math.max(intArg(a.get(2)), 0)], intArg(a.get(2)),
                    intArg(a.get(3)));
            case "send" -> sys.send(fd(a), new byte[Math.max(intArg(a.get(2)), 0)], intArg(a.get(2)),
                    intArg(a.get(3)));
            case "recvfrom" -> sys.recvfrom(fd(a), new byte[Math.max(intArg(a.get(2)), 0)], intArg(a.get(2)),
                    intArg(a.get(3)), new byte[128], new int[] {128});
            case "sendto" -> {
                byte[] addr = a.get(4) instanceof Expr.Null ? null : address(a.get(4), net.remote(), Flow.SCRIPT_PORT);
                yield sys.sendto(fd(a), new byte[Math.max(intArg(a.get(2)), 0)], intArg(a.get(2)), intArg(a.get(3)),
                        addr, addr == null ? 0 : lengthArg(a.get(5), addr.length));
            }
            case "setsockopt" -> {
                byte[] value = optionValue(a.get(3));
                yield sys.setsockopt(fd(a), intArg(a.get(1)), intArg(a.get(2)), value,
                        lengthArg(a.get(4), value.length));
            }
            case "getsockopt" -> getsockopt(sys, a, mismatches);
            default -> throw ScriptStop.fail("unknown system call " + call.name() + "()");
        };
        if (r >= 0 && (call.name().equals("socket") || call.name().equals("accept"))) {
            socketUnderTest = (int) r;
            if (call.result() instanceof Expr.Int expected && expected.value() >= 0) {
                fds.put((int) expected.value(), (int) r); // any descriptor will do; the script's number maps to it
                r = expected.value();
            }
        }
        return new Completed(r, r < 0 ? sys.errno() : 0, mismatches);
    }

    private int getsockopt(Syscalls sys, List<Expr> a, List<String> mismatches) {
        int[] len = {a.get(4) instanceof Expr.Array arr && arr.elements().size() == 1
                && !(arr.elements().getFirst() instanceof Expr.Ellipsis) ? (int) sym.value(arr) : 256};
        int asked = len[0];
        byte[] buf = new byte[Math.max(asked, 0)];
        int rc = sys.getsockopt(fd(a), intArg(a.get(1)), intArg(a.get(2)), buf, len);
        if (rc < 0) {
            return rc;
        }
        if (a.get(3) instanceof Expr.Array arr && arr.elements().size() == 1
                && !(arr.elements().getFirst() instanceof Expr.Ellipsis) && buf.length >= 4) {
            long expected = sym.value(arr.elements().getFirst()) & 0xFFFF_FFFFL;
            long actual = readInt(buf) & 0xFFFF_FFFFL;
            if (expected != actual) {
                mismatches.add("option value " + show(arr.elements().getFirst(), actual) + " (expected "
                        + Describe.expr(arr.elements().getFirst()) + ")");
            }
        }
        if (a.get(4) instanceof Expr.Array arr && len[0] != asked) {
            mismatches.add("option length " + len[0] + " (expected " + Describe.expr(arr) + ")");
        }
        return rc;
    }

    private String show(Expr expected, long actual) {
        if (expected instanceof Expr.Name n && sym.errno(n.name()).isPresent()) {
            return actual == 0 ? "0" : sym.errnoName((int) actual);
        }
        return Long.toString(actual);
    }

    private byte[] optionValue(Expr e) {
        return switch (e) {
            case Expr.Array arr -> ints(arr.elements());
            case Expr.Struct s -> ints(s.fields().stream().map(Expr.Field::value).toList());
            case Expr.Str s -> s.value().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            case Expr.Null n -> new byte[0];
            default -> ints(List.of(e));
        };
    }

    private byte[] ints(List<Expr> values) {
        byte[] b = new byte[4 * values.size()];
        for (int i = 0; i < values.size(); i++) {
            long v = sym.value(values.get(i));
            for (int k = 0; k < 4; k++) {
                b[4 * i + k] = (byte) (v >>> (8 * k));
            }
        }
        return b;
    }

    private static int readInt(byte[] b) {
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    private int fd(List<Expr> a) {
        int script = intArg(a.getFirst());
        return fds.getOrDefault(script, script);
    }

    private int intArg(Expr e) {
        return (int) sym.value(e);
    }

    private int lengthArg(Expr e, int natural) {
        return e instanceof Expr.Ellipsis ? natural : intArg(e);
    }

    /** {@code ...}: the script's address in the OS's sockaddr layout; anything else is not modelled. */
    private byte[] address(Expr e, IpAddress ip, int port) {
        if (!(e instanceof Expr.Ellipsis)) {
            throw ScriptStop.fail("only '...' is supported for a socket address, found " + Describe.expr(e));
        }
        Sockaddr sa;
        if (inet6Sockets) {
            Ipv6Address v6 = switch (ip) {
                case Ipv6Address a6 -> a6;
                case Ipv4Address a4 -> new Ipv6Address(0, 0xFFFF_0000_0000L | Integer.toUnsignedLong(a4.bits()));
            };
            sa = new Sockaddr.In6(port, 0, v6.high(), v6.low(), 0);
        } else {
            sa = new Sockaddr.In(port, ((Ipv4Address) ip).bits());
        }
        return sym.abi().sockaddr().encode(sa);
    }

}
