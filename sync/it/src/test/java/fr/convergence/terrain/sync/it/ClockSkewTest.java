package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18: a laptop whose clock runs behind, started again after it synced (its clock no longer advanced by the
 * hub's time in memory), edits a cell another laptop set: its edit is the person's latest intent and must reach every
 * laptop, not be acknowledged and dropped.
 */
class ClockSkewTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "clock behind by {0} minutes")
    @ValueSource(longs = {10, 60 * 24 * 365})
    void anEditFromALaptopWhoseClockIsBehindReachesEveryLaptop(long minutesBehind) throws Exception {
        try (SyncWorld world = SyncWorld.sqlite(dir)) {
            SyncWorld.Laptop b = world.laptop("b", "worksite", SyncWorld.SITE_A);
            Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-minutesBehind));
            SyncWorld.Laptop c = world.laptop("c", "worksite", SyncWorld.SITE_A, world.url(), behind);
            Participant p = new Edits(b.store(), "esp").participant(SyncWorld.SITE_A, "Prénom", "Nom");
            LocalDate day = Edits.MONDAY;
            new Edits(b.store(), "esp").hours(p, day, HoursKind.TRAVAIL_CHANTIER, 105);
            EndToEndSyncTest.sync(b, c);
            assertThat(minutes(c.store(), p, day)).isEqualTo(105);

            // C is started again (offline, its clock still behind), then its person sets the cell to 60 and syncs.
            c.store().close();
            try (TerrainStore restarted = SyncWorld.reopen(dir.resolve("c.db"), behind)) {
                Participant local = new ParticipantRepository(restarted).find(p.id()).orElseThrow();
                new Edits(restarted, "esp").hours(local, day, HoursKind.TRAVAIL_CHANTIER, 60);
                var report = new SyncEngine(restarted, c.client()).sync(SyncProgress.NONE);
                assertThat(report.refused()).isZero();
                EndToEndSyncTest.sync(b);

                assertThat(minutes(restarted, p, day)).isEqualTo(60);
                long drift = Long.parseLong(new SyncRepository(restarted).state(SyncRepository.CLOCK_DRIFT)
                        .orElseThrow());
                assertThat(drift).as("the hub's clock minus the laptop's, for the Synchronisation page")
                        .isBetween(Duration.ofMinutes(minutesBehind - 1).toMillis(),
                                Duration.ofMinutes(minutesBehind + 1).toMillis());
                assertThat(minutes(b.store(), p, day)).as("the other laptop").isEqualTo(60);
                assertThat(world.hubStore.read(r -> r.row("hours_entry",
                        HoursCell.id(p.id(), day, HoursKind.TRAVAIL_CHANTIER))).orElseThrow().data()
                        .get("minutes")).as("the hub").isEqualTo(60);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aLaptopStartedAYearAheadStampsItsEditsAtTheRightTimeOnceItsDateIsCorrected() throws Exception {
        try (SyncWorld world = SyncWorld.sqlite(dir)) {
            Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofDays(365));
            SyncWorld.Laptop c = world.laptop("c", "worksite", SyncWorld.SITE_A, world.url(), ahead);
            Participant p = new Edits(c.store(), "esp").participant(SyncWorld.SITE_A, "Prénom", "Nom");
            EndToEndSyncTest.sync(c);

            // Its date corrected, the laptop is started again and its person edits the participant.
            c.store().close();
            try (TerrainStore corrected = SyncWorld.reopen(dir.resolve("c.db"), Clock.systemUTC())) {
                new Edits(corrected, "esp").save(EndToEndSyncTest.withPhone(
                        new ParticipantRepository(corrected).find(p.id()).orElseThrow(), "07 00 00 00 01"));
                long stamped = corrected.hlc().last().millis();
                assertThat(stamped - System.currentTimeMillis()).as("the edit's version is not a year ahead")
                        .isLessThan(Duration.ofMinutes(1).toMillis());
            }
        }
    }

    private static int minutes(TerrainStore store, Participant p, LocalDate day) {
        return new HoursRepository(store).ofParticipant(p.id(), day, day).stream()
                .mapToInt(h -> h.minutes()).sum();
    }
}
