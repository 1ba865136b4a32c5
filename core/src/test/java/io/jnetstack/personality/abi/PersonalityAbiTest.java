package io.jnetstack.personality.abi;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import org.junit.jupiter.api.Test;

/** Each personality hands out its own OS's ABI. */
class PersonalityAbiTest {

    @Test
    void everyPersonality_returnsTheAbiOfItsOwnOs() {
        for (Personality p : Personality.all()) {
            assertThat(p.abi().name()).isEqualTo(p.name());
            assertThat(p.abi().errnos().os()).isEqualTo(p.name());
            assertThat(p.abi().constants().os()).isEqualTo(p.name());
        }
        assertThat(Personality.all().stream().map(Personality::abi).toList()).isEqualTo(Abi.all());
    }
}
