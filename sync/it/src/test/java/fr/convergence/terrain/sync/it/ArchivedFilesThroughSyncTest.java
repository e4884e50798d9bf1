package fr.convergence.terrain.sync.it;

import static fr.convergence.terrain.sync.it.EndToEndSyncTest.sync;
import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.hub.sync.ScopeCheck;
import fr.convergence.terrain.sync.client.store.StoreCheck;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.TableChecksum;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archived files through sync (issue 14): a file whose support ended more than the archiving ceiling ago leaves the
 * worksite laptops — ESP and CIP may not read it — and stays with the hub and the territory coordinator's laptop;
 * its later changes never reach a worksite laptop, nor does it reach one enrolled afterwards; a change a worksite
 * laptop made before it knew goes through and leaves it; a new enrolment brings the whole file back. After every
 * step, each laptop holds exactly its scope's files as the hub computes them ({@link ScopeCheck}).
 */
abstract class ArchivedFilesThroughSyncTest {

    @TempDir
    Path dir;

    /** The hub's clock: moved forward to let time pass on the hub only. */
    final MovableClock hubClock = new MovableClock();

    abstract String jdbcUrl(Path dir);

    @Test
    void anArchivedFileLeavesTheWorksiteLaptopsStaysWithTheCoordinatorAndComesBackWholeWhenInUseAgain()
            throws Exception {
        try (SyncWorld world = new SyncWorld(dir, jdbcUrl(dir), HubConfig.defaults(0), hubClock)) {
            Laptop site = world.laptop("site", "worksite", SyncWorld.SITE_A);
            Laptop coordination = world.laptop("coordination", "territory", SyncWorld.TERRITORY);
            Edits onSite = new Edits(site.store(), "esp-a");
            LocalDate hubToday = LocalDate.ofInstant(hubClock.instant(), ZoneId.of("Europe/Paris"));
            // Left six weeks ago: in use for another month and a half (archived three months after the exit).
            Participant left = onSite.participant(SyncWorld.SITE_A, "Ludivine", "Archambault");
            exit(site, left, hubToday.minusWeeks(6));
            onSite.hours(left, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 240);
            onSite.note(left, "Entretien de sortie : CDD de six mois trouvé.");
            onSite.referral(left);
            Participant staying = onSite.participant(SyncWorld.SITE_A, "Gaspard", "Présent");
            onSite.hours(staying, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 180);
            sync(site, coordination);
            assertThat(fileOf(site, left.id())).isNotEmpty();
            assertThat(fileOf(coordination, left.id())).isEqualTo(fileOf(site, left.id()));
            assertEveryLaptopHoldsItsScope(world, site, coordination);

            // Offline, the site laptop still writes an hours cell for them; then two months pass on the hub.
            onSite.hours(left, Edits.MONDAY.plusDays(1), HoursKind.TRAVAIL_CHANTIER, 120);
            hubClock.advance(Duration.ofDays(61));
            sync(site);
            assertThat(fileOf(site, left.id())).as("the archived file on the worksite laptop").isEmpty();
            assertThat(fileOf(site, staying.id())).isNotEmpty();
            assertThat(archivedOnHub(world, left.id())).isTrue();
            sync(coordination);
            // The coordinator's laptop keeps the whole file, with the cell the site wrote before it knew.
            assertThat(fileOf(coordination, left.id())).hasSize(fileOfHub(world, left.id()).size())
                    .containsKey("hours_entry/" + cellOf(world, left.id(), Edits.MONDAY.plusDays(1)));
            assertEveryLaptopHoldsItsScope(world, site, coordination);

            // Coordination still works on it (a phone number): the worksite laptops never receive it.
            Edits onCoordination = new Edits(coordination.store(), "coord");
            onCoordination.save(EndToEndSyncTest.withPhone(onCoordination.find(left.id()), "06 11 22 33 44"));
            onCoordination.note(onCoordination.find(left.id()), "Suivi à six mois : en poste.");
            sync(coordination, site);
            assertThat(fileOf(site, left.id())).isEmpty();
            Laptop fresh = world.laptop("fresh", "worksite", SyncWorld.SITE_A);
            sync(fresh);
            assertThat(fileOf(fresh, left.id())).as("a laptop enrolled after the archiving").isEmpty();
            assertThat(fileOf(fresh, staying.id())).isNotEmpty();
            assertEveryLaptopHoldsItsScope(world, site, coordination, fresh);

            // Back in use: a new enrolment on the coordinator's laptop brings the whole file back to the site.
            coordination.store().write("coord", tx -> {
                new EnrolmentRepository(coordination.store()).save(tx, new Enrolment(Edits.id(), left.id(),
                        SyncWorld.SITE_A, Programme.CVG, ContractType.CDDI, hubToday, null, 26, null, null, null,
                        null, null, null));
                return null;
            });
            sync(coordination, site, fresh);
            assertThat(archivedOnHub(world, left.id())).isFalse();
            assertThat(fileOf(site, left.id())).isEqualTo(fileOf(coordination, left.id()))
                    .isEqualTo(fileOf(fresh, left.id())).containsKey("participant/" + left.id());
            assertThat(fileOf(site, left.id()).get("participant/" + left.id()).get("phone"))
                    .isEqualTo("06 11 22 33 44");
            assertEveryLaptopHoldsItsScope(world, site, coordination, fresh);
        }
    }

