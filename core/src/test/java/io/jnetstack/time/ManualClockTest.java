package io.jnetstack.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void clock_movesOnlyWhenAdvanced() {
        ManualClock c = new ManualClock(100);
        assertThat(c.nanoTime()).isEqualTo(100);
        c.advanceTo(100);
        c.advanceBy(5);
        assertThat(c.nanoTime()).isEqualTo(105);
        c.advanceTo(1_000);
        assertThat(c.nanoTime()).isEqualTo(1_000);
        NanoClock asInterface = c;
        assertThat(asInterface.nanoTime()).isEqualTo(1_000);
    }

    @Test
    void goingBackwards_isRejected() {
        ManualClock c = new ManualClock(100);
        assertThatThrownBy(() -> c.advanceTo(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.advanceBy(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.advanceBy(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
        assertThat(c.nanoTime()).isEqualTo(100);
    }
}
