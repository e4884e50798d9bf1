package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.reference.ReferenceData;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.store.StoreTestSupport.USER;
import static fr.convergence.terrain.core.store.StoreTestSupport.WORKSITE;
import static fr.convergence.terrain.core.store.StoreTestSupport.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreBackupsTest {

    @TempDir
    Path dir;

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-07T07:30:00Z"));

    @Test
    void oneDailyBackupADayOwnerOnlyTheLastSevenKept() throws Exception {
        Path file = dir.resolve("terrain.db");
        try (TerrainStore store = open(file)) {
            save(store, participant("Awa", "Diallo"));
            Optional<StoreBackups.Backup> first = StoreBackups.makeDailyIfDue(store);
            assertThat(first).isPresent();
            assertThat(Files.getPosixFilePermissions(first.get().file()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(first.get().bytes()).isPositive();
            clock.advance(Duration.ofHours(3));
            assertThat(StoreBackups.makeDailyIfDue(store)).as("same day").isEmpty();
            for (int day = 1; day <= 9; day++) {
                clock.advance(Duration.ofDays(1));
                assertThat(StoreBackups.makeDailyIfDue(store)).isPresent();
            }
        }
        List<StoreBackups.Backup> kept = StoreBackups.list(file);
        assertThat(kept).hasSize(StoreBackups.KEEP_DAILY);
        assertThat(kept.get(0).made()).isEqualTo(clock.instant());
        assertThat(kept).isSortedAccordingTo((a, b) -> b.made().compareTo(a.made()));
        assertThat(Files.list(StoreBackups.folderOf(file)).map(p -> p.getFileName().toString()))
                .as("no -wal, -shm, -journal or partial copy left").allMatch(n -> n.endsWith("-quotidienne.db"));
    }

    @Test
    void aBackupBeforeSyncAtMostOnceAnHour() {
        try (TerrainStore store = open(dir.resolve("terrain.db"))) {
            assertThat(StoreBackups.makeBeforeSyncIfDue(store)).isPresent();
            clock.advance(Duration.ofMinutes(20));
            assertThat(StoreBackups.makeBeforeSyncIfDue(store)).isEmpty();
            clock.advance(Duration.ofMinutes(41));
            assertThat(StoreBackups.makeBeforeSyncIfDue(store)).isPresent();
        }
    }

    @Test
    void restoringKeepsTheCurrentFileAsideAndMarksTheCopyWithANewRowIdPrefix() throws Exception {
        Path file = dir.resolve("terrain.db");
        Participant awa = participant("Awa", "Diallo");
        Participant later = participant("Léon", "Petit");
        String prefixBefore;
        StoreBackups.Backup backup;
        try (TerrainStore store = open(file)) {
            save(store, awa);
            backup = StoreBackups.make(store, StoreBackups.Kind.DAILY);
            clock.advance(Duration.ofHours(2));
            save(store, later);
            prefixBefore = store.meta(TerrainStore.META_ROW_ID_PREFIX).orElseThrow();
        }
        Optional<Path> aside = StoreBackups.restore(file, backup.file(), clock);

        assertThat(aside).isPresent();
        try (TerrainStore kept = TerrainStore.open(aside.get(), clock)) {
            assertThat(new ParticipantRepository(kept).find(later.id())).as("the replaced store, whole").isPresent();
        }
        try (TerrainStore restored = TerrainStore.open(file, clock)) {
            ParticipantRepository participants = new ParticipantRepository(restored);
            assertThat(participants.find(awa.id())).isPresent();
            assertThat(participants.find(later.id())).isEmpty();
            assertThat(restored.meta(TerrainStore.META_ROW_ID_PREFIX)).get().isNotEqualTo(prefixBefore);
            assertThat(StoreBackups.restoredSinceLastSync(restored)).isTrue();
        }
    }

    @Test
    void aDamagedStoreMakesNoBackupAndPushesNoGoodOneOut() throws Exception {
        Path file = dir.resolve("terrain.db");
        try (TerrainStore store = open(file)) {
            for (int i = 0; i < 300; i++) {
                save(store, participant("Prénom" + i, "Nom" + i));
            }
            StoreBackups.make(store, StoreBackups.Kind.DAILY);
            // The disk fails under the open store: pages overwritten, then forced into the file.
            store.writeJdbc(connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return null;
            });
            long size = Files.size(file);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                byte[] garbage = new byte[(int) (size / 2)];
                java.util.Arrays.fill(garbage, (byte) 0x5A);
                raf.seek(size / 4 / 4096 * 4096);
                raf.write(garbage);
            }
            clock.advance(Duration.ofDays(1));
            assertThatThrownBy(() -> StoreBackups.make(store, StoreBackups.Kind.DAILY))
                    .isInstanceOf(StoreException.class).hasMessageContaining("semble endommagé");
        }
        assertThat(StoreBackups.list(file)).hasSize(1);
    }

    @Test
    void aDamagedBackupIsNotRestored() throws Exception {
        Path file = dir.resolve("terrain.db");
        try (TerrainStore store = open(file)) {
            save(store, participant("Awa", "Diallo"));
        }
        Path notABackup = Files.writeString(dir.resolve("faux.db"), "pas une sauvegarde");
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> StoreBackups.restore(file, notABackup, clock))
                .isInstanceOf(DamagedStoreException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    private TerrainStore open(Path file) {
        TerrainStore store = TerrainStore.open(file, clock);
        new ReferenceRepository(store).install(ReferenceData.load());
        return store;
    }

    private static void save(TerrainStore store, Participant p) {
        store.write(USER, tx -> {
            new ParticipantRepository(store).save(tx, p);
            return null;
        });
    }

    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Paris");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
