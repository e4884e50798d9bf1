package fr.convergence.terrain.sync.it;

import static fr.convergence.terrain.core.store.generated.Tables.HOURS_ENTRY;
import static fr.convergence.terrain.core.store.generated.Tables.PARTICIPANT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.NoteRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.ReferralRepository;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.sync.client.HubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two laptops of one worksite, one of another worksite and a coordinator of the territory, edited offline
 * independently, converge through a running hub; conflicts are recorded, refusals quarantined.
 */
abstract class EndToEndSyncTest {

    @TempDir
    Path dir;

    abstract SyncWorld world(Path dir);

    @Test
    void laptopsAndCoordinatorEditedOfflineConvergeThroughTheHub() throws Exception {
        try (SyncWorld world = world(dir)) {
            Laptop a1 = world.laptop("a1", "worksite", SyncWorld.SITE_A);
            Laptop a2 = world.laptop("a2", "worksite", SyncWorld.SITE_A);
            Laptop b = world.laptop("b", "worksite", SyncWorld.SITE_B);
            Laptop coordinator = world.laptop("coord", "territory", SyncWorld.TERRITORY);
            Edits onA1 = new Edits(a1.store(), "esp-a1");
            Edits onA2 = new Edits(a2.store(), "esp-a2");
            Edits onB = new Edits(b.store(), "esp-b");
            Edits onC = new Edits(coordinator.store(), "coord");

            Participant p1 = onA1.participant(SyncWorld.SITE_A, "Hélène", "Lefèvre");
            onA1.hours(p1, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 120);
            String note = onA1.note(p1, "Premier entretien.");
            String referral = onA1.referral(p1);
            Participant p2 = onB.participant(SyncWorld.SITE_B, "Karim", "Benali");
            onB.hours(p2, Edits.MONDAY, HoursKind.FORMATION, 180);
            sync(a1, b, a2, coordinator);
            assertThat(new HoursRepository(a2.store()).ofParticipant(p1.id(), Edits.MONDAY, Edits.MONDAY)).hasSize(1);

            // Offline, independently:
            onA1.save(withPhone(onA1.find(p1.id()), "06 11 11 11 11"));
            onA2.save(withPhone(onA2.find(p1.id()), "07 22 22 22 22"));
            onA1.hours(p1, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 240);
            onA2.hours(p1, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 180);
            onA1.hours(p1, Edits.MONDAY.plusDays(1), HoursKind.FORMATION, 120);
            onA2.hours(p1, Edits.MONDAY.plusDays(1), HoursKind.FORMATION, 120);
            onA1.revise(note, SyncWorld.SITE_A, "Premier entretien, complété par l'ESP.");
            onA2.revise(note, SyncWorld.SITE_A, "Premier entretien, complété par la CIP.");
            onA1.move(referral, ReferralStatus.ENVOYEE);
            onA1.move(referral, ReferralStatus.ACCEPTEE);
            onA2.move(referral, ReferralStatus.SANS_SUITE);
            Participant moved = onC.find(p2.id());
            onC.save(new Participant(moved.id(), SyncWorld.SITE_A, moved.firstName(), moved.lastName(),
                    moved.birthDate(), moved.phone(), moved.email(), moved.address(), moved.socialSecurityNumber(),
                    moved.referentName()));
            sync(coordinator);
            onB.save(withPhone(onB.find(p2.id()), "06 99 99 99 99"));

            sync(a1, a2, b, coordinator);
            sync(a1, a2, b, coordinator);

            Map<String, Map<String, Object>> siteA = world.hubSnapshot(Set.of(SyncWorld.SITE_A));
            Map<String, Map<String, Object>> siteB = world.hubSnapshot(Set.of(SyncWorld.SITE_B));
            assertThat(a1.snapshot()).isEqualTo(siteA);
            assertThat(a2.snapshot()).isEqualTo(siteA);
            assertThat(b.snapshot()).isEqualTo(siteB);
            assertThat(coordinator.snapshot()).isEqualTo(world.hubSnapshot(coordinator.scope()));
            assertThat(b.snapshot().keySet()).noneMatch(k -> k.endsWith(p2.id()));
            assertThat(a1.snapshot()).containsKey("participant/" + p2.id());

            // One row per hours cell; concurrent different values: the later wins, the other is a conflict.
            assertThat(new HoursRepository(a1.store()).ofParticipant(p1.id(), Edits.MONDAY, Edits.MONDAY.plusDays(1)))
                    .hasSize(2);
            var conflicts = new SyncRepository(a1.store()).openConflicts();
            assertThat(conflicts).extracting(SyncRepository.Conflict::field).contains("phone", "minutes");
            var phone = conflicts.stream().filter(c -> c.field().equals("phone")).findFirst().orElseThrow();
            assertThat(Set.of(phone.keptValue(), phone.otherValue())).containsExactlyInAnyOrder("06 11 11 11 11",
                    "07 22 22 22 22");
            assertThat(phone.baseValue()).isEqualTo("06 00 00 00 00");
            assertThat(new SyncRepository(coordinator.store()).openConflicts()).hasSameSizeAs(conflicts);
            // Notes: both concurrent revisions kept.
            assertThat(new NoteRepository(a2.store()).ofParticipant(p1.id()).get(0).revisions()).hasSize(3);
            // Referral: the terminal state reached first wins; the other move comes back with its reason.
            assertThat(new ReferralRepository(a2.store()).find(referral).orElseThrow().status())
                    .isEqualTo(ReferralStatus.ACCEPTEE);
            var quarantineA2 = new SyncRepository(a2.store()).quarantine();
            assertThat(quarantineA2).isNotEmpty().allMatch(q -> q.table().startsWith("referral"));
            assertThat(quarantineA2.get(0).reason()).contains("close");
            // B's edit of a participant who left its worksite is quarantined, not lost.
            var quarantineB = new SyncRepository(b.store()).quarantine();
            assertThat(quarantineB).singleElement().satisfies(q -> {
                assertThat(q.fields()).containsEntry("phone", "06 99 99 99 99");
                assertThat(q.code()).isEqualTo("forbidden");
            });
            assertThat(new SyncRepository(a1.store()).pendingCount()).isZero();
        }
    }

