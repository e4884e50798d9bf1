package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hours that are fine on each laptop but break a rule once merged on the hub are refused there, with the rule's
 * sentence, and land in the quarantine of the laptop that sent them; the rest goes through and every laptop ends
 * with the hub's week.
 */
class HubWeekRulesTest {

    /** Wednesday of the week of {@link Edits#MONDAY}, for the hub. */
    static final Clock HUB_WEDNESDAY = Clock.fixed(Edits.MONDAY.plusDays(2).atTime(10, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void twoLaptopsTogetherOverTheCddiWeekLimitTheCellThatCrossesItIsRefused() throws Exception {
        try (SyncWorld world = SyncWorld.sqlite(dir)) {
            Team team = Team.of(world); // Awa is in CDDI: at most 35 h a week
            SyncWorld.Laptop esp = team.esp();
            SyncWorld.Laptop cip = team.cip();
            Edits onEsp = team.onEsp();
            Edits onCip = new Edits(cip.store(), "cip");
            Participant awa = team.awa();

            for (int d = 0; d < 3; d++) {
                onEsp.hours(awa, Edits.MONDAY.plusDays(d), HoursKind.TRAVAIL_CHANTIER, 7 * 60);
            }
            for (int d = 3; d < 6; d++) {
                onCip.hours(onCip.find(awa.id()), Edits.MONDAY.plusDays(d), HoursKind.TRAVAIL_CHANTIER, 7 * 60);
            }
            esp.engine().sync(SyncProgress.NONE);
            cip.engine().sync(SyncProgress.NONE);
            esp.engine().sync(SyncProgress.NONE);

            var refused = new SyncRepository(cip.store()).quarantine();
            assertThat(refused).singleElement().satisfies(q -> {
                assertThat(q.code()).isEqualTo("rule");
                assertThat(q.reason()).startsWith("En CDDI, au plus 35 h travaillées par semaine");
                assertThat(q.fields()).containsEntry("work_day", Edits.MONDAY.plusDays(5).toString());
            });
            var hub = world.hubSnapshot(Set.of(SyncWorld.SITE_A));
            assertThat(esp.snapshot()).isEqualTo(hub);
            assertThat(cip.snapshot()).isEqualTo(hub);
            assertThat(new HoursRepository(cip.store()).ofParticipant(awa.id(), Edits.MONDAY, Edits.MONDAY.plusDays(6))
                    .stream().mapToInt(h -> h.minutes()).sum()).as("the week as the hub keeps it").isEqualTo(35 * 60);
        }
    }

    @Test
    void hoursAfterAnExitRecordedOnAnotherLaptopAreRefused() throws Exception {
        // The hub's day that week: on today's, an exit in 2024 would have archived the file, which then leaves the
        // worksite laptops (issue 14) — not what this test is about.
        try (SyncWorld world = new SyncWorld(dir, "jdbc:sqlite:" + dir.resolve("hub.db"), HubConfig.defaults(0),
                HUB_WEDNESDAY)) {
            Team team = Team.of(world);
            SyncWorld.Laptop esp = team.esp();
            SyncWorld.Laptop cip = team.cip();
            Edits onEsp = team.onEsp();
            Participant awa = team.awa();

            Enrolment e = new EnrolmentRepository(cip.store()).ofParticipant(awa.id()).get(0);
            cip.store().write("cip", tx -> {
                new EnrolmentRepository(cip.store()).save(tx, new Enrolment(e.id(), e.participantId(), e.worksiteId(),
                        e.programme(), e.contractType(), e.entryDate(), e.contractEndDate(), e.weeklyHours(),
                        e.derogationKind(), e.derogationEndDate(), e.extensionReason(), Edits.MONDAY.plusDays(1),
                        ExitCategory.values()[0], e.exitReason()));
                return null;
            });
            onEsp.hours(awa, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 7 * 60);
            onEsp.hours(awa, Edits.MONDAY.plusDays(3), HoursKind.TRAVAIL_CHANTIER, 7 * 60);
            cip.engine().sync(SyncProgress.NONE);
            esp.engine().sync(SyncProgress.NONE);

            assertThat(new SyncRepository(esp.store()).quarantine()).singleElement().satisfies(q -> {
                assertThat(q.reason()).contains("suit la sortie du parcours");
                assertThat(q.fields()).containsEntry("work_day", Edits.MONDAY.plusDays(3).toString());
            });
            assertThat(new HoursRepository(esp.store()).ofParticipant(awa.id(), Edits.MONDAY, Edits.MONDAY.plusDays(6)))
                    .singleElement().satisfies(h -> assertThat(h.day()).isEqualTo(Edits.MONDAY));
        }
    }

    @Test
    void aLaptopWhoseClockIsAFewDaysAheadLogsItsWeekButNotWeeksAhead() throws Exception {
        try (SyncWorld world = new SyncWorld(dir, "jdbc:sqlite:" + dir.resolve("hub.db"), HubConfig.defaults(0),
                HUB_WEDNESDAY)) {
            SyncWorld.Laptop esp = world.laptop("esp", "worksite", SyncWorld.SITE_A);
            Edits onEsp = new Edits(esp.store(), "esp");
            Participant awa = onEsp.participant(SyncWorld.SITE_A, "Awa", "Diallo");
            // For the hub it is Wednesday; this laptop believes it is already next Monday.
            onEsp.hours(awa, Edits.MONDAY.plusDays(7), HoursKind.TRAVAIL_CHANTIER, 7 * 60);
            onEsp.hours(awa, Edits.MONDAY.plusDays(21), HoursKind.TRAVAIL_CHANTIER, 7 * 60);
            esp.engine().sync(SyncProgress.NONE);

            assertThat(new SyncRepository(esp.store()).quarantine()).singleElement().satisfies(q -> {
                assertThat(q.reason()).contains("n’a pas encore commencé");
                assertThat(q.fields()).containsEntry("work_day", Edits.MONDAY.plusDays(21).toString());
            });
            assertThat(world.hubSnapshot(Set.of(SyncWorld.SITE_A)).keySet()).contains("hours_entry/"
                    + HoursCell.id(awa.id(), Edits.MONDAY.plusDays(7), HoursKind.TRAVAIL_CHANTIER));
        }
    }

    /** An educator's and an adviser's laptops of one worksite, both holding Awa's file (a CDDI). */
    record Team(SyncWorld.Laptop esp, SyncWorld.Laptop cip, Edits onEsp, Participant awa) {
        static Team of(SyncWorld world) throws Exception {
            SyncWorld.Laptop esp = world.laptop("esp", "worksite", SyncWorld.SITE_A);
            SyncWorld.Laptop cip = world.laptop("cip", "worksite", SyncWorld.SITE_A);
            Edits onEsp = new Edits(esp.store(), "esp");
            Participant awa = onEsp.participant(SyncWorld.SITE_A, "Awa", "Diallo");
            EndToEndSyncTest.sync(esp, cip);
            return new Team(esp, cip, onEsp, awa);
        }
    }
}
