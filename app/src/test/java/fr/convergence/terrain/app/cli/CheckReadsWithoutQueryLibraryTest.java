package fr.convergence.terrain.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.app.Main;
import fr.convergence.terrain.core.store.TerrainStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code terrain check} on a new laptop's store (no account, so no sign-in) gives its figures without loading jOOQ's
 * implementation or the generated schema, whose first use is ≈ 0.2 s of the call's 0.5 s target
 * (docs/performance.md, « Startup »): the store's figures are read with plain JDBC ({@code StoreCheck}). Run as the
 * launcher runs it, in a fresh JVM that logs every class it loads.
 */
class CheckReadsWithoutQueryLibraryTest {

    private static final String QUERY_LIBRARY = "] org.jooq.";
    private static final String GENERATED_SCHEMA = "] fr.convergence.terrain.core.store.generated.";

    @TempDir
    Path dir;

    @Test
    void checkOnANewLaptopsStoreLoadsNoQueryLibrary() throws Exception {
        Path file = dir.resolve("terrain.db");
        TerrainStore.open(file).close();

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", "--store", file.toString()).redirectErrorStream(true).start();
        List<String> lines;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            lines = output.lines().collect(Collectors.toList());
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> printed = lines.stream().filter(line -> !line.contains("[class,load]")).toList();
        assertThat(child.exitValue()).as(String.join("\n", printed)).isZero();

        assertThat(printed).anyMatch(line -> line.startsWith("Intégrité (SQLite)") && line.endsWith("ok"))
                .anyMatch(line -> line.strip().startsWith("participant ") && line.strip().endsWith(
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        // The bytecode verifier may load some of jOOQ's interfaces named in our store classes: public types only.
        assertThat(lines).noneMatch(line -> line.contains(QUERY_LIBRARY + "impl.")
                || line.contains(GENERATED_SCHEMA));
    }
}