    @Test
    void aResolvedConflictIsResolvedEverywhere() throws Exception {
        try (SyncWorld world = world(dir)) {
            SiteA site = SiteA.of(world);
            Participant p = site.participant();
            sync(site.a1(), site.a2());
            site.onA1().save(withPhone(site.onA1().find(p.id()), "01"));
            site.onA2().save(withPhone(site.onA2().find(p.id()), "02"));
            sync(site.a1(), site.a2(), site.a1());
            var conflict = new SyncRepository(site.a1().store()).openConflicts().get(0);
            new SyncRepository(site.a1().store()).resolve("esp-a1", conflict.id(), "03");
            sync(site.a1(), site.a2());
            assertThat(new SyncRepository(site.a2().store()).openConflicts()).isEmpty();
            assertThat(site.onA2().find(p.id()).phone()).isEqualTo("03");
            assertThat(site.a1().snapshot()).isEqualTo(site.a2().snapshot());
        }
    }

    /**
     * {@code updated_by} names the device that wrote the row's latest change — the id the hub authenticates —
     * on the laptop that wrote it, on the hub and on every other laptop alike (local user ids are not synced).
     */
    @Test
    void aRowNamesTheSameWriterOnEveryLaptopAndOnTheHub() throws Exception {
        try (SyncWorld world = world(dir)) {
            SiteA site = SiteA.of(world);
            Participant p = site.participant();
            sync(site.a1(), site.a2());
            assertThat(writers(world, p.id(), site.a1(), site.a2())).containsOnly(site.a1().store().deviceId());

            site.onA2().save(withPhone(p, "07 22 22 22 22"));
            sync(site.a2(), site.a1());
            assertThat(writers(world, p.id(), site.a1(), site.a2())).containsOnly(site.a2().store().deviceId());
        }
    }

