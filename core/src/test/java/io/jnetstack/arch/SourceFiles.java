package io.jnetstack.arch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The main source files of the core module, read from disk (tests run with the module as working directory). */
final class SourceFiles {
    static final Path MAIN = Path.of("src/main/java/io/jnetstack");

    private SourceFiles() {}

    /** Every .java file under the package {@code pkg} (e.g. "stack"), including sub-packages. */
    static List<Path> under(String pkg) {
        try (Stream<Path> s = Files.walk(MAIN.resolve(pkg))) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a file. */
    static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level packages that exist. */
    static List<String> packages() {
        try (Stream<Path> s = Files.list(MAIN)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
