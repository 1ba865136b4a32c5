package io.jnetstack.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Package edges of design.md §2, checked by scanning imports and fully-qualified references. */
class LayeringTest {

    /** Which jnetstack top-level packages each package may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "wire", Set.of(),
            "time", Set.of(),
            "personality", Set.of(),
            "link", Set.of("wire", "time"),
            "stack", Set.of("wire", "time", "link", "personality"),
            "socket", Set.of("wire", "time", "link", "personality", "stack"),
            "sim", Set.of("wire", "time", "link", "personality", "stack", "socket"),
            "demo", Set.of("wire", "time", "link", "personality", "stack", "socket", "sim"),
            "matrix", Set.of("wire", "time", "link", "personality", "stack", "socket", "sim"),
            "cli", Set.of("wire", "time", "link", "personality", "stack", "socket", "sim", "demo", "matrix"));

    @Test
    void everyPackage_hasALayeringRule() {
        assertThat(ALLOWED.keySet()).containsAll(SourceFiles.packages());
    }

    @Test
    void everyPackage_usesOnlyTheLayersBelowIt() {
        List<String> violations = new ArrayList<>();
        for (String pkg : SourceFiles.packages()) {
            for (Path f : SourceFiles.under(pkg)) {
                for (String line : SourceFiles.lines(f)) {
                    for (String other : ALLOWED.keySet()) {
                        boolean uses = line.contains("io.jnetstack." + other + ".")
                                || line.contains("io.jnetstack." + other + ";");
                        if (uses && !other.equals(pkg) && !ALLOWED.get(pkg).contains(other)
                                && !line.startsWith("package ")) {
                            violations.add(f + ": " + pkg + " uses " + other + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void wirePrinter_isTheOnlyWireSubpackageThatReadsItsSiblings_andWireHasNoOutsideDependency() {
        for (Path f : SourceFiles.under("wire")) {
            for (String line : SourceFiles.lines(f)) {
                if (line.startsWith("import ")) {
                    assertThat(line).as(f.toString()).matches("import (static )?(java\\.|io\\.jnetstack\\.wire).*");
                }
            }
        }
    }

    @Test
    void everyPackage_hasAPackageInfo() {
        List<String> missing = new ArrayList<>();
        for (String pkg : SourceFiles.packages()) {
            SourceFiles.under(pkg).stream().map(Path::getParent).distinct()
                    .filter(d -> !d.resolve("package-info.java").toFile().isFile())
                    .forEach(d -> missing.add(d.toString()));
        }
        assertThat(missing).isEmpty();
    }
}
