package io.jnetstack.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.wire.Ipv4Address;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 1 GiB each way between the host kernel and jnetstack over TUN (MTU 65535), with matching SHA-256 digests: the
 * kernel side is a socket driven through FFM in the namespace, the jnetstack side an application polled on the
 * stack's own thread.
 */
class GibTransferTest {
    static final long GIB = 1L << 30;
    private static final int MTU = 65_535;
    private NetNamespace ns;
    private TunBed bed;
    private RealTimeHost jns;

    /** The device, stack and namespace this class transfers over. */
    TunBed bed() throws IOException {
        return TunBed.up(MTU, 3);
    }

    @BeforeEach
    void up() throws IOException {
        bed = bed();
        ns = bed.ns();
        jns = bed.jns();
    }

    @AfterEach
    void down() {
        if (bed != null) {
            bed.close();
        }
    }

    /** 1 MiB of seeded random bytes; block i is the pattern with i written over its first eight bytes. */
    static final class Source {
        private final byte[] pattern = new byte[1 << 20];
        private final byte[] block = new byte[1 << 20];
        private long blockNo = -1;

        Source() {
            new SplittableRandom(2026).nextBytes(pattern);
        }

        /** The bytes at offset {@code at} (up to the end of its block). */
        byte[] blockAt(long at) {
            long n = at >>> 20;
            if (n != blockNo) {
                System.arraycopy(pattern, 0, block, 0, block.length);
                for (int i = 0; i < 8; i++) {
                    block[i] = (byte) (n >>> (8 * i));
                }
                blockNo = n;
            }
            return block;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String expectedDigest() {
        MessageDigest d = sha256();
        Source s = new Source();
        for (long at = 0; at < GIB; at += 1 << 20) {
            d.update(s.blockAt(at));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static byte[] jnsAddress(int port) {
        return new byte[] {2, 0, (byte) (port >> 8), (byte) port, 10, 9, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0};
    }

    @Test
    void oneGibFromTheKernelToJnetstack() throws Exception {
        jns.call(st -> {
            st.tcpListen(5001);
            return null;
        });
        MessageDigest got = sha256();
        long[] received = {0};
        CompletableFuture<Void> done = new CompletableFuture<>();
        TcpHandle[] conn = {null};
        jns.addPoller(st -> {
            if (conn[0] == null) {
                conn[0] = st.tcpAccept(5001);
                return true;
            }
            TcpConnection c = st.tcpConnection(conn[0]);
            if (c != null && c.available() > 0) {
                byte[] b = st.tcpRead(conn[0], 1 << 20, jns.nowNs());
                got.update(b);
                received[0] += b.length;
            }
            if (c == null || c.available() == 0 && c.peerClosed()) {
                st.tcpClose(conn[0], jns.nowNs());
                done.complete(null);
                return false;
            }
            return true;
        });
        String sent = ns.call(s -> {
            int fd = s.socket(2, 1, 0);
            if (s.connect(fd, jnsAddress(5001), 16) < 0) {
                return "connect errno " + s.errno();
            }
            Source src = new Source();
            MessageDigest d = sha256();
            for (long at = 0; at < GIB; ) {
                byte[] b = src.blockAt(at);
                int off = (int) (at & ((1 << 20) - 1));
                int n = s.write(fd, off == 0 ? b : java.util.Arrays.copyOfRange(b, off, b.length), b.length - off);
                if (n < 0) {
                    return "write errno " + s.errno();
                }
                d.update(b, off, n);
                at += n;
            }
            s.close(fd);
            return HexFormat.of().formatHex(d.digest());
        });
        done.get();
        assertThat(received[0]).isEqualTo(GIB);
        assertThat(HexFormat.of().formatHex(got.digest())).isEqualTo(sent).isEqualTo(expectedDigest());
    }

    @Test
    void oneGibFromJnetstackToTheKernel() throws Exception {
        CompletableFuture<String> kernel = CompletableFuture.supplyAsync(() -> ns.call(s -> {
            int l = s.socket(2, 1, 0);
            byte[] any = {2, 0, 0x13, (byte) 0x8a, 10, 9, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}; // 10.9.0.1:5002
            if (s.bind(l, any, 16) < 0 || s.listen(l, 1) < 0) {
                return "bind/listen errno " + s.errno();
            }
            int fd = s.accept(l, null, null);
            MessageDigest d = sha256();
            byte[] buf = new byte[1 << 20];
            long total = 0;
            for (int n = s.read(fd, buf, buf.length); n > 0; n = s.read(fd, buf, buf.length)) {
                d.update(buf, 0, n);
                total += n;
            }
            s.close(fd);
            s.close(l);
            return total + " " + HexFormat.of().formatHex(d.digest());
        }));
        StackStreams io = new StackStreams(jns);
        TcpHandle h = null;
        for (int i = 0; i < 2000 && h == null; i++) {
            h = io.connect(Ipv4Address.of(10, 9, 0, 1), 5002);
        }
        assertThat(h).as("the kernel listened").isNotNull();
        TcpHandle conn = h;
        Source src = new Source();
        long[] at = {0};
        jns.addPoller(st -> {
            while (at[0] < GIB) {
                byte[] b = src.blockAt(at[0]);
                int off = (int) (at[0] & ((1 << 20) - 1));
                int n = st.tcpSend(conn, b, off, b.length - off, jns.nowNs());
                if (n <= 0) {
                    return true;
                }
                at[0] += n;
            }
            st.tcpClose(conn, jns.nowNs());
            return false;
        });
        assertThat(kernel.get()).isEqualTo(GIB + " " + expectedDigest());
    }
}
