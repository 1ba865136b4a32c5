package io.jnetstack.pktrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What FreeBSD itself does with a script of the freebsd-net/tcp-testsuite, as the suite records it: a
 * {@code NAME.exfail} file beside {@code NAME.pkt} (the suite's run-all-tests treats the script as an expected
 * failure), or the last column ("Result FreeBSD Head") of the script's row in the folder's README.md status table.
 */
final class SuiteExpectations {
    /** A table row: {@code |[name](name.pkt "title") | ... | Result |}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*\\[[^\\]]*\\]\\(([^\\s)\"]+\\.pkt)[^)]*\\)(.*)\\|\\s*$");

    private SuiteExpectations() {}

    /**
     * Why FreeBSD fails {@code script}, if the suite says it does: ".exfail" or "README: Failed (Note 2)".
     */
    static Optional<String> freebsdFails(Path script) {
        String file = script.getFileName().toString();
        String base = file.endsWith(".pkt") ? file.substring(0, file.length() - 4) : file;
        Path dir = script.toAbsolutePath().getParent();
        if (dir == null) {
            return Optional.empty();
        }
        if (Files.exists(dir.resolve(base + ".exfail"))) {
            return Optional.of(base + ".exfail");
        }
        Path readme = dir.resolve("README.md");
        if (!Files.isRegularFile(readme)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(readme)) {
                Matcher m = ROW.matcher(line.strip());
                if (m.matches() && m.group(1).equals(file)) {
                    String[] cells = m.group(2).split("\\|");
                    String last = cells[cells.length - 1].strip();
                    return last.startsWith("Failed") ? Optional.of("README.md: " + last) : Optional.empty();
                }
            }
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
