package io.jnetstack.socket.unix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package edge of io.jnetstack.socket.unix: personality and the vfs only; no hashing, clocks or OS tests. */
class UnixDependencyTest {
    private static final Path DIR = Path.of("src/main/java/io/jnetstack/socket/unix");

    @Test
    void theEngine_usesOnlyThePersonalityAndTheVfs_andNeverAsksWhichOs() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    String l = line.strip();
                    boolean jns = l.matches(".*io\\.jnetstack\\.[a-z]+.*") && !l.startsWith("package ")
                            && !l.startsWith("*") && !l.startsWith("/**")
                            && !l.matches(".*io\\.jnetstack\\.(personality|socket\\.vfs|socket\\.unix)\\b.*");
                    boolean banned = l.matches(".*\\b(Hash(Map|Set)|System\\.(nanoTime|currentTimeMillis)|"
                            + "new Random\\(|Thread|\\.os\\(\\)|Os\\.).*");
                    if (jns || banned) {
                        violations.add(f.getFileName() + ": " + l);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
