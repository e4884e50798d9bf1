package fr.convergence.terrain.core.demo;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.participant.ExitRules;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.fixtures.Outbox;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferralRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

    @TempDir
    Path dir;

    /** A demo store reopened and unlocked as a person would (its fields are encrypted, ADR 0005). */
    private TerrainStore signedIn(String file) {
        TerrainStore store = TerrainStore.open(dir.resolve(file));
        new fr.convergence.terrain.core.account.AuthService(store, new PasswordHasher(1000))
                .signIn("admin", DemoDataGenerator.DEMO_PASSWORD.toCharArray()).orElseThrow();
        return store;
    }

    private DemoDataGenerator.Summary generate(String file, long seed, DemoSize size) {
        try (TerrainStore store = TerrainStore.open(dir.resolve(file))) {
            return new DemoDataGenerator(seed, TODAY).generate(store, size, new PasswordHasher(1000));
        }
    }

    @Test
    void theSameSeedAndDayGiveTheSameData() {
        generate("a.db", 42, DemoSize.SITE);
        generate("b.db", 42, DemoSize.SITE);
        try (TerrainStore a = signedIn("a.db"); TerrainStore b = signedIn("b.db")) {
            assertThat(new ParticipantRepository(a).ofWorksite("abej-solidarite"))
                    .isEqualTo(new ParticipantRepository(b).ofWorksite("abej-solidarite"));
            assertThat(new HoursRepository(a).ofWorksite("abej-solidarite", TODAY.minusYears(1), TODAY))
                    .isEqualTo(new HoursRepository(b).ofWorksite("abej-solidarite", TODAY.minusYears(1), TODAY));
        }
    }

    @Test
    void territoryDataCoversEveryExitCategoryAndReferralStatusWithinTheRules() {
        var summary = generate("t.db", 2023, DemoSize.TERRITORY);
        assertThat(summary.worksiteIds()).hasSize(7);
        assertThat(summary.participants()).isBetween(280, 320);
        try (TerrainStore store = signedIn("t.db")) {
            EnrolmentRepository enrolments = new EnrolmentRepository(store);
            ReferralRepository referrals = new ReferralRepository(store);
            List<Enrolment> all = summary.worksiteIds().stream().flatMap(w -> enrolments.ofWorksite(w).stream()).toList();
            Set<ExitCategory> categories = all.stream().map(Enrolment::exitCategory).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(ExitCategory.class)));
            assertThat(categories).containsExactlyInAnyOrder(ExitCategory.values());
            assertThat(all).filteredOn(e -> e.exitCategory() != null)
                    .allSatisfy(e -> assertThat(ExitRules.checkExit(e).isRefused()).as(e.toString()).isFalse());
            assertThat(all).extracting(Enrolment::programme).contains(Programme.PHC, Programme.CVG);
            assertThat(all).filteredOn(e -> e.programme() == Programme.PHC)
                    .anySatisfy(e -> assertThat(enrolments.steps(e.id())).hasSizeGreaterThan(2));

            Set<ReferralStatus> statuses = summary.worksiteIds().stream()
                    .flatMap(w -> referrals.ofWorksite(w).stream()).map(Referral::status)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReferralStatus.class)));
            assertThat(statuses).containsExactlyInAnyOrder(ReferralStatus.values());

            var hours = new HoursRepository(store).ofWorksite(summary.worksiteIds().get(0), TODAY.minusYears(2), TODAY);
            assertThat(hours).isNotEmpty().allSatisfy(h -> {
                assertThat(h.minutes() % HoursCell.QUARTER_HOUR).isZero();
                assertThat(h.day()).isBeforeOrEqualTo(TODAY);
            });
            List<Participant> people = new ParticipantRepository(store).ofWorksite(summary.worksiteIds().get(0));
            assertThat(people).anyMatch(p -> !p.lastName().chars().allMatch(c -> c < 128)
                    || !p.firstName().chars().allMatch(c -> c < 128));
            assertThat(Outbox.pendingChanges(store)).isZero();
        }
    }

    @Test
    void rowsHaveTheIdsTheWorksiteLaptopsWouldHaveIssued() {
        var summary = generate("ids.db", 2023, DemoSize.TERRITORY);
        try (TerrainStore store = signedIn("ids.db")) {
            EnrolmentRepository enrolments = new EnrolmentRepository(store);
            Set<String> ids = new java.util.HashSet<>();
            int rows = 0;
            for (String worksite : summary.worksiteIds()) {
                List<String> ofWorksite = new java.util.ArrayList<>();
                new ParticipantRepository(store).ofWorksite(worksite).forEach(p -> ofWorksite.add(p.id()));
                enrolments.ofWorksite(worksite).forEach(e -> ofWorksite.add(e.id()));
                new ReferralRepository(store).ofWorksite(worksite).forEach(r -> ofWorksite.add(r.id()));
                Set<Long> prefixes = ofWorksite.stream().map(java.util.UUID::fromString)
                        .peek(id -> assertThat(id.version()).isEqualTo(8))
                        .map(java.util.UUID::getMostSignificantBits).collect(Collectors.toSet());
                assertThat(prefixes).as("two laptops per worksite").hasSize(2);
                ids.addAll(ofWorksite);
                rows += ofWorksite.size();
            }
            assertThat(ids).hasSize(rows);
        }
    }

    @Test
    void aScaledDemoHasScaleTimesTheWorksitesOfTheSameSizeInTheSameTerritories() {
        var site = generate("site.db", 7, DemoSize.SITE);
        var site2 = generateScaled("site2.db", 7, DemoSize.SITE, 2);
        assertThat(site2.worksiteIds()).hasSize(2).startsWith("abej-solidarite");
        assertThat(site2.participants()).isEqualTo(2 * site.participants());
        assertThat(site2.hoursCells()).isBetween(site.hoursCells() * 3 / 2, site.hoursCells() * 5 / 2);

        var territory = generate("t1.db", 2023, DemoSize.TERRITORY);
        var territory2 = generateScaled("t2.db", 2023, DemoSize.TERRITORY, 2);
        assertThat(territory2.worksiteIds()).hasSize(14).containsAll(territory.worksiteIds());
        assertThat(territory2.participants()).isEqualTo(2 * territory.participants());
        assertThat(territory2.enrolments()).isBetween(territory.enrolments() * 3 / 2, territory.enrolments() * 5 / 2);
        assertThat(territory2.hoursCells()).isBetween(territory.hoursCells() * 3 / 2, territory.hoursCells() * 5 / 2);
        try (TerrainStore store = signedIn("t2.db")) {
            List<String> territories = store.read(sql -> sql.fetch("SELECT DISTINCT territory_id FROM worksite "
                    + "WHERE id IN (SELECT worksite_id FROM participant)").getValues(0, String.class));
            assertThat(territories).containsExactly("lille");
            Integer hours = store.read(sql -> sql.fetchOne("SELECT count(*) FROM hours_entry").get(0, Integer.class));
            assertThat(hours).isEqualTo((int) territory2.hoursCells());
        }
    }

    @Test
    void aScaledDemoIsTheSameForTheSameSeedAndHoldsTogether() {
        var a = generateScaled("a2.db", 11, DemoSize.SITE, 3);
        var b = generateScaled("b2.db", 11, DemoSize.SITE, 3);
        assertThat(b).isEqualTo(a);
        try (TerrainStore first = signedIn("a2.db"); TerrainStore second = signedIn("b2.db")) {
            for (String worksite : a.worksiteIds()) {
                assertThat(new ParticipantRepository(second).ofWorksite(worksite))
                        .isEqualTo(new ParticipantRepository(first).ofWorksite(worksite));
                assertThat(new HoursRepository(second).ofWorksite(worksite, TODAY.minusYears(1), TODAY))
                        .isEqualTo(new HoursRepository(first).ofWorksite(worksite, TODAY.minusYears(1), TODAY));
            }
            // Referential integrity: every row's parent is there, on the same worksite, and that worksite exists.
            List<String> orphans = List.of(
                    "SELECT count(*) FROM hours_entry c LEFT JOIN participant p ON p.id = c.participant_id "
                            + "WHERE p.id IS NULL OR p.worksite_id <> c.worksite_id",
                    "SELECT count(*) FROM enrolment c LEFT JOIN participant p ON p.id = c.participant_id "
                            + "WHERE p.id IS NULL OR p.worksite_id <> c.worksite_id",
                    "SELECT count(*) FROM phc_step c LEFT JOIN enrolment p ON p.id = c.enrolment_id "
                            + "WHERE p.id IS NULL OR p.worksite_id <> c.worksite_id",
                    "SELECT count(*) FROM follow_up c LEFT JOIN enrolment p ON p.id = c.enrolment_id "
                            + "WHERE p.id IS NULL OR p.worksite_id <> c.worksite_id OR p.participant_id <> c.participant_id",
                    "SELECT count(*) FROM support_note c LEFT JOIN participant p ON p.id = c.participant_id "
                            + "WHERE p.id IS NULL OR p.worksite_id <> c.worksite_id",
                    "SELECT count(*) FROM support_note_revision c LEFT JOIN support_note p ON p.id = c.note_id "
                            + "WHERE p.id IS NULL OR p.worksite_id <> c.worksite_id",
                    "SELECT count(*) FROM referral c LEFT JOIN participant p ON p.id = c.participant_id "
                            + "WHERE p.id IS NULL OR p.worksite_id <> c.worksite_id",
                    "SELECT count(*) FROM referral_status_change c LEFT JOIN referral p ON p.id = c.referral_id "
                            + "WHERE p.id IS NULL OR p.worksite_id <> c.worksite_id",
                    "SELECT count(*) FROM participant c LEFT JOIN worksite w ON w.id = c.worksite_id WHERE w.id IS NULL");
            for (String query : orphans) {
                Integer count = first.read(sql -> sql.fetchOne(query).get(0, Integer.class));
                assertThat(count).as(query).isZero();
            }
            Integer worksites = first.read(sql -> sql.fetchOne("SELECT count(DISTINCT worksite_id) FROM participant")
                    .get(0, Integer.class));
            assertThat(worksites).isEqualTo(3);
        }
    }

    private DemoDataGenerator.Summary generateScaled(String file, long seed, DemoSize size, int scale) {
        try (TerrainStore store = TerrainStore.open(dir.resolve(file))) {
            return new DemoDataGenerator(seed, TODAY).generate(store, size, scale, new PasswordHasher(1000));
        }
    }
}