    /**
     * A delete and a concurrent edit of the same hours cell: the delete wins whichever reaches the hub first, and the
     * conflict record names both sides — the delete that was kept (its version) and the edit that lost (its device,
     * its version) — on the hub and on the laptops.
     */
    @Test
    void aDeleteThatWinsOverAnEditNamesTheEditThatLost() throws Exception {
        try (SyncWorld world = world(dir)) {
            SiteA site = SiteA.of(world);
            Participant p = site.participant();
            site.onA1().hours(p, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 240);
            site.onA1().hours(p, Edits.MONDAY.plusDays(1), HoursKind.TRAVAIL_CHANTIER, 240);
            sync(site.a1(), site.a2());

            // The edit reaches the hub first, then the delete.
            String editFirst = HoursCell.id(p.id(), Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER);
            site.onA1().hours(p, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 300);
            site.onA2().hours(p, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 0);
            String lostEdit = version(site.a1(), editFirst);
            String keptDelete = version(site.a2(), editFirst);
            sync(site.a1(), site.a2());
            // The delete reaches the hub first, then the edit.
            String deleteFirst = HoursCell.id(p.id(), Edits.MONDAY.plusDays(1), HoursKind.TRAVAIL_CHANTIER);
            site.onA2().hours(p, Edits.MONDAY.plusDays(1), HoursKind.TRAVAIL_CHANTIER, 0);
            site.onA1().hours(p, Edits.MONDAY.plusDays(1), HoursKind.TRAVAIL_CHANTIER, 360);
            String lostEditAfter = version(site.a1(), deleteFirst);
            String keptDeleteBefore = version(site.a2(), deleteFirst);
            sync(site.a2(), site.a1(), site.a2());

            for (var expected : List.of(List.of(editFirst, keptDelete, lostEdit),
                    List.of(deleteFirst, keptDeleteBefore, lostEditAfter))) {
                HubRow onHub = world.hubConflict(expected.get(0));
                assertThat(onHub.data()).containsEntry("field_name", "deleted").containsEntry("kept_value", "true")
                        .containsEntry("other_value", "false").containsEntry("kept_version", expected.get(1))
                        .containsEntry("other_version", expected.get(2))
                        .containsEntry("other_device", site.a1().store().deviceId());
                for (Laptop laptop : List.of(site.a1(), site.a2())) {
                    assertThat(new SyncRepository(laptop.store()).openConflicts())
                            .filteredOn(c -> c.rowId().equals(expected.get(0))).singleElement()
                            .satisfies(c -> assertThat(List.of(c.keptVersion(), c.otherVersion()))
                                    .containsExactly(expected.get(1), expected.get(2)));
                }
            }
            assertThat(new HoursRepository(site.a1().store()).ofParticipant(p.id(), Edits.MONDAY,
                    Edits.MONDAY.plusDays(1))).isEmpty();
        }
    }

    /**
     * A delete of an hours cell that another laptop removed and set again meanwhile: that laptop's one edit wrote the
     * cell's {@code deleted} field and its minutes. The delete wins and one conflict record names that edit — there
     * was one for the {@code deleted} field and another as "a delete wins over a concurrent edit", the same pair of
     * versions twice (found by the model-based property, there after a hub restore).
     */
    @Test
    void aDeleteThatWinsOverACellRemovedAndSetAgainIsOneConflict() throws Exception {
        try (SyncWorld world = world(dir)) {
            SiteA site = SiteA.of(world);
            Participant p = site.participant();
            String cell = HoursCell.id(p.id(), Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER);
            site.onA1().hours(p, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 240);
            sync(site.a1(), site.a2());
            site.onA1().hours(p, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 0);
            sync(site.a1());
            site.onA1().hours(p, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 300);
            sync(site.a1());

            site.onA2().hours(p, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 0);
            String keptDelete = version(site.a2(), cell);
            String lostEdit = version(site.a1(), cell);
            sync(site.a2(), site.a1());

            assertThat(world.hubConflict(cell).data()).containsEntry("field_name", "deleted")
                    .containsEntry("kept_value", "true").containsEntry("other_value", "false")
                    .containsEntry("kept_version", keptDelete).containsEntry("other_version", lostEdit)
                    .containsEntry("other_device", site.a1().store().deviceId());
            for (Laptop laptop : List.of(site.a1(), site.a2())) {
                assertThat(new SyncRepository(laptop.store()).openConflicts()).as(laptop.name())
                        .singleElement().satisfies(c -> assertThat(c.rowId()).isEqualTo(cell));
            }
            assertThat(new HoursRepository(site.a1().store()).ofParticipant(p.id(), Edits.MONDAY, Edits.MONDAY))
                    .isEmpty();
        }
    }

