package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.report.MonthlyStatement;
import fr.convergence.terrain.core.report.Report;
import fr.convergence.terrain.core.report.ReportPeriod;
import fr.convergence.terrain.core.report.ReportScope;
import fr.convergence.terrain.core.report.ReportService;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.report.MonthlyStatements;
import fr.convergence.terrain.hub.report.YearlyFigure;
import fr.convergence.terrain.hub.report.YearlyTable;
import fr.convergence.terrain.hub.report.YearlyTables;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One definition of every figure (issue 16): laptops of three worksites over two territories and Lille's coordinator
 * enter two years of enrolments, PHC steps, transitions, exits and hours offline, sync with a hub, and every figure
 * of the hub's yearly table — each worksite's year, each of its months, each territory's year, and the year before
 * of each — equals what a laptop's own {@link ReportService} computes for its scope. The laptop that computes is its
 * territory coordinator's: a worksite laptop no longer holds the files archived since (issue 14), so its figures of
 * past periods leave them out, as docs/data-protection.md says. Likewise every row and total of the hub's monthly
 * statement of a worksite equals the laptop's, month by month.
 */
abstract class YearlyTableSyncTest {

    static final String LYON_SITE = "fads-armee-du-salut-lyon-cite";
    /** The last day with data: hours of a week not begun yet would be refused by the hub (and the laptop). */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 27);

    @TempDir
    Path dir;

    abstract SyncWorld world(Path dir);

    @Test
    void everyFigureOfTheHubsYearlyTableEqualsWhatEachLaptopComputesForItsScope() throws Exception {
        try (SyncWorld world = world(dir)) {
            Laptop abej = world.laptop("abej", "worksite", SyncWorld.SITE_A);
            Laptop eole = world.laptop("eole", "worksite", SyncWorld.SITE_B);
            Laptop lyon = world.laptop("lyon", "worksite", LYON_SITE);
            Laptop lille = world.laptop("coordination", "territory", SyncWorld.TERRITORY);
            fill(abej.store(), SyncWorld.SITE_A, new Random(11));
            fill(eole.store(), SyncWorld.SITE_B, new Random(12));
            fill(lyon.store(), LYON_SITE, new Random(13));
            Map<String, String> territories = ReferenceData.load().worksites().stream()
                    .filter(w -> w.territoryId() != null).collect(Collectors.toMap(Worksite::id, Worksite::territoryId));
            Laptop lyonCoordination = world.laptop("coordination-lyon", "territory", territories.get(LYON_SITE));
            for (Laptop laptop : List.of(abej, eole, lyon, lille, lyonCoordination)) {
                laptop.engine().sync(SyncProgress.NONE);
            }
            for (Laptop laptop : List.of(abej, eole, lyon, lille, lyonCoordination)) {
                laptop.engine().sync(SyncProgress.NONE);
                // Everything went through: the laptops and the hub hold the same rows.
                assertThat(new SyncRepository(laptop.store()).quarantine()).as(laptop.name()).isEmpty();
                assertThat(new SyncRepository(laptop.store()).pendingCount()).as(laptop.name()).isZero();
            }

            YearlyTables hub = new YearlyTables(world.hubStore, Clock.systemUTC());
            AccessPolicy policy = AccessPolicy.of(territories);
            int compared = 0;
            for (int year : List.of(2025, 2026)) {
                for (Laptop site : List.of(abej, eole, lyon)) {
                    String worksite = site.scope().iterator().next();
                    Laptop coordinatorOf = site == lyon ? lyonCoordination : lille;
                    ReportService reports = new ReportService(coordinatorOf.store(), policy);
                    User coordinatorOfSite = new User("coord", "coord", "Coordination", Role.COORDINATOR,
                            territories.get(worksite), Set.of(), true);
                    ReportScope scope = ReportScope.worksite(worksite, worksite);
                    YearlyTable territory = hub.territory(year, territories.get(worksite)).orElseThrow();
                    YearlyTable.Line line = territory.lines().stream().filter(l -> l.id().equals(worksite))
                            .findFirst().orElseThrow();
                    compared += same(worksite + " " + year, line.current(),
                            reports.compute(coordinatorOfSite, scope, ReportPeriod.year(year)));
                    compared += same(worksite + " " + (year - 1), line.previous(),
                            reports.compute(coordinatorOfSite, scope, ReportPeriod.year(year - 1)));
                    for (YearlyTable.Line month : hub.worksite(year, worksite).orElseThrow().lines()) {
                        compared += same(worksite + " " + month.id(), month.current(), reports.compute(coordinatorOfSite, scope,
                                ReportPeriod.month(YearMonth.parse(month.id()))));
                    }
                }
                ReportService coordination = new ReportService(lille.store(), policy);
                User coordinator = new User("coord", "coord", "Coordination", Role.COORDINATOR, SyncWorld.TERRITORY,
                        Set.of(), true);
                YearlyTable.Line total = hub.territory(year, SyncWorld.TERRITORY).orElseThrow().total();
                compared += same("Lille " + year, total.current(), coordination.compute(coordinator,
                        ReportScope.territory(SyncWorld.TERRITORY, "Lille"), ReportPeriod.year(year)));
            }
            // 3 worksites × 2 years × (year, year before, 12 months) + Lille × 2 years, every figure each.
            assertThat(compared).isEqualTo((3 * 2 * 14 + 2) * YearlyFigure.values().length);
            // The data set is not empty: the comparison compares something.
            Report country = hub.national(2026, t -> true, true).total().current();
            assertThat(country.activeCaseload().total()).isGreaterThan(15);
            assertThat(country.exitsByCategory().total()).isPositive();
            assertThat(country.phcToCddi().transitions()).isPositive();
            assertThat(country.hours().totalMinutes()).isPositive();
        }
    }

    @Test
    void everyFigureOfTheHubsMonthlyStatementEqualsWhatTheLaptopComputes() throws Exception {
        try (SyncWorld world = world(dir)) {
            Laptop abej = world.laptop("abej", "worksite", SyncWorld.SITE_A);
            Laptop lyon = world.laptop("lyon", "worksite", LYON_SITE);
            fill(abej.store(), SyncWorld.SITE_A, new Random(21));
            fill(lyon.store(), LYON_SITE, new Random(22));
            Map<String, String> territories = ReferenceData.load().worksites().stream()
                    .filter(w -> w.territoryId() != null).collect(Collectors.toMap(Worksite::id, Worksite::territoryId));
            Laptop lille = world.laptop("coordination", "territory", SyncWorld.TERRITORY);
            Laptop lyonCoordination = world.laptop("coordination-lyon", "territory", territories.get(LYON_SITE));
            for (int round = 0; round < 2; round++) {
                for (Laptop laptop : List.of(abej, lyon, lille, lyonCoordination)) {
                    laptop.engine().sync(SyncProgress.NONE);
                }
            }
            for (Laptop laptop : List.of(abej, lyon, lille, lyonCoordination)) {
                assertThat(new SyncRepository(laptop.store()).pendingCount()).as(laptop.name()).isZero();
            }

            MonthlyStatements hub = new MonthlyStatements(world.hubStore);
            AccessPolicy policy = AccessPolicy.of(territories);
            int rows = 0;
            int exits = 0;
            long minutes = 0;
            for (Laptop site : List.of(abej, lyon)) {
                String worksite = site.scope().iterator().next();
                // The territory coordinator's laptop holds every file, archived ones too (see the yearly test).
                ReportService laptop = new ReportService(site == lyon ? lyonCoordination.store() : lille.store(),
                        policy);
                User coordinator = new User("coord", "coord", "Coordination", Role.COORDINATOR,
                        territories.get(worksite), Set.of(), true);
                WorksiteInfo known = world.hubStore.read(r -> r.worksite(worksite)).orElseThrow();
                for (YearMonth month = YearMonth.of(2024, 11); !month.isAfter(YearMonth.of(2026, 12));
                     month = month.plusMonths(1)) {
                    MonthlyStatement mine = laptop.monthlyStatement(coordinator, worksite, month);
                    MonthlyStatement hubs = hub.statement(known, month);
                    String what = worksite + " " + month;
                    // The laptop names people and sorts them by name; the hub has ids only: compared by id.
                    assertThat(byId(hubs)).as(what).isEqualTo(byId(mine));
                    assertThat(hubs.totals()).as(what).isEqualTo(mine.totals());
                    assertThat(hubs.rows()).as(what).noneMatch(MonthlyStatement.Row::named);
                    rows += mine.rows().size();
                    exits += mine.totals().exits();
                    minutes += mine.totals().workedMinutes();
                }
            }
            // The comparison compares something: people, exits and hours in many months.
            assertThat(rows).isGreaterThan(100);
            assertThat(exits).isPositive();
            assertThat(minutes).isPositive();
        }
    }

    /** A statement's rows without names, by participant id. */
    static Map<String, MonthlyStatement.Row> byId(MonthlyStatement statement) {
        Map<String, MonthlyStatement.Row> rows = new java.util.TreeMap<>();
        for (MonthlyStatement.Row r : statement.rows()) {
            rows.put(r.participantId(), new MonthlyStatement.Row(r.participantId(), null, null, r.programme(),
                    r.contract(), r.previousContract(), r.entryDate(), r.contractEndDate(), r.weeklyHours(),
                    r.phcStepHours(), r.exitDate(), r.exitCategory(), r.minutes()));
        }
        return rows;
    }

    /** Asserts every figure of the hub's report equals the laptop's; returns how many figures were compared. */
    static int same(String what, Report hub, Report laptop) {
        for (YearlyFigure figure : YearlyFigure.values()) {
            assertThat(figure.value(hub)).as(what + " · " + figure.label()).isEqualTo(figure.value(laptop));
        }
        return YearlyFigure.values().length;
    }

    /**
     * Twelve people on {@code worksite}, entered between November 2024 and October 2026: PHC or CVG, some still
     * there, some gone with an exit category, some PHC contracts ending in a transition to a CDDI; a PHC step or two;
     * a few hours a week (within the PHC and CDDI weekly limits), one of them then emptied (a tombstone).
     */
    static void fill(TerrainStore store, String worksite, Random random) {
        ExitCategory[] categories = ExitCategory.values();
        for (int i = 0; i < 12; i++) {
            String person = UUID.randomUUID().toString();
            LocalDate entry = LocalDate.of(2024, 11, 4).plusDays(random.nextInt(690));
            boolean phc = random.nextBoolean();
            LocalDate exit = random.nextInt(3) == 0 ? null : entry.plusDays(20 + random.nextInt(300));
            if (exit != null && exit.isAfter(LAST_DAY)) {
                exit = null;
            }
            boolean transition = phc && exit != null && random.nextInt(3) == 0;
            ExitCategory category = exit == null || transition ? null : categories[random.nextInt(categories.length)];
            ExitReason reason = category == null ? null : Arrays.stream(ExitReason.values())
                    .filter(r -> r.category() == category).findFirst().orElseThrow();
            Enrolment first = new Enrolment(UUID.randomUUID().toString(), person, worksite,
                    phc ? Programme.PHC : Programme.CVG, phc ? ContractType.PHC : ContractType.CDDI, entry, null,
                    phc ? null : 26, null, null, null, exit, category, reason);
            Enrolment next = !transition ? null : new Enrolment(UUID.randomUUID().toString(), person, worksite,
                    Programme.CVG, ContractType.CDDI, exit.plusDays(3), null, 26, null, null, null, null, null, null);
            LocalDate stepUp = entry.plusDays(40);
            store.write("saisie", tx -> {
                new ParticipantRepository(store).save(tx, new Participant(person, worksite, "Prénom", "Nom",
                        LocalDate.of(1985, 1, 1), null, null, null, null, null));
                EnrolmentRepository enrolments = new EnrolmentRepository(store);
                enrolments.save(tx, first);
                if (phc) {
                    enrolments.saveStep(tx, new PhcStep(UUID.randomUUID().toString(), first.id(), 4, entry), worksite);
                    enrolments.saveStep(tx, new PhcStep(UUID.randomUUID().toString(), first.id(), 6, stepUp),
                            worksite);
                }
                if (next != null) {
                    enrolments.save(tx, next);
                }
                HoursRepository hours = new HoursRepository(store);
                HoursKind[] kinds = {HoursKind.TRAVAIL_CHANTIER, HoursKind.ENTREPRISE, HoursKind.FORMATION,
                        HoursKind.ABSENCE_JUSTIFIEE};
                LocalDate firstDay = null;
                HoursKind firstKind = null;
                for (Enrolment enrolment : next == null ? List.of(first) : List.of(first, next)) {
                    LocalDate end = enrolment.exitDate() == null ? LAST_DAY : enrolment.exitDate();
                    // One cell a week at most, 15 min to 4 h: under the first PHC step and the CDDI's 26 h.
                    for (LocalDate monday = enrolment.entryDate().with(DayOfWeek.MONDAY).plusWeeks(1);
                         !monday.plusDays(4).isAfter(end); monday = monday.plusWeeks(1 + random.nextInt(3))) {
                        LocalDate day = monday.plusDays(random.nextInt(5));
                        HoursKind kind = kinds[random.nextInt(kinds.length)];
                        hours.set(tx, person, worksite, day, kind, 15 * (1 + random.nextInt(16)));
                        if (firstDay == null) {
                            firstDay = day;
                            firstKind = kind;
                        }
                    }
                }
                if (firstDay != null) {
                    hours.set(tx, person, worksite, firstDay, firstKind, 0);
                }
                return null;
            });
        }
    }
}
