package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole rows (DESIGN.md): the first time a laptop receives a row it receives all of it, whatever the page boundaries
 * and whatever happened to the row since its creation. Issue 11's reproduction: one old hours cell edited by a
 * worksite laptop made every new coordinator laptop's paged first sync fail on a partial row it had never seen.
 */
class PagedPullWholeRowsTest {

    /** JSON-equivalent bytes: a few rows a page, so that every pull below pages. */
    private static final int SMALL_PAGES = 1024;

    @TempDir
    Path dir;

    @Test
    void aNewLaptopsPagedFirstSyncGetsWholeRowsEditedSinceTheirCreation() throws Exception {
        try (SyncWorld world = SyncWorld.sqlite(dir)) {
            SyncWorld.Laptop site = world.laptop("a1", "worksite", SyncWorld.SITE_A);
            SyncWorld.Laptop other = world.laptop("a2", "worksite", SyncWorld.SITE_A);
            Edits edits = new Edits(site.store(), "esp");
            List<Participant> people = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Participant p = edits.participant(SyncWorld.SITE_A, "Prénom" + i, "Nom" + i);
                people.add(p);
                for (int d = 0; d < 5; d++) {
                    edits.hours(p, Edits.MONDAY.plusDays(d), HoursKind.TRAVAIL_CHANTIER, 7 * 60);
                }
            }
            EndToEndSyncTest.sync(site, other);
            // One edit of one old cell, and of an old participant's phone, by the other laptop.
            Edits later = new Edits(other.store(), "cip");
            Participant first = new fr.convergence.terrain.core.store.ParticipantRepository(other.store())
                    .find(people.get(0).id()).orElseThrow();
            later.hours(first, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 6 * 60);
            later.save(EndToEndSyncTest.withPhone(first, "07 11 22 33 44"));
            EndToEndSyncTest.sync(other);

            SyncWorld.Laptop coordinator = world.laptop("coord", "territory", SyncWorld.TERRITORY);
            SyncReport report = new SyncEngine(coordinator.store(), coordinator.client(), SMALL_PAGES)
                    .sync(SyncProgress.NONE);

            assertThat(report.pages()).as("the first sync pages").isGreaterThan(3);
            assertThat(coordinator.snapshot()).isEqualTo(world.hubSnapshot(coordinator.scope()));
        }
    }

    @Test
    void aPagedIncrementalPullBringsEveryFieldChangedSinceTheLastCompletePull() throws Exception {
        try (SyncWorld world = SyncWorld.sqlite(dir)) {
            SyncWorld.Laptop site = world.laptop("a1", "worksite", SyncWorld.SITE_A);
            SyncWorld.Laptop reader = world.laptop("a2", "worksite", SyncWorld.SITE_A);
            Edits edits = new Edits(site.store(), "esp");
            List<Participant> people = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                people.add(edits.participant(SyncWorld.SITE_A, "Prénom" + i, "Nom" + i));
            }
            EndToEndSyncTest.sync(site, reader);
            // Participant 0's phone changes early in the next pull's range, then its last name at its end: the row's
            // last change lies beyond the first page, its earlier one must still reach the reader.
            Participant p0 = people.get(0);
            edits.save(EndToEndSyncTest.withPhone(p0, "07 00 00 00 01"));
            EndToEndSyncTest.sync(site);
            for (int i = 0; i < 8; i++) {
                edits.participant(SyncWorld.SITE_A, "Nouveau" + i, "Venu" + i);
            }
            Participant current = edits.find(p0.id());
            edits.save(new Participant(current.id(), current.worksiteId(), current.firstName(), "Autrenom",
                    current.birthDate(), current.phone(), current.email(), current.address(),
                    current.socialSecurityNumber(), current.referentName()));
            EndToEndSyncTest.sync(site);

            SyncReport report = new SyncEngine(reader.store(), reader.client(), SMALL_PAGES).sync(SyncProgress.NONE);

            assertThat(report.pages()).isGreaterThan(1);
            assertThat(reader.snapshot()).isEqualTo(world.hubSnapshot(reader.scope()));
        }
    }
}
