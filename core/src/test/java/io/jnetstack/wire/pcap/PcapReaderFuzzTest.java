package io.jnetstack.wire.pcap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jnetstack.wire.Parsed;
import java.io.ByteArrayInputStream;
import java.io.IOException;

class PcapReaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse_neverThrows(byte[] data) throws IOException {
        Parsed<PcapReader> o = PcapReader.open(new ByteArrayInputStream(data));
        if (!o.isOk()) {
            return;
        }
        PcapReader r = o.orThrow();
        for (Parsed<PcapRecord> p = r.next(); p != null && p.isOk(); p = r.next()) {
            if (p.orThrow().data().length() > r.snapLength()) {
                throw new AssertionError("record longer than snaplen");
            }
        }
    }
}
