package io.jnetstack.personality.abi;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

class SockaddrCodecFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decode_neverThrows(byte[] data) {
        for (Abi abi : Abi.all()) {
            SockaddrCodec c = abi.sockaddr();
            if (c.decode(data, 0, data.length) instanceof SockaddrDecoding.Ok(Sockaddr a, int len)) {
                byte[] again = c.encode(a);
                assertThat(c.decode(again, 0, again.length)).isEqualTo(new SockaddrDecoding.Ok(a, again.length));
            }
            c.decodeWithLengthField(data, 0, data.length);
        }
    }
}
