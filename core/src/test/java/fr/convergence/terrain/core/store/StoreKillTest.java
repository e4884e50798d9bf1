package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.Participant;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.store.generated.Tables.HOURS_ENTRY;
import static fr.convergence.terrain.core.store.generated.Tables.OUTBOX;
import static fr.convergence.terrain.core.store.generated.Tables.SUPPORT_NOTE;
import static fr.convergence.terrain.core.store.generated.Tables.SUPPORT_NOTE_REVISION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL at random moments of a writer (hours and notes, {@link KillableWriter} in a JVM of its own): after each
 * kill the store opens, passes SQLite's {@code integrity_check}, and holds every change the writer had been told
 * was saved, each with its outbox entry (WAL with {@code synchronous=FULL}: a commit that returned is on disk).
 * {@value #DEFAULT_RUNS} runs in the normal build; {@code -Dterrain.kill.runs=200} for the long version
 * ({@code docs/performance.md}).
 */
class StoreKillTest {

    static final int DEFAULT_RUNS = 12;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedChangeSurvivesAKillAndTheStoreStaysSound() throws Exception {
        int runs = Integer.getInteger("terrain.kill.runs", DEFAULT_RUNS);
        long seed = Long.getLong("terrain.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Path file = dir.resolve("terrain.db");
        Participant awa = StoreTestSupport.participant("Awa", "Diallo");
        try (TerrainStore store = StoreTestSupport.openStore(dir)) {
            store.write(StoreTestSupport.USER, tx -> {
                new ParticipantRepository(store).save(tx, awa);
                return null;
            });
        }
        List<String> hoursAcknowledged = new ArrayList<>();
        List<String> notesAcknowledged = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            // Killed after 1 to 25 acknowledgements: the writer is then anywhere in its next write.
            int killAfter = 1 + random.nextInt(25);
            // A JVM that starts fast: most of a run is the child's start.
            Process writer = new ProcessBuilder(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    KillableWriter.class.getName(), file.toString(), awa.id(), String.valueOf(run))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int acknowledged = 0;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while (acknowledged < killAfter && (line = lines.readLine()) != null) {
                    String[] parts = line.split(" ");
                    if (parts[0].equals("ACK")) {
                        acknowledged++;
                        (parts[1].equals("hours") ? hoursAcknowledged : notesAcknowledged).add(line);
                    }
                }
                writer.destroyForcibly();
                assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(acknowledged).as("run %d (seed %d): the writer started and wrote", run, seed)
                    .isEqualTo(killAfter);
            assertSound(file, hoursAcknowledged, notesAcknowledged, "run " + run + ", seed " + seed);
        }
    }

    private static void assertSound(Path file, List<String> hoursAcknowledged, List<String> notesAcknowledged,
                                    String run) {
        try (TerrainStore store = TerrainStore.open(file)) {
            String integrity = store.read(sql -> sql.fetchValue("PRAGMA integrity_check").toString());
            assertThat(integrity).as(run).isEqualTo("ok");
            Set<String> outboxRows = store.read(sql -> sql.select(OUTBOX.ROW_ID).from(OUTBOX).fetchSet(OUTBOX.ROW_ID));
            var cells = store.read(sql -> sql.select(HOURS_ENTRY.ID, HOURS_ENTRY.MINUTES).from(HOURS_ENTRY)
                    .fetchMap(HOURS_ENTRY.ID, HOURS_ENTRY.MINUTES));
            for (String ack : hoursAcknowledged) {
                String[] parts = ack.split(" ");
                assertThat(cells).as(run + ": " + ack).containsEntry(parts[2], Integer.parseInt(parts[3]));
                assertThat(outboxRows).as(run + ": outbox of " + ack).contains(parts[2]);
            }
            Set<String> notes = store.read(sql -> sql.select(SUPPORT_NOTE.ID).from(SUPPORT_NOTE)
                    .fetchSet(SUPPORT_NOTE.ID));
            Set<String> revisions = store.read(sql -> sql.select(SUPPORT_NOTE_REVISION.ID).from(SUPPORT_NOTE_REVISION)
                    .fetchSet(SUPPORT_NOTE_REVISION.ID));
            for (String ack : notesAcknowledged) {
                String[] parts = ack.split(" ");
                assertThat(notes).as(run + ": " + ack).contains(parts[2]);
                assertThat(revisions).as(run + ": " + ack).contains(parts[3]);
                assertThat(outboxRows).as(run + ": outbox of " + ack).contains(parts[2], parts[3]);
            }
            // Nothing half-written: every note header has its revision, every outbox row its row.
            int headersAlone = store.read(sql -> sql.fetchCount(SUPPORT_NOTE, SUPPORT_NOTE.ID.notIn(
                    sql.select(SUPPORT_NOTE_REVISION.NOTE_ID).from(SUPPORT_NOTE_REVISION))));
            assertThat(headersAlone).as(run).isZero();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
