package io.jnetstack.personality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * FreeBSD's per-socket TCP timers (tcp_usrreq.c tcp_default_ctloutput, tcp_timer.c) and the sysctls that widen
 * what the SYN path models (net.inet.tcp.ecn.enable, ecn.maxretries, rexmit_drop_options).
 */
class FreeBsdTimerOptionsTest {
    private static final long MS = 1_000_000L;

    @Test
    void timerDefaults_followTheSysctls_andTheCeilingIsUintMaxOverHz() {
        FreeBsdPersonality p = new FreeBsdPersonality();
        assertThat(p.tcpTimerOptions()).isEqualTo(new TcpTimerOptions(75_000 * MS, 7_200_000 * MS, 75_000 * MS, 8,
                4_294_967));
        p.tunables().set("net.inet.tcp.keepinit", 15_000);
        assertThat(p.tcpTimerOptions().keepInitNs()).isEqualTo(15_000 * MS);
    }

    @Test
    void aKeepinitOfFiveSeconds_endsTheAttemptAfterThreeSyns() {
        SynRetransmission r = new FreeBsdPersonality().synRetransmission(5_000 * MS);
        assertThat(r).isEqualTo(SynRetransmission.ofMillis(5_000, 0, 1_000, 3_200));
    }

    @Test
    void aKeepinitBeyondTheDefault_letsTheBackoffRunToTcpMaxrxtshift() {
        SynRetransmission r = new FreeBsdPersonality().synRetransmission(363_000 * MS);
        assertThat(r.synCount()).isEqualTo(11);
        assertThat(r.giveUpNs()).isEqualTo(363_000 * MS);
    }

    @Test
    void theOtherSystems_modelNoTimerOptions_andTruncateTheirOwnSchedule() {
        for (Personality p : Personality.all()) {
            if (!(p instanceof FreeBsdPersonality)) {
                assertThat(p.tcpTimerOptions()).as(p.name()).isNull();
                assertThat(p.synRetransmission(2_000 * MS).giveUpNs()).as(p.name()).isEqualTo(2_000 * MS);
            }
        }
    }

    @Test
    void ecnAndDropOptions_areOnlyModelledValues_andOffByDefault() {
        FreeBsdPersonality p = new FreeBsdPersonality();
        assertThat(p.synRequestsEcn(0)).isFalse();
        assertThat(p.dropsSynOptions(3)).isFalse();
        assertThat(p.tunables().models("net.inet.tcp.ecn.enable", 0)).as("off is modelled").isTrue();
        assertThat(p.tunables().models("net.inet.tcp.ecn.enable", 3)).as("AccECN").isFalse();
        p.tunables().set("net.inet.tcp.ecn.enable", 1);
        p.tunables().set("net.inet.tcp.rexmit_drop_options", 1);
        assertThat(p.synRequestsEcn(0)).isTrue();
        assertThat(p.synRequestsEcn(1)).as("maxretries 1").isTrue();
        assertThat(p.synRequestsEcn(2)).isFalse();
        assertThat(p.dropsSynOptions(2)).isFalse();
        assertThat(p.dropsSynOptions(3)).isTrue();
    }
}