    @Test
    void aFileArchivedBeforeAWorksiteLaptopPushesItsHistoryLeavesItAtOnce() throws Exception {
        try (SyncWorld world = new SyncWorld(dir, jdbcUrl(dir), HubConfig.defaults(0), hubClock)) {
            Laptop site = world.laptop("site", "worksite", SyncWorld.SITE_A);
            Laptop coordination = world.laptop("coordination", "territory", SyncWorld.TERRITORY);
            Edits onSite = new Edits(site.store(), "esp-a");
            // A laptop's history from before it was enrolled: a person who left a year ago.
            Participant old = onSite.participant(SyncWorld.SITE_A, "Anatole", "Ancien");
            LocalDate hubToday = LocalDate.ofInstant(hubClock.instant(), ZoneId.of("Europe/Paris"));
            exit(site, old, hubToday.minusYears(1));
            onSite.note(old, "Note ancienne.");
            Participant current = onSite.participant(SyncWorld.SITE_A, "Clémence", "Courante");
            sync(site, site, coordination);
            assertThat(fileOf(site, old.id())).isEmpty();
            assertThat(fileOf(site, current.id())).isNotEmpty();
            assertThat(fileOf(coordination, old.id())).hasSize(fileOfHub(world, old.id()).size()).isNotEmpty();
            assertEveryLaptopHoldsItsScope(world, site, coordination);
        }
    }

    /** Ends the person's (only) enrolment on {@code day}, on that laptop. */
    private static void exit(Laptop laptop, Participant person, LocalDate day) {
        EnrolmentRepository enrolments = new EnrolmentRepository(laptop.store());
        Enrolment e = enrolments.ofParticipant(person.id()).get(0);
        laptop.store().write("coord", tx -> {
            enrolments.save(tx, new Enrolment(e.id(), e.participantId(), e.worksiteId(), e.programme(),
                    e.contractType(), e.entryDate(), e.contractEndDate(), e.weeklyHours(), e.derogationKind(),
                    e.derogationEndDate(), e.extensionReason(), day, ExitCategory.EMPLOI_TRANSITION, null));
            return null;
        });
    }

    /** The laptop's rows of the person's file, keyed table/id. */
    private static Map<String, Map<String, Object>> fileOf(Laptop laptop, String participantId) {
        Map<String, Map<String, Object>> all = laptop.snapshot();
        return all.entrySet().stream().filter(e -> belongsTo(all, e.getKey(), e.getValue(), participantId))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** Whether a snapshot row is part of the person's file: theirs, or under a row of theirs. */
    private static boolean belongsTo(Map<String, Map<String, Object>> all, String key, Map<String, Object> row,
                                     String participantId) {
        if (key.equals("participant/" + participantId) || participantId.equals(row.get("participant_id"))) {
            return true;
        }
        for (String parent : List.of("note_id:support_note", "referral_id:referral", "enrolment_id:enrolment")) {
            String[] ref = parent.split(":");
            Object id = row.get(ref[0]);
            if (id != null && all.containsKey(ref[1] + "/" + id)
                    && belongsTo(all, ref[1] + "/" + id, all.get(ref[1] + "/" + id), participantId)) {
                return true;
            }
        }
        return false;
    }

    private static List<HubRow> fileOfHub(SyncWorld world, String participantId) {
        return world.hubStore.read(r -> r.rowsAfter(Set.of(SyncWorld.SITE_A), 0, Integer.MAX_VALUE)).stream()
                .filter(r -> participantId.equals(r.participantId()) && !r.table().equals(SyncSchema.CONFLICT_TABLE))
                .toList();
    }

    private static boolean archivedOnHub(SyncWorld world, String participantId) {
        return world.hubStore.read(r -> r.archived(participantId));
    }

    private static String cellOf(SyncWorld world, String participantId, LocalDate day) {
        return fileOfHub(world, participantId).stream().filter(r -> r.table().equals("hours_entry")
                && day.toString().equals(String.valueOf(r.data().get("work_day")))).findFirst().orElseThrow().id();
    }

    /**
     * Each laptop's synced tables have the counts and checksums the hub computes for its scope ({@code terrain-hub
     * check}): archived files left out of a worksite's, kept in a territory's.
     */
    private static void assertEveryLaptopHoldsItsScope(SyncWorld world, Laptop... laptops) {
        for (Laptop laptop : laptops) {
            boolean worksite = !laptop.name().equals("coordination");
            String kind = worksite ? "worksite" : "territory";
            String id = worksite ? SyncWorld.SITE_A : SyncWorld.TERRITORY;
            Map<String, TableChecksum.Result> hub = ScopeCheck.of(world.hubStore, kind, id).stream()
                    .filter(t -> !t.table().equals(SyncSchema.AUDIT_TABLE))
                    .collect(Collectors.toMap(TableChecksum.Result::table, t -> t));
            Map<String, TableChecksum.Result> own = StoreCheck.of(laptop.store(), 0).tables().stream()
                    .filter(t -> !t.table().equals(SyncSchema.AUDIT_TABLE))
                    .collect(Collectors.toMap(TableChecksum.Result::table, t -> t));
            assertThat(own).as(laptop.name() + " against the hub's " + kind + " scope").isEqualTo(hub);
        }
    }

    /** The real clock, moved forward by the test. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

        void advance(Duration by) {
            ahead.updateAndGet(d -> d.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead.get());
        }
    }
}
