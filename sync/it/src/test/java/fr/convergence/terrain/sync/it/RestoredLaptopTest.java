package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.store.StoreBackups;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A laptop's store restored from one of its own backups is behind the hub: the hub holds what the laptop wrote and
 * sent after the backup, and has applied operation numbers the restored queue would issue again. Its next sync
 * must lose neither side: what it writes after the restore reaches the hub (the hub would otherwise take the
 * reused numbers for operations it has and drop them in silence), its new rows get ids no row of the hub has, and
 * what it had sent after the backup comes back to it.
 */
class RestoredLaptopTest {

    @TempDir
    Path dir;

    @Test
    void aRestoredLaptopGetsBackWhatItSentAfterTheBackupAndLosesNothingItWritesNext() throws Exception {
        try (SyncWorld world = SyncWorld.sqlite(dir)) {
            Laptop a1 = world.laptop("a1", "worksite", SyncWorld.SITE_A);
            Laptop other = world.laptop("other", "worksite", SyncWorld.SITE_A);
            Edits onA1 = new Edits(a1.store(), "esp-a1");
            Participant p = onA1.participant(SyncWorld.SITE_A, "Nadia", "Haddad");
            onA1.hours(p, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 420);
            a1.engine().sync(SyncProgress.NONE);
            StoreBackups.Backup backup = StoreBackups.make(a1.store(), StoreBackups.Kind.DAILY);

            // After the backup: a1 writes, sends, and the hub acknowledges.
            Participant madeAfterBackup = withId(onA1, a1.store().newRowId(), "Yann", "Le Goff");
            String note = onA1.note(p, "Entretien après la sauvegarde.");
            onA1.hours(p, Edits.MONDAY.plusDays(1), HoursKind.TRAVAIL_CHANTIER, 390);
            a1.engine().sync(SyncProgress.NONE);
            assertThat(new SyncRepository(a1.store()).pendingCount()).isZero();

            Path file = a1.store().file();
            a1.store().close();
            StoreBackups.restore(file, backup.file(), Clock.systemUTC());
            try (TerrainStore restored = SyncWorld.reopen(file, Clock.systemUTC())) {
                Edits onRestored = new Edits(restored, "esp-a1");
                assertThat(StoreBackups.restoredSinceLastSync(restored)).isTrue();
                // Written after the restore, before any sync: numbered, without the fix, as operations the hub has.
                Participant madeAfterRestore = withId(onRestored, restored.newRowId(), "Inès", "Benali");
                LocalDate wednesday = Edits.MONDAY.plusDays(2);
                onRestored.hours(p, wednesday, HoursKind.FORMATION, 180);

                SyncEngine engine = new SyncEngine(restored, a1.client());
                SyncReport report = engine.sync(SyncProgress.NONE);
                engine.sync(SyncProgress.NONE);
                other.engine().sync(SyncProgress.NONE);

                assertThat(report.resynced()).as("its own writes after the backup are pulled again").isTrue();
                assertThat(madeAfterRestore.id()).as("a new id, not one the laptop issued after the backup")
                        .isNotEqualTo(madeAfterBackup.id());
                Map<String, Map<String, Object>> hub = world.hubSnapshot(Set.of(SyncWorld.SITE_A));
                assertThat(hub.get("participant/" + madeAfterRestore.id())).containsEntry("last_name", "Benali");
                assertThat(hub.get("participant/" + madeAfterBackup.id())).containsEntry("last_name", "Le Goff");
                assertThat(hub.get("hours_entry/" + HoursCell.id(p.id(), wednesday, HoursKind.FORMATION)))
                        .containsEntry("minutes", "180");
                assertThat(hub).containsKey("support_note/" + note);
                assertThat(engine.repository().snapshot()).as("the restored laptop").isEqualTo(hub);
                assertThat(other.snapshot()).as("another laptop").isEqualTo(hub);
                assertThat(engine.repository().pendingCount()).isZero();
                assertThat(engine.repository().quarantine()).isEmpty();
                assertThat(StoreBackups.restoredSinceLastSync(restored)).isFalse();
            }
        }
    }

    private static Participant withId(Edits edits, String id, String first, String last) {
        Participant p = new Participant(id, SyncWorld.SITE_A, first, last, LocalDate.of(1990, 1, 2), "06 00 00 00 00",
                null, "2 rue de la Gare", null, null);
        edits.save(p);
        return p;
    }
}
