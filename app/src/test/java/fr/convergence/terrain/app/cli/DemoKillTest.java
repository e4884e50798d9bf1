package fr.convergence.terrain.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.app.Main;
import fr.convergence.terrain.core.demo.DemoStores;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of {@code terrain demo} while it generates (issue 17, faults), in a JVM of its own, at a random moment
 * after its store file appears: the demo store is then either absent — only the file in progress is left, which the
 * next {@code terrain demo} starts again from nothing — or complete, with the same rows as a generation never
 * interrupted, and sound; never a half store where the application and the commands look for it.
 * {@value #DEFAULT_RUNS} runs in the normal build; {@code -Dterrain.kill.runs=200} for the long version
 * ({@code docs/performance.md}), as {@code StoreKillTest}.
 */
class DemoKillTest {

    static final int DEFAULT_RUNS = 3;
    private static final List<String> TABLES = List.of("participant", "enrolment", "phc_step", "hours_entry",
            "support_note", "support_note_revision", "referral", "app_user", "store_meta", "store_key_wrap");

    @TempDir
    Path dir;

    @Test
    void aKilledDemoGenerationLeavesNoStoreOrAWholeOne() throws Exception {
        int runs = Integer.getInteger("terrain.kill.runs", DEFAULT_RUNS);
        long seed = Long.getLong("terrain.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Path target = dir.resolve("demo.db");
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            // A generation left to finish: the rows a whole demo has, and how long generating takes.
            Process whole = start(target);
            awaitFirstFile(watcher, target);
            long fileSeen = System.nanoTime();
            assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(whole.exitValue()).as("an uninterrupted demo").isZero();
            long generationMillis = (System.nanoTime() - fileSeen) / 1_000_000;
            Map<String, Long> complete = rows(target);
            assertThat(complete.get("hours_entry")).isPositive();
            Files.delete(target);
            int absent = 0;
            for (int run = 0; run < runs; run++) {
                String context = "run " + run + ", seed " + seed;
                dropEarlierEvents(watcher);
                Process demo = start(target);
                awaitFirstFile(watcher, target);
                // The first kill in the first quarter of a generation, so that one surely lands during it (three
                // random moments fell after it in one run of CI: a third of them do); the others anywhere in it.
                long delay = random.nextLong((run == 0 ? generationMillis / 4 : generationMillis) + 1);
                killer.schedule(demo::destroyForcibly, delay, TimeUnit.MILLISECONDS).get();
                assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
                if (Files.exists(target)) {
                    assertThat(rows(target)).as("%s: a demo store in place is whole", context).isEqualTo(complete);
                    assertThat(integrity(target)).as(context).isEqualTo("ok");
                    Files.delete(target);
                } else {
                    absent++;
                }
            }
            System.out.printf("DEMO-KILL %d runs, %d left no store (killed while generating), %d whole; "
                    + "generation %d ms; seed %d%n", runs, absent, runs - absent, generationMillis, seed);
            // After the last kill, the next generation starts again from the file left in progress.
            Cli.Run again = Cli.run(Cli.NOTHING, "demo", "--store", target.toString(), "--size", "site",
                    "--seed", "17");
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(rows(target)).isEqualTo(complete);
            assertThat(Files.exists(DemoStores.inProgress(target))).isFalse();
            assertThat(absent).as("kills that landed during a generation").isPositive();
        } finally {
            killer.shutdownNow();
        }
    }

    private static Process start(Path target) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "demo", "--store", target.toString(), "--size", "site", "--seed", "17")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(target.resolveSibling("demo-err.log").toFile()).start();
    }

    /**
     * Waits (on the file system's events, not a clock) until the generation has created its first file, whatever its
     * name (the store, the file in progress, a journal). Events of earlier runs are dropped before each start.
     */
    private static void awaitFirstFile(WatchService watcher, Path target) throws InterruptedException {
        String name = target.getFileName().toString();
        while (true) {
            WatchKey key = watcher.poll(2, TimeUnit.MINUTES);
            assertThat(key).as("the demo writes a file (see demo-err.log)").isNotNull();
            boolean seen = key.pollEvents().stream().anyMatch(e -> e.context().toString().startsWith(name));
            key.reset();
            if (seen) {
                return;
            }
        }
    }

    private static void dropEarlierEvents(WatchService watcher) {
        for (WatchKey key = watcher.poll(); key != null; key = watcher.poll()) {
            key.pollEvents();
            key.reset();
        }
    }

    private static Map<String, Long> rows(Path store) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store);
             Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }

    private static String integrity(Path store) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
            return result.getString(1);
        }
    }
}
