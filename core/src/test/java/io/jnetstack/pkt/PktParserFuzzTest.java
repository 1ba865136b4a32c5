package io.jnetstack.pkt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Jazzer: {@link Parser#tryParse} never throws, and an error always points at a real line and column. */
class PktParserFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void parse_neverThrows(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        if (Parser.tryParse("fuzz.pkt", text) instanceof ParseResult.Failed f) {
            assertThat(f.error().line()).isPositive();
            assertThat(f.error().column()).isPositive();
            assertThat(f.error().message()).isNotBlank();
        }
    }
}
