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
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("wire", Set.of()),
            Map.entry("time", Set.of()),
            Map.entry("personality", Set.of()),
            Map.entry("pkt", Set.of("wire", "personality")),
            Map.entry("link", Set.of("wire", "time")),
            Map.entry("stack", Set.of("wire", "time", "link", "personality")),
            Map.entry("socket", Set.of("wire", "time", "link", "personality", "stack")),
            Map.entry("sim", Set.of("wire", "time", "link", "personality", "stack", "socket")),
            Map.entry("demo", Set.of("wire", "time", "link", "personality", "stack", "socket", "sim")),
            Map.entry("matrix", Set.of("wire", "time", "link", "personality", "stack", "socket", "sim")),
            Map.entry("host", Set.of("personality", "socket", "wire", "time", "link", "stack")),
            // hostmatrix runs the matrix's scenarios on the host kernel: it joins the two, so that matrix stays free
            // of native code and host free of the catalogue
            Map.entry("hostmatrix", Set.of("wire", "time", "link", "personality", "stack", "socket", "sim", "matrix",
                    "host")),
            Map.entry("pktrun", Set.of("wire", "time", "link", "personality", "stack", "socket", "sim", "pkt", "host")),
            Map.entry("cli", Set.of("wire", "time", "link", "personality", "stack", "socket", "sim", "demo", "matrix",
                    "pkt", "pktrun", "host", "hostmatrix")));

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
