package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoMarking;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report service on territory demo data (Lille, 7 worksites, two years) and on a few stored rows. */
class ReportServiceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ReportPeriod LAST_YEAR = ReportPeriod.year(2025);

    @TempDir
    static Path dir;
    static TerrainStore store;
    static DemoDataGenerator.Summary summary;
    static ReportService service;
    static User coordinator;

    @BeforeAll
    static void generate() {
        store = TerrainStore.open(dir.resolve("territory.db"), clock());
        summary = new DemoDataGenerator(2023, TODAY).generate(store, DemoSize.TERRITORY, new PasswordHasher(1000));
        service = new ReportService(store, policy(store));
        coordinator = new User("coord", "coord", "Coordination Lille", Role.COORDINATOR, "lille", Set.of(), true);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Clock clock() {
        return Clock.fixed(TODAY.atTime(10, 0).atZone(PARIS).toInstant(), PARIS);
    }

    static AccessPolicy policy(TerrainStore store) {
        Map<String, String> territories = new HashMap<>();
        new ReferenceRepository(store).worksites().stream().filter(w -> w.territoryId() != null)
                .forEach(w -> territories.put(w.id(), w.territoryId()));
        return AccessPolicy.of(territories);
    }

    private Report worksiteReport(String worksiteId, ReportPeriod period) {
        return service.compute(coordinator, ReportScope.worksite(worksiteId, worksiteId), period);
    }

    @Test
    void theTerritoryReportAddsUpItsWorksitesReports() {
        Report territory = service.compute(coordinator, ReportScope.territory("lille", "Lille"), LAST_YEAR);
        List<Report> worksites = summary.worksiteIds().stream().map(w -> worksiteReport(w, LAST_YEAR)).toList();

        assertThat(territory.worksiteIds()).containsExactlyInAnyOrderElementsOf(summary.worksiteIds());
        assertThat(territory.activeCaseload().total())
                .isEqualTo(worksites.stream().mapToInt(r -> r.activeCaseload().total()).sum()).isPositive();
        assertThat(territory.entriesAndExits().entries())
                .isEqualTo(worksites.stream().mapToInt(r -> r.entriesAndExits().entries()).sum()).isPositive();
        assertThat(territory.entriesAndExits().exits())
                .isEqualTo(worksites.stream().mapToInt(r -> r.entriesAndExits().exits()).sum()).isPositive();
        assertThat(territory.phcToCddi().transitions())
                .isEqualTo(worksites.stream().mapToInt(r -> r.phcToCddi().transitions()).sum()).isPositive();
        assertThat(territory.phcSteps().total())
                .isEqualTo(worksites.stream().mapToInt(r -> r.phcSteps().total()).sum()).isPositive();
        assertThat(territory.hours().totalMinutes())
                .isEqualTo(worksites.stream().mapToLong(r -> r.hours().totalMinutes()).sum()).isPositive();
        for (ExitCategory category : ExitCategory.values()) {
            assertThat(territory.exitsByCategory().counts().get(category))
                    .isEqualTo(worksites.stream().mapToInt(r -> r.exitsByCategory().counts().get(category)).sum());
        }
    }

    @Test
    void figuresAgreeWithTheStoredRowsOfAWorksite() {
        String worksite = summary.worksiteIds().stream().filter(w -> w.equals("abej-solidarite")).findFirst()
                .orElse(summary.worksiteIds().get(0));
        Report report = worksiteReport(worksite, LAST_YEAR);
        List<Enrolment> enrolments = new EnrolmentRepository(store).ofWorksite(worksite);
        List<HoursEntry> hours = new HoursRepository(store).ofWorksite(worksite, LAST_YEAR.from(), LAST_YEAR.to());

        long worked = hours.stream().filter(h -> h.kind().worked()).mapToLong(HoursEntry::minutes).sum();
        assertThat(report.hours().totalMinutes()).isEqualTo(worked);
        long january = hours.stream().filter(h -> h.kind().worked() && YearMonth.from(h.day()).equals(
                YearMonth.of(2025, 1))).mapToLong(HoursEntry::minutes).sum();
        assertThat(report.hours().totalMinutes(YearMonth.of(2025, 1))).isEqualTo(january);

        // In demo data a person's first enrolment is their entry; a CDDI after PHC is a transition.
        long entries = enrolments.stream().collect(Collectors.groupingBy(Enrolment::participantId)).values().stream()
                .map(list -> list.stream().min(Comparator.comparing(Enrolment::entryDate)).orElseThrow())
                .filter(first -> LAST_YEAR.contains(first.entryDate())).count();
        assertThat(report.entriesAndExits().entries()).isEqualTo(entries);
        assertThat(report.exitsByCategory().total()).isEqualTo(report.entriesAndExits().exits());
        long followed = enrolments.stream().filter(e -> LAST_YEAR.overlaps(e.entryDate(), e.exitDate()))
                .map(Enrolment::participantId).distinct().count();
        assertThat(report.activeCaseload().total()).isEqualTo(followed);
        assertThat(report.activeCaseload().byMonth().values()).allMatch(n -> n <= followed);
        assertThat(report.phcSteps().total()).isLessThanOrEqualTo(report.activeCaseload().presentOn());
    }

    @Test
    void aCoordinatorSeesTheirTerritoryFirstAndEachWorksite() {
        List<ReportScope> scopes = service.scopes(coordinator);

        assertThat(scopes.get(0)).isEqualTo(ReportScope.territory("lille", "Lille"));
        assertThat(scopes).filteredOn(s -> s.kind() == ReportScope.Kind.WORKSITE).extracting(ReportScope::id)
                .containsAll(summary.worksiteIds());
    }

    @Test
    void anAdviserReportsOnTheirWorksiteOnlyAndIsRefusedTheTerritory() {
        String worksite = summary.worksiteIds().get(0);
        User cip = new User("cip", "cip", "CIP", Role.CIP, null, Set.of(worksite), true);

        assertThat(service.scopes(cip)).extracting(ReportScope::id).containsExactly(worksite);
        assertThat(worksiteReport(worksite, LAST_YEAR).activeCaseload().total()).isPositive();
        assertThatThrownBy(() -> service.compute(cip, ReportScope.territory("lille", "Lille"), LAST_YEAR))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("coordination");
        assertThatThrownBy(() -> service.compute(cip, ReportScope.worksite(summary.worksiteIds().get(1), "x"),
                LAST_YEAR)).isInstanceOf(AccessDeniedException.class);
        User otherCoordinator = new User("c2", "c2", "Lyon", Role.COORDINATOR, "lyon", Set.of(), true);
        assertThatThrownBy(() -> service.compute(otherCoordinator, ReportScope.territory("lille", "Lille"),
                LAST_YEAR)).isInstanceOf(AccessDeniedException.class);
        // The national scope is the hub's (its yearly table): no laptop holds the country, not even a coordinator's.
        assertThatThrownBy(() -> service.compute(coordinator, ReportScope.national(), LAST_YEAR))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("console du hub");
    }

    @Test
    void theCsvExportIsWrittenWholeWithItsBomAndOneLinePerFigureEachMarkedAsDemonstrationData() throws IOException {
        Report report = service.compute(coordinator, ReportScope.territory("lille", "Lille"), LAST_YEAR);
        Path file = dir.resolve("rapport.csv");
        Files.writeString(file, "ancien contenu");

        service.exportCsv(report, file);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines).hasSize(ReportCsv.rows(report).size() + 1);
        // The territory demo store: the header names the mark's column, and every figure carries the mark.
        assertThat(lines.get(0)).isEqualTo("Périmètre;Du;Au;Indicateur;Détail;Mois;Valeur;Unité;Nature des données");
        assertThat(lines).contains("Territoire : Lille;01/01/2025;31/12/2025;File active;Total;;"
                + report.activeCaseload().total() + ";personnes;DÉMONSTRATION — données fictives");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.endsWith(";" + DemoMarking.TEXT));
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void storedRowsGiveTheHandCountedFigures(@TempDir Path own) throws IOException {
        try (TerrainStore small = TerrainStore.open(own.resolve("small.db"), clock())) {
            new ReferenceRepository(small).install(ReferenceData.load());
            String worksite = "abej-solidarite";
            Participant a = new Participant("pa", worksite, "Ana", "Lopes", null, null, null, null, null, null);
            Participant b = new Participant("pb", worksite, "Bilal", "Kaci", null, null, null, null, null, null);
            Enrolment aPhc = new Enrolment("a1", "pa", worksite, Programme.PHC, ContractType.PHC,
                    LocalDate.of(2025, 10, 6), null, null, null, null, null, LocalDate.of(2026, 1, 30), null, null);
            Enrolment aCddi = new Enrolment("a2", "pa", worksite, Programme.CVG, ContractType.CDDI,
                    LocalDate.of(2026, 2, 2), LocalDate.of(2027, 2, 1), 26, null, null, null, null, null, null);
            Enrolment bCddi = new Enrolment("b1", "pb", worksite, Programme.CVG, ContractType.CDDI,
                    LocalDate.of(2026, 1, 12), LocalDate.of(2027, 1, 11), 26, null, null, null,
                    LocalDate.of(2026, 3, 13), ExitCategory.EMPLOI_DURABLE, ExitReason.CDI);
            small.write("test", tx -> {
                var participants = new ParticipantRepository(small);
                var enrolments = new EnrolmentRepository(small);
                var hours = new HoursRepository(small);
                participants.save(tx, a);
                participants.save(tx, b);
                enrolments.save(tx, aPhc);
                enrolments.save(tx, aCddi);
                enrolments.save(tx, bCddi);
                enrolments.saveStep(tx, new PhcStep("s1", "a1", 4, LocalDate.of(2025, 10, 6)), worksite);
                enrolments.saveStep(tx, new PhcStep("s2", "a1", 8, LocalDate.of(2025, 12, 1)), worksite);
                hours.set(tx, "pa", worksite, LocalDate.of(2026, 1, 5), HoursKind.TRAVAIL_CHANTIER, 240);
                hours.set(tx, "pa", worksite, LocalDate.of(2026, 1, 6), HoursKind.ABSENCE_INJUSTIFIEE, 120);
                hours.set(tx, "pb", worksite, LocalDate.of(2026, 2, 2), HoursKind.ENTREPRISE, 240);
                hours.set(tx, "pb", worksite, LocalDate.of(2026, 2, 3), HoursKind.FORMATION, 105);
                hours.set(tx, "pb", worksite, LocalDate.of(2025, 12, 31), HoursKind.TRAVAIL_CHANTIER, 420);
                return null;
            });
            User cip = new User("cip", "cip", "CIP", Role.CIP, null, Set.of(worksite), true);
            ReportService smallService = new ReportService(small, AccessPolicy.of(Map.of(worksite, "lille")));

            Report q1 = smallService.compute(cip, ReportScope.worksite(worksite, "ABEJ Solidarité"),
                    new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));

            assertThat(q1.activeCaseload().total()).isEqualTo(2);
            assertThat(q1.activeCaseload().presentOn()).isEqualTo(1);
            assertThat(q1.entriesAndExits().entries()).isEqualTo(1);
            assertThat(q1.entriesAndExits().exits()).isEqualTo(1);
            assertThat(q1.phcToCddi().transitions()).isEqualTo(1);
            assertThat(q1.phcSteps().total()).isZero();
            assertThat(q1.hours().totalMinutes()).isEqualTo(240 + 240 + 105);
            assertThat(q1.hours().totalMinutes(YearMonth.of(2026, 2))).isEqualTo(345);

            // A real store's export carries no demonstration mark and keeps its eight columns.
            var csv = new java.io.ByteArrayOutputStream();
            smallService.writeCsv(q1, csv);
            String text = csv.toString(StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("DÉMONSTRATION").doesNotContain(ReportCsv.DEMO_COLUMN)
                    .contains("\uFEFFPérimètre;Du;Au;Indicateur;Détail;Mois;Valeur;Unité\r\n");
        }
    }
}
