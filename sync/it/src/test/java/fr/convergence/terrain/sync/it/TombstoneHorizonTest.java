package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.hub.cli.HubCommand;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletes are tombstones until {@code terrain-hub purge-tombstones} removes those older than the horizon; a
 * laptop whose cursor is older than the purge is told to resync: it sends its offline edits, wipes its copy of
 * the scope, pulls it again whole — its own earlier rows included — and keeps every edit it made offline.
 * A laptop that had seen the deletes carries on incrementally.
 */
class TombstoneHorizonTest {

    @TempDir
    Path dir;

    @Test
    void aLaptopOlderThanThePurgeRebuildsItsScopeAndKeepsItsOfflineEdits() throws Exception {
        try (SyncWorld world = SyncWorld.sqlite(dir)) {
            Laptop a1 = world.laptop("a1", "worksite", SyncWorld.SITE_A);
            Laptop away = world.laptop("away", "worksite", SyncWorld.SITE_A);
            Edits onA1 = new Edits(a1.store(), "esp-a1");
            Edits onAway = new Edits(away.store(), "esp-away");
            Participant p = onA1.participant(SyncWorld.SITE_A, "Chloé", "Martin");
            for (int d = 0; d < 3; d++) {
                onA1.hours(p, Edits.MONDAY.plusDays(d), HoursKind.TRAVAIL_CHANTIER, 420);
            }
            Participant mine = onAway.participant(SyncWorld.SITE_A, "Omar", "Sy");
            EndToEndSyncTest.sync(a1, away, a1);

            // a1 deletes a cell while "away" stays offline.
            onA1.hours(p, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 0);
            EndToEndSyncTest.sync(a1);
            String deletedCell = HoursCell.id(p.id(), Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER);
            assertThat(world.hubStore.read(r -> r.row("hours_entry", deletedCell)).orElseThrow().deleted()).isTrue();
            Thread.sleep(5);

            StringWriter out = new StringWriter();
            int exit = HubCommand.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                    "purge-tombstones", "--db", world.jdbcUrl, "--older-than-days", "0");
            assertThat(exit).isZero();
            assertThat(out.toString()).contains("1 suppression effacée");
            assertThat(world.hubStore.read(r -> r.row("hours_entry", deletedCell)).isPresent()).isFalse();

            // Offline edits of the laptop that missed the delete.
            onAway.hours(p, Edits.MONDAY.plusDays(4), HoursKind.FORMATION, 120);
            onAway.save(EndToEndSyncTest.withPhone(onAway.find(mine.id()), "07 00 00 00 07"));
            onAway.hours(mine, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 300);

            SyncReport report = away.engine().sync(SyncProgress.NONE);
            SyncReport incremental = a1.engine().sync(SyncProgress.NONE);

            assertThat(report.resynced()).isTrue();
            assertThat(incremental.resynced()).isFalse();
            Map<String, Map<String, Object>> hub = world.hubSnapshot(Set.of(SyncWorld.SITE_A));
            assertThat(away.snapshot()).isEqualTo(hub);
            // a1 saw the delete: its own tombstone row stays (laptops do not purge), the live rows are the hub's.
            assertThat(live(a1.snapshot())).isEqualTo(hub);
            assertThat(hub).doesNotContainKey("hours_entry/" + deletedCell)
                    .containsKey("hours_entry/" + HoursCell.id(p.id(), Edits.MONDAY.plusDays(4),
                            HoursKind.FORMATION))
                    .containsKey("hours_entry/" + HoursCell.id(mine.id(), Edits.MONDAY,
                            HoursKind.TRAVAIL_CHANTIER));
            assertThat(hub.get("participant/" + mine.id())).containsEntry("phone", "07 00 00 00 07");
            assertThat(onAway.find(mine.id()).phone()).isEqualTo("07 00 00 00 07");
            assertThat(new HoursRepository(away.store()).ofParticipant(p.id(), Edits.MONDAY, Edits.MONDAY.plusDays(4)))
                    .extracting(h -> h.day()).doesNotContain(Edits.MONDAY).contains(Edits.MONDAY.plusDays(4));
            assertThat(new SyncRepository(away.store()).pendingCount()).isZero();
            assertThat(new SyncRepository(away.store()).quarantine()).isEmpty();
            assertThat(new SyncRepository(away.store()).state(SyncRepository.REBUILDING)).contains("false");
        }
    }

    private static Map<String, Map<String, Object>> live(Map<String, Map<String, Object>> rows) {
        Map<String, Map<String, Object>> live = new TreeMap<>(rows);
        live.values().removeIf(r -> "true".equals(r.get("deleted")));
        return live;
    }
}
