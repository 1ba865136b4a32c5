package io.jnetstack.pktrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.personality.Personality;
import io.jnetstack.pkt.Parser;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TCP MD5 signatures in scripts: {@code --tcp_md5_secret}, {@code md5 valid} on both directions, the init and
 * cleanup commands that install the security associations with setkey(8), and what is not modelled.
 */
class TcpMd5ScriptTest {
    private static final String SETKEY = """
            --tcp_md5_secret=%s

            `kldstat -q -m tcpmd5 || kldload tcpmd5; echo 'add 192.168.0.1 192.0.2.1 tcp 0x1000 -A tcp-md5 "secret" ;
                   add 192.0.2.1 192.168.0.1 tcp 0x1001 -A tcp-md5 "secret" ;' | setkey -c`
            """;
    private static final String PASSIVE = """
             0    socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
            +0    setsockopt(3, IPPROTO_TCP, TCP_MD5SIG, [1], 4) = 0
            +0    getsockopt(3, IPPROTO_TCP, TCP_MD5SIG, [1], [4]) = 0
            +0    bind(3, ..., ...) = 0
            +0    listen(3, 1) = 0
            +0    < S 0:0(0) win 32767 <mss 1460,sackOK,md5 valid>
            +0    > S. 0:0(0) ack 1 win 65535 <mss 1460,sackOK,md5 valid>
            +0.1  < . 1:1(0) ack 1 win 32767 <nop,nop,md5 valid>
            +0    accept(3, ..., ...) = 4
            +0    send(4, ..., 1440, 0) = 1440
            +0    > P. 1:1441(1440) ack 1 win 65535 <nop,nop,md5 valid>
            """;

    private static ScriptResult run(String os, String text) {
        return ScriptRunner.run(Parser.parse("t.pkt", text), text, Personality.named(os), null);
    }

    @Test
    void aSigningListener_passesWithTheSecretOfTheAssociations() {
        ScriptResult r = run("freebsd", SETKEY.formatted("secret") + PASSIVE + "\n`setkey -F`\n");
        assertThat(r.verdict()).as(r.reason()).isEqualTo(ScriptResult.Verdict.PASS);
    }

    @Test
    void anotherSecret_makesTheHostDropTheSyn() {
        ScriptResult r = run("freebsd", SETKEY.formatted("Secret") + PASSIVE);
        assertThat(r.verdict()).isEqualTo(ScriptResult.Verdict.FAIL);
        assertThat(r.reason()).startsWith("line 11: expected '> S. 0:0(0) ack 1 win 65535 <mss 1460,sackOK,md5 valid>'")
                .endsWith("the host sent nothing");
    }

    @Test
    void aDigestThatIsNotTheSecrets_failsNamingTheSignature() {
        String text = SETKEY.formatted("secret") + PASSIVE.replace("> S. 0:0(0) ack 1 win 65535 <mss 1460,sackOK,md5 valid>",
                "> S. 0:0(0) ack 1 win 65535 <mss 1460,sackOK,md5 000102030405060708090a0b0c0d0e0f>");
        ScriptResult r = run("freebsd", text);
        assertThat(r.reason()).contains("line 11:", "expected <mss 1460,sackOK,md5 000102030405060708090a0b0c0d0e0f>");
    }

    @Test
    void aHostSigningWithAnotherKey_failsSayingSo() {
        String text = SETKEY.replace("tcp 0x1000 -A tcp-md5 \"secret\"", "tcp 0x1000 -A tcp-md5 \"other\"")
                .formatted("secret") + PASSIVE;
        ScriptResult r = run("freebsd", text);
        assertThat(r.reason()).startsWith("line 11: ")
                .endsWith("(the MD5 signature is not the one --tcp_md5_secret gives)");
    }

    @Test
    void withoutAssociations_theListenerSendsNothing() {
        ScriptResult r = run("freebsd", "--tcp_md5_secret=secret\n" + PASSIVE);
        assertThat(r.reason()).endsWith("the host sent nothing");
    }