    /**
     * A CIP moves a referral that another laptop closed meanwhile: both operations of the move (the referral's status
     * and its status change) are quarantined with a reason that says which laptop closed it, when, and as what.
     */
    @Test
    void aMoveRefusedBecauseAnotherLaptopClosedTheReferralSaysWhoClosedItAndWhen() throws Exception {
        try (SyncWorld world = world(dir)) {
            SiteA site = SiteA.of(world);
            String referral = site.onA1().referral(site.participant());
            site.onA1().move(referral, ReferralStatus.ENVOYEE);
            sync(site.a1(), site.a2());

            site.onA1().move(referral, ReferralStatus.REFUSEE);
            site.onA2().move(referral, ReferralStatus.EN_COURS);
            sync(site.a1(), site.a2());

            String label = world.hub.enrolments().devices().stream()
                    .filter(d -> d.id().equals(site.a1().store().deviceId())).findFirst().orElseThrow().label();
            assertThat(new SyncRepository(site.a2().store()).quarantine()).hasSize(2).allSatisfy(q ->
                    assertThat(q.reason()).isEqualTo("Cette orientation a été close («\u00a0Refusée\u00a0») le "
                            + "18/03/2024 sur le poste "
                            + "«\u00a0" + label + "\u00a0»\u00a0: le passage à «\u00a0En cours\u00a0» n’est pas "
                            + "appliqué. Voyez avec ce poste\u00a0; créez une nouvelle orientation si besoin."));
            assertThat(new ReferralRepository(site.a2().store()).find(referral).orElseThrow().status())
                    .isEqualTo(ReferralStatus.REFUSEE);
        }
    }

    static String version(Laptop laptop, String hoursId) {
        return laptop.store().read(sql -> sql.select(HOURS_ENTRY.VERSION).from(HOURS_ENTRY)
                .where(HOURS_ENTRY.ID.eq(hoursId)).fetchOne(HOURS_ENTRY.VERSION));
    }

    /** The participant's {@code updated_by} on the hub and on each laptop, in that order. */
    private static List<String> writers(SyncWorld world, String participantId, Laptop... laptops) {
        List<String> writers = new ArrayList<>();
        writers.add(world.hubStore.read(r -> r.row("participant", participantId)).orElseThrow().updatedBy());
        for (Laptop laptop : laptops) {
            writers.add(laptop.store().read(sql -> sql.select(PARTICIPANT.UPDATED_BY).from(PARTICIPANT)
                    .where(PARTICIPANT.ID.eq(participantId)).fetchOne(PARTICIPANT.UPDATED_BY)));
        }
        return writers;
    }

    @Test
    void anIncrementalEndOfDaySyncIsOneRequest() throws Exception {
        try (SyncWorld world = world(dir)) {
            Laptop a1 = world.laptop("a1", "worksite", SyncWorld.SITE_A);
            Edits onA1 = new Edits(a1.store(), "esp-a1");
            Participant p = onA1.participant(SyncWorld.SITE_A, "Inès", "Martin");
            sync(a1);
            for (int d = 0; d < 5; d++) {
                onA1.hours(p, Edits.MONDAY.plusDays(d), HoursKind.TRAVAIL_CHANTIER, 420);
            }
            SyncReport report = a1.engine().sync(SyncProgress.NONE);
            assertThat(report.requests()).isEqualTo(1);
            assertThat(report.operationsSent()).isEqualTo(5);
            assertThat(report.rowsReceived()).isZero();
        }
    }

