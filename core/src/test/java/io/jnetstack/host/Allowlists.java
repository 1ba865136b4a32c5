package io.jnetstack.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parity suites' allowlists (resources beside this class): one disagreement per line, {@code <case> | <the
 * host's result> | <reason>}, blank lines and {@code #} comments ignored.
 */
final class Allowlists {
    private Allowlists() {}

    /** "case | host result" → reason, from resource {@code name}; empty when the resource is missing. */
    static Map<String, String> read(String name) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (InputStream in = Allowlists.class.getResourceAsStream(name)) {
            if (in == null) {
                return m;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" \\| ", 3);
                m.put(f[0] + " | " + f[1], f.length > 2 ? f[2] : "");
            }
        }
        return m;
    }
}
