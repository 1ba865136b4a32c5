package io.jnetstack.personality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The data room of a SYN with a Fast Open cookie, by each OS's rule. */
class FastOpenClientTest {
    private static final FastOpenClient LINUX = FastOpenClient.linux(true, 0);
    private static final FastOpenClient FREEBSD = new FastOpenClient(true, 0, 0);

    @Test
    void freeBsdTrimsTheDataToTheMssLessTheOptionsCarried() {
        assertThat(FREEBSD.synDataRoom(1460, 28)).isEqualTo(1432); // tcp_output: len + optlen <= t_maxseg
    }

    @Test
    void linuxReservesTheWholeOptionSpaceWhateverTheSynCarries() {
        assertThat(LINUX.synDataRoom(1460, 28)).isEqualTo(1420);
        assertThat(LINUX.synDataRoom(1460, 40)).isEqualTo(1420);
    }

    @Test
    void linuxFloorsTheMssAtTcpMinSndMssAndCapsTheCopyAtAPageFragment() {
        assertThat(LINUX.synDataRoom(20, 28)).isEqualTo(8); // max(mss, 48) − 40
        assertThat(LINUX.synDataRoom(65483, 28)).isEqualTo(32768);
    }
}
