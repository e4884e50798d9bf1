package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.Participant;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.store.StoreTestSupport.USER;
import static fr.convergence.terrain.core.store.StoreTestSupport.openStore;
import static fr.convergence.terrain.core.store.StoreTestSupport.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A damaged data file is refused in French, as it is: not one byte of it changes. */
class DamagedStoreTest {

    @TempDir
    Path dir;

    @Test
    void aTextFileIsNotAStoreAndStaysAsItWas() throws Exception {
        Path file = dir.resolve("terrain.db");
        Files.writeString(file, "Liste des courses\nPain, lait\n", StandardCharsets.UTF_8);
        assertRefusedUnchanged(file, DamagedStoreException.Damage.NOT_A_STORE, "n’est pas un fichier de données");
    }

    @Test
    void aStoreCutShortIsDamagedAndStaysAsItWas() throws Exception {
        Path file = storeWithRows(200);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertRefusedUnchanged(file, DamagedStoreException.Damage.DAMAGED, "est endommagé");
    }

    @Test
    void aStoreCutToNothingWithBackupsBesideItIsDamagedNotANewStore() throws Exception {
        Path file = storeWithRows(3);
        try (TerrainStore store = TerrainStore.open(file)) {
            StoreBackups.make(store, StoreBackups.Kind.DAILY);
        }
        Files.write(file, new byte[0]);
        assertRefusedUnchanged(file, DamagedStoreException.Damage.DAMAGED, "est endommagé");
    }

    @Test
    void aStoreWithPagesOverwrittenIsDamagedAndStaysAsItWas() throws Exception {
        Path file = storeWithRows(200);
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            // Every page after the first third, b-tree headers included, overwritten as a failing disk would.
            byte[] garbage = new byte[(int) (size - size / 3)];
            java.util.Arrays.fill(garbage, (byte) 0x5A);
            raf.seek(size / 3 / 4096 * 4096);
            raf.write(garbage);
        }
        assertRefusedUnchanged(file, DamagedStoreException.Damage.DAMAGED, "est endommagé");
    }

    @Test
    void aStoreOfANewerVersionIsRefusedWithWhatToDoAndStaysAsItWas() throws Exception {
        Path file = storeWithRows(3);
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = DELETE");
            statement.execute("PRAGMA user_version = " + (Migrations.STORE.latestVersion() + 1));
        }
        DamagedStoreException refused = assertRefusedUnchanged(file, DamagedStoreException.Damage.NEWER_SCHEMA,
                "installez la dernière version");
        assertThat(refused.restoreHelps()).isFalse();
    }

    @Test
    void aSoundStoreStillOpens() {
        Path file = storeWithRows(3);
        try (TerrainStore store = TerrainStore.open(file)) {
            assertThat(new ParticipantRepository(store).ofWorksite(StoreTestSupport.WORKSITE)).hasSize(3);
        }
    }

    private DamagedStoreException assertRefusedUnchanged(Path file, DamagedStoreException.Damage damage,
                                                         String says) throws Exception {
        byte[] before = Files.readAllBytes(file);
        DamagedStoreException[] thrown = new DamagedStoreException[1];
        assertThatThrownBy(() -> TerrainStore.open(file)).isInstanceOfSatisfying(DamagedStoreException.class, e -> {
            thrown[0] = e;
            assertThat(e.damage()).isEqualTo(damage);
            assertThat(e.getMessage()).contains(says).contains("n’a pas été modifié").doesNotContain("SQLITE");
        });
        // Twice: a first refused open leaves nothing behind that a second one would write.
        assertThatThrownBy(() -> TerrainStore.open(file)).isInstanceOf(DamagedStoreException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        return thrown[0];
    }

    /** A closed store (its WAL checkpointed into the file) holding {@code count} participants. */
    private Path storeWithRows(int count) {
        try (TerrainStore store = openStore(dir)) {
            ParticipantRepository participants = new ParticipantRepository(store);
            store.write(USER, tx -> {
                for (int i = 0; i < count; i++) {
                    Participant p = participant("Prénom" + i, "Nom" + i);
                    participants.save(tx, p);
                }
                return null;
            });
        }
        return dir.resolve("terrain.db");
    }
}
