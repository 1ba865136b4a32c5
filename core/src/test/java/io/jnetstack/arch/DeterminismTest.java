package io.jnetstack.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The banned-API list of design.md §3 for the deterministic core: no wall clock, no sleeping, no unseeded
 * randomness, no hash-ordered collections (whose iteration order is not part of their contract), no threads.
 */
class DeterminismTest {
    private static final List<String> CORE = List.of("wire", "time", "link", "personality", "stack", "socket", "sim", "demo");

    /** Starting or handing over threads: banned everywhere in the core but in {@link #SCHEDULER}. */
    private static final Pattern THREADS =
            Pattern.compile("Thread\\.of(Virtual|Platform)|Thread\\.startVirtualThread|LockSupport\\.");

    /**
     * The application-thread scheduler of design.md §5; one thread runs at a time under the baton. It alone may
     * start (virtual) threads and park/unpark them ({@link #THREADS}); every other ban applies to it.
     */
    private static final Path SCHEDULER = SourceFiles.MAIN.resolve("sim/SimScheduler.java");

    private static final List<Pattern> BANNED = List.of(
            Pattern.compile("System\\.nanoTime"),
            Pattern.compile("System\\.currentTimeMillis"),
            Pattern.compile("Instant\\.now"),
            Pattern.compile("LocalDateTime\\.now|LocalDate\\.now|Clock\\.system"),
            Pattern.compile("Thread\\.sleep"),
            Pattern.compile("new Random\\("),
            Pattern.compile("ThreadLocalRandom"),
            Pattern.compile("Math\\.random"),
            Pattern.compile("new (HashMap|HashSet|IdentityHashMap|WeakHashMap|ConcurrentHashMap)\\b"),
            Pattern.compile("\\.parallelStream\\(|\\.parallel\\(\\)"),
            Pattern.compile("new Thread\\(|Executors\\."),
            THREADS);

    @Test
    void corePackages_useNoNonDeterministicApi() {
        List<String> hits = new ArrayList<>();
        for (String pkg : CORE) {
            for (Path f : SourceFiles.under(pkg)) {
                List<String> lines = SourceFiles.lines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    String code = line.strip();
                    if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                        continue;
                    }
                    for (Pattern p : BANNED) {
                        if (p == THREADS && f.equals(SCHEDULER)) {
                            continue;
                        }
                        if (p.matcher(line).find()) {
                            hits.add(f + ":" + (i + 1) + ": " + code);
                        }
                    }
                }
            }
        }
        assertThat(hits).isEmpty();
    }

    @Test
    void theBannedList_catchesWhatItBans() {
        assertThat(BANNED.stream().anyMatch(p -> p.matcher("long t = System.nanoTime();").find())).isTrue();
        assertThat(BANNED.stream().anyMatch(p -> p.matcher("var m = new HashMap<>();").find())).isTrue();
        assertThat(BANNED.stream().anyMatch(p -> p.matcher("var m = new LinkedHashMap<>();").find())).isFalse();
        assertThat(BANNED.stream().anyMatch(p -> p.matcher("Thread.ofVirtual().start(r);").find())).isTrue();
        assertThat(BANNED.stream().anyMatch(p -> p.matcher("LockSupport.park(this);").find())).isTrue();
        assertThat(SCHEDULER).as("the one file allowed to start threads exists").exists();
    }
}
