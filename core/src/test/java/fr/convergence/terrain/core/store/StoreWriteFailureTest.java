package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.Participant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.store.StoreTestSupport.USER;
import static fr.convergence.terrain.core.store.StoreTestSupport.openStore;
import static fr.convergence.terrain.core.store.StoreTestSupport.participant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full disk (simulated with SQLite's {@code max_page_count}, which fails a write exactly as a full disk does,
 * {@code SQLITE_FULL}) refuses the write in French, keeps everything saved before it, leaves the store sound, and
 * work resumes in the same open store once there is room again.
 */
class StoreWriteFailureTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskRefusesTheWriteInFrenchAndWorkResumesWhenThereIsRoomAgain() {
        try (TerrainStore store = openStore(dir)) {
            ParticipantRepository participants = new ParticipantRepository(store);
            Participant first = participant("Awa", "Diallo");
            save(store, first);
            long pages = store.writeJdbc(connection -> {
                try (var statement = connection.createStatement();
                     var count = statement.executeQuery("PRAGMA page_count")) {
                    long n = count.getLong(1);
                    statement.execute("PRAGMA max_page_count = " + (n + 2));
                    return n;
                }
            });
            List<Participant> saved = new ArrayList<>(List.of(first));
            String address = "x".repeat(3_000);
            StoreException full = null;
            for (int i = 0; i < 50 && full == null; i++) {
                Participant next = new Participant(first.id() + "-" + i, first.worksiteId(), "Prénom" + i, "Nom" + i,
                        first.birthDate(), null, null, address, null, null);
                try {
                    save(store, next);
                    saved.add(next);
                } catch (StoreException e) {
                    full = e;
                    assertThat(participants.find(next.id())).as("the refused write left nothing").isEmpty();
                }
            }
            assertThat(full).as("the disk filled up").isNotNull();
            assertThat(full.getMessage()).startsWith("Le disque est plein").contains("Libérez de la place")
                    .doesNotContain("SQLITE");
            for (Participant p : saved) {
                assertThat(participants.find(p.id())).as("saved before the disk was full").isPresent();
            }
            String integrity = store.read(sql -> sql.fetchValue("PRAGMA integrity_check").toString());
            assertThat(integrity).isEqualTo("ok");

            store.writeJdbc(connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute("PRAGMA max_page_count = " + (pages * 1000));
                }
                return null;
            });
            Participant after = participant("Léon", "Petit");
            save(store, after);
            assertThat(participants.find(after.id())).as("work resumes").isPresent();
        }
    }

    @Test
    void aStoreInAFolderThatCannotBeWrittenIsRefusedInFrenchAndOpensAgainOnceItCan() throws Exception {
        Participant saved = participant("Awa", "Diallo");
        try (TerrainStore store = openStore(dir)) {
            save(store, saved);
        }
        Path file = dir.resolve("terrain.db");
        byte[] before = Files.readAllBytes(file);
        // The folder and the file as a read-only disk or a wrong owner leaves them: root (the CI's user) writes
        // through permissions, not through the immutable flag.
        List<Path> locked = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.forEach(locked::add);
        }
        locked.add(dir);
        try {
            readOnly(locked, true);
            StoreException refused = null;
            try (TerrainStore store = TerrainStore.open(file)) {
                save(store, participant("Léon", "Petit"));
            } catch (StoreException e) {
                refused = e;
            }
            assertThat(refused).as("a store that cannot be written is refused").isNotNull();
            assertThat(refused.getMessage()).contains("ne peut pas être écrit", "lecture seule", "droits")
                    .doesNotContain("SQLITE");
        } finally {
            readOnly(locked, false);
        }
        assertThat(Files.readAllBytes(file)).as("nothing written over the file").isEqualTo(before);
        try (TerrainStore store = TerrainStore.open(file)) {
            ParticipantRepository participants = new ParticipantRepository(store);
            assertThat(participants.find(saved.id())).as("saved before").isPresent();
            Participant next = participant("Léon", "Petit");
            save(store, next);
            assertThat(participants.find(next.id())).as("work resumes").isPresent();
        }
    }

    private static void readOnly(List<Path> paths, boolean on) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            for (Path path : paths) {
                path.toFile().setWritable(!on, false);
            }
            return;
        }
        List<String> command = new ArrayList<>(List.of("chattr", on ? "+i" : "-i"));
        paths.forEach(path -> command.add(path.toString()));
        Process chattr = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(chattr.getInputStream().readAllBytes());
        if (chattr.waitFor() != 0 && on && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            // A container without CAP_LINUX_IMMUTABLE, or a file system without the flag: root writes through
            // everything else. CI's machine has both, and this test never skips there.
            Assumptions.abort("chattr +i refused here: " + output);
        }
        if (on) {
            assertThat(chattr.exitValue()).as("chattr: " + output).isZero();
        }
    }

    @Test
    void aStoreThatCannotBeWrittenIsSaidInFrench() {
        // The refusal SQLite gives on a read-only file while open, in its own words.
        StoreException readOnly = TerrainStore.sqliteFailure(new SQLException(
                "[SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)"),
                dir.resolve("terrain.db")).orElseThrow();
        assertThat(readOnly.getMessage()).contains("ne peut pas être écrit", "lecture seule", "droits")
                .doesNotContain("SQLITE");
    }

    private static void save(TerrainStore store, Participant p) {
        store.write(USER, tx -> {
            new ParticipantRepository(store).save(tx, p);
            return null;
        });
    }
}
