package io.jnetstack.hostmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnetstack.host.HostSyscalls;
import io.jnetstack.socket.PollFd;
import io.jnetstack.socket.Syscalls;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A descriptor a host row closed stays closed for that row even when the process reuses its number: the row's call
 * reaches the kernel with a number no process has open. Only sockets are made here (no packet is sent), so it needs
 * neither root nor a namespace, only Linux.
 */
class TrackedCallsTest {
    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int EBADF = 9;
    private static final int POLLIN = 1;
    private static final int POLLNVAL = 0x20;

    private final TrackedCalls tracked = new TrackedCalls();
    private final HostSyscalls other = new HostSyscalls();

    @BeforeEach
    void linuxOnly() {
        assumeTrue(System.getProperty("os.name").equals("Linux"), "the host target calls Linux's libc");
    }

    @Test
    void aClosedNumberReusedElsewhereAnswersEbadfToTheRow() {
        whileAnotherOwnsTheRowsClosedNumber((row, fd) -> {
            assertThat(row.getsockname(fd, new byte[16], new int[] {16})).isEqualTo(-1);
            assertThat(row.errno()).isEqualTo(EBADF);
            assertThat(row.listen(fd, 1)).isEqualTo(-1);
            assertThat(row.errno()).isEqualTo(EBADF);
            assertThat(other.getsockname(fd, new byte[16], new int[] {16})).as("the other owner's socket works")
                    .isZero();
        });
    }

    @Test
    void pollReportsPollnvalForAClosedNumberAndLeavesTheRowsEntryItsOwn() {
        whileAnotherOwnsTheRowsClosedNumber((row, fd) -> {
            PollFd p = new PollFd(fd, POLLIN);
            assertThat(row.poll(new PollFd[] {p}, 1, 0)).isEqualTo(1);
            assertThat(p.revents).isEqualTo(POLLNVAL);
            assertThat(p.fd).isEqualTo(fd);
        });
    }

    /** A row opens and closes a socket, another owner gets the same number (the lowest free), then {@code check}. */
    private void whileAnotherOwnsTheRowsClosedNumber(BiConsumer<Syscalls, Integer> check) {
        Syscalls row = tracked.calls();
        int fd = row.socket(AF_INET, SOCK_STREAM, 0);
        assertThat(row.close(fd)).isZero();
        int reused = other.socket(AF_INET, SOCK_STREAM, 0);
        try {
            assertThat(reused).isEqualTo(fd);
            check.accept(row, fd);
        } finally {
            other.close(reused);
        }
    }

    @Test
    void aNumberTheRowIsGivenAgainIsItsOwnOnceMore() {
        Syscalls row = tracked.calls();
        int fd = row.socket(AF_INET, SOCK_STREAM, 0);
        row.close(fd);
        int again = row.socket(AF_INET, SOCK_STREAM, 0);
        try {
            assertThat(again).isEqualTo(fd);
            assertThat(row.getsockname(again, new byte[16], new int[] {16})).isZero();
        } finally {
            row.close(again);
        }
    }
}
