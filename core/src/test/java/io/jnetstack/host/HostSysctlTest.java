package io.jnetstack.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * HostSyscalls.sysctl reads /proc/sys whole: procfs reports a size of 0, and a reader that trusts it stops after the
 * first byte (which turned "32768 60999" into {3, 0}). Read-only, so it runs without a namespace.
 */
class HostSysctlTest {
    @Test
    void readsEveryValueOfAMultiValueSysctl() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        assumeTrue(java.nio.file.Files.isReadable(file), "no /proc/sys/net/ipv4/ip_local_port_range");
        String text;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
        }
        long[] v = new long[2];
        HostSyscalls s = new HostSyscalls();
        assertThat(s.sysctl("net.ipv4.ip_local_port_range", v, null)).isZero();
        assertThat(v[0] + "\t" + v[1]).isEqualTo(text.replaceAll("\\s+", "\t"));
        assertThat(v[0]).isGreaterThanOrEqualTo(1);
        assertThat(v[1]).isGreaterThanOrEqualTo(v[0]);
    }

    @Test
    void namesNoFileAsEnoent() {
        HostSyscalls s = new HostSyscalls();
        assertThat(s.sysctl("net.ipv4.no_such_knob", new long[1], null)).isEqualTo(-1);
        assertThat(s.errno()).isEqualTo(2);
    }
}