    /**
     * A worksite the hub knows but the laptops' shipped reference data lacks (demo-only, opened later): a
     * coordinator of its territory pulling from scratch receives it with its first page, then its participants,
     * without a foreign-key error; an incremental sync carries no worksite list, except for one the hub added since.
     */
    @Test
    void worksitesTheLaptopDoesNotKnowComeFromTheHub() throws Exception {
        try (SyncWorld world = world(dir)) {
            String site = "chantier-neuf-roubaix";
            assertThat(ReferenceData.load().worksites()).noneMatch(w -> w.id().equals(site));
            world.hubStore.write(tx -> tx.putWorksite(new WorksiteInfo(site, "Chantier Neuf", "Roubaix",
                    "Hauts-de-France", SyncWorld.TERRITORY, false, true)));
            Laptop onSite = world.laptop("neuf", "worksite", site);
            sync(onSite);
            Participant p = new Edits(onSite.store(), "esp-neuf").participant(site, "Inès", "Martin");
            new Edits(onSite.store(), "esp-neuf").hours(p, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 210);
            sync(onSite);

            Laptop coordinator = world.laptop("coord", "territory", SyncWorld.TERRITORY);
            Recording recording = new Recording(coordinator.client());
            SyncEngine engine = new SyncEngine(coordinator.store(), recording);
            engine.sync(SyncProgress.NONE);
            assertThat(recording.responses.get(0).worksites()).extracting(WorksiteInfo::id).contains(site)
                    .containsAll(coordinator.scope());
            assertThat(new ReferenceRepository(coordinator.store()).worksite(site)).contains(new Worksite(site,
                    "Chantier Neuf", "Roubaix", "Hauts-de-France", SyncWorld.TERRITORY, false, true));
            assertThat(scoped(coordinator.snapshot(), Set.of(site))).isEqualTo(world.hubSnapshot(Set.of(site)))
                    .containsKey("participant/" + p.id());

            recording.responses.clear();
            new Edits(onSite.store(), "esp-neuf").hours(p, Edits.MONDAY.plusDays(1), HoursKind.FORMATION, 60);
            sync(onSite);
            engine.sync(SyncProgress.NONE);
            assertThat(recording.responses).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.worksites()).isEmpty());
            assertThat(new HoursRepository(coordinator.store()).ofParticipant(p.id(), Edits.MONDAY,
                    Edits.MONDAY.plusDays(1))).hasSize(2);

            // Renamed and another one opened on the hub: the next exchange carries those two only, once.
            recording.responses.clear();
            world.hubStore.write(tx -> {
                tx.putWorksite(new WorksiteInfo(site, "Chantier Neuf de Roubaix", null, null, SyncWorld.TERRITORY,
                        null, null));
                return tx.putWorksite(new WorksiteInfo("atelier-tourcoing", "Atelier", "Tourcoing",
                        "Hauts-de-France", SyncWorld.TERRITORY, true, true));
            });
            engine.sync(SyncProgress.NONE);
            engine.sync(SyncProgress.NONE);
            assertThat(recording.responses.get(0).worksites()).extracting(WorksiteInfo::id)
                    .containsExactly("atelier-tourcoing", site);
            assertThat(recording.responses.subList(1, recording.responses.size()))
                    .allSatisfy(r -> assertThat(r.worksites()).isEmpty());
            assertThat(new ReferenceRepository(coordinator.store()).worksite(site)).map(Worksite::name)
                    .contains("Chantier Neuf de Roubaix");
            assertThat(new ReferenceRepository(coordinator.store()).worksite("atelier-tourcoing")).isPresent();
        }
    }

    /** Two laptops of worksite A, their users' edits, and a participant created on the first, not synced yet. */
    private record SiteA(Laptop a1, Laptop a2, Edits onA1, Edits onA2, Participant participant) {
        static SiteA of(SyncWorld world) throws Exception {
            Laptop a1 = world.laptop("a1", "worksite", SyncWorld.SITE_A);
            Laptop a2 = world.laptop("a2", "worksite", SyncWorld.SITE_A);
            Edits onA1 = new Edits(a1.store(), "esp-a1");
            return new SiteA(a1, a2, onA1, new Edits(a2.store(), "esp-a2"),
                    onA1.participant(SyncWorld.SITE_A, "Inès", "Martin"));
        }
    }

    /** Keeps the hub's answers, for what travelled. */
    static final class Recording extends DelegatingHubClient {
        final List<SyncResponse> responses = new java.util.concurrent.CopyOnWriteArrayList<>();

        Recording(HubClient delegate) {
            super(delegate);
        }

        @Override
        public SyncResponse exchange(String token, SyncRequest request) throws IOException {
            SyncResponse response = delegate.exchange(token, request);
            responses.add(response);
            return response;
        }
    }

    static Participant withPhone(Participant p, String phone) {
        return new Participant(p.id(), p.worksiteId(), p.firstName(), p.lastName(), p.birthDate(), phone, p.email(),
                p.address(), p.socialSecurityNumber(), p.referentName());
    }

    static void sync(Laptop... laptops) throws Exception {
        for (Laptop laptop : laptops) {
            laptop.engine().sync(SyncProgress.NONE);
        }
    }

    static Map<String, Map<String, Object>> scoped(Map<String, Map<String, Object>> rows, Set<String> worksites) {
        return rows.entrySet().stream().filter(e -> worksites.contains(e.getValue().get("worksite_id")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, TreeMap::new));
    }
}