    @Test
    void setkeyInput_addsTcpMd5AssociationsAndFlushes() {
        SimNetwork net = new SimNetwork(Personality.named("freebsd"), false, 1500, 1, null);
        try {
            HostCommands c = net.commands();
            assertThatThrownBy(() -> c.run("", "kldstat -q -m tcpmd5 || kldload tcpmd5; echo 'add 192.168.0.1"
                    + " 2001:DB8::1 tcp 0x1000 -A tcp-md5 \"k\" ;' | setkey -c"))
                    .isInstanceOf(ScriptStop.class).hasMessageContaining("the addresses differ in family");
            assertThat(net.host.stack().securityAssociations().entries()).isEmpty();
        } finally {
            net.close();
        }
        net = new SimNetwork(Personality.named("freebsd"), true, 1500, 1, null);
        try {
            net.commands().run("", "echo 'add fd3d:fa7b:d17d::1 2001:DB8::1 tcp 0x1000 -A tcp-md5 \"a b\" ;\n"
                    + " add 2001:DB8::1 fd3d:fa7b:d17d::1 tcp 4097 -A tcp-md5 0x6b6579 ;' | setkey -c");
            var sadb = net.host.stack().securityAssociations();
            assertThat(sadb.entries()).hasSize(2);
            assertThat(sadb.key(Ipv6Address.of("fd3d:fa7b:d17d::1"), Ipv6Address.of("2001:db8::1")))
                    .isEqualTo("a b".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(sadb.key(Ipv6Address.of("2001:db8::1"), Ipv6Address.of("fd3d:fa7b:d17d::1")))
                    .isEqualTo("key".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(sadb.entries().get(1).spi()).isEqualTo(0x1001);
            net.commands().run("", "setkey -F");
            assertThat(sadb.entries()).isEmpty();
            assertThat(sadb.key(Ipv4Address.of("192.168.0.1"), Ipv4Address.of("192.0.2.1"))).isNull();
        } finally {
            net.close();
        }
    }

    @Test
    void setkeyStatementsBeyondTcpMd5_skipNamingThem_andBadOnesFail() {
        assertThat(SetkeyInput.parse("", "flush ; add 192.168.0.1 192.0.2.1 tcp 0x1000 -A tcp-md5 \"k\";"))
                .hasSize(2);
        for (String[] c : new String[][] {
            {"add 192.168.0.1 192.0.2.1 esp 0x1000 -E des-cbc 0x3ffe05014819ffff ;", "SKIP",
                "setkey `add 192.168.0.1 192.0.2.1 esp 0x1000 -E des-cbc 0x3ffe05014819ffff` is not modelled"},
            {"spdadd 10.0.11.41/32[21] 10.0.11.33/32[any] any -P out ipsec esp/tunnel/a-b/require ;", "SKIP",
                "setkey `spdadd"},
            {"add 192.168.0.1 192.0.2.300 tcp 0x1000 -A tcp-md5 \"k\" ;", "FAIL", "'192.0.2.300' is not an address"},
            {"add 192.168.0.1 192.0.2.1 tcp 0x1000 -A tcp-md5 \"\" ;", "FAIL", "1 to 80 bytes, not 0"},
            {"add 192.168.0.1 192.0.2.1 tcp zz -A tcp-md5 \"k\" ;", "FAIL", "SPI 'zz' is not a 32-bit number"}}) {
            try {
                SetkeyInput.parse("line 3: ", c[0]);
                throw new AssertionError("accepted: " + c[0]);
            } catch (ScriptStop stop) {
                assertThat(stop.verdict().name()).as(c[0]).isEqualTo(c[1]);
                assertThat(stop.getMessage()).as(c[0]).startsWith("line 3: ").contains(c[2]);
            }
        }
        assertThat(HostCommands.split("a 'b;c' \"d;e\";f", ';')).isEqualTo(List.of("a 'b;c' \"d;e\"", "f"));
    }

    @Test
    void signaturesOnAnotherOs_areNotModelled() {
        ScriptResult r = run("linux", SETKEY.formatted("secret") + PASSIVE);
        assertThat(r.verdict()).isEqualTo(ScriptResult.Verdict.SKIP);
        assertThat(r.reason()).isEqualTo("--tcp_md5_secret: TCP MD5 signatures (RFC 2385) are modelled for FreeBSD"
                + " only (TCP_MD5SIG with setkey(8) associations), not for linux");
        r = run("openbsd", "`setkey -F`\n0 close(3) = -1 EBADF (Bad file descriptor)\n");
        assertThat(r.reason()).isEqualTo("init command: shell command `setkey -F` is not modelled (only"
                + " `sysctl -w NAME=VALUE`)");
    }
}
