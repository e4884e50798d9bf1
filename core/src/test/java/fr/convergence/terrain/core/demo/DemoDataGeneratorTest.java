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
}
