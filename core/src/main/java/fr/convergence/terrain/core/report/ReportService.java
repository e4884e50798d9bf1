package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.demo.DemoMarking;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.erasure.ArchiveRule;
import fr.convergence.terrain.core.security.PrivateFiles;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.ReportRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.PhcStepLadder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reports of the laptop's store: which scopes a user may report on, the report of a scope over a period
 * (figures computed by {@link ReportCalculator}), and its CSV export. A territory report is for the territory's
 * coordinator (or an admin); anyone else is refused.
 */
public final class ReportService {

    private final TerrainStore store;
    private final ReportRepository reports;
    private final ReferenceRepository reference;
    private final ParticipantRepository participants;
    private final AccessPolicy access;
    private final Clock clock;
    private final PhcStepLadder ladder;
    private final AuditJournal journal;

    public ReportService(TerrainStore store, AccessPolicy access) {
        this(store, access, PhcStepLadder.DEFAULT);
    }

    public ReportService(TerrainStore store, AccessPolicy access, PhcStepLadder ladder) {
        this.store = store;
        this.reports = new ReportRepository(store);
        this.reference = new ReferenceRepository(store);
        this.participants = new ParticipantRepository(store);
        this.access = access;
        this.clock = store.clock();
        this.ladder = ladder;
        this.journal = new AuditJournal(store);
    }

    /** The scopes {@code user} may report on: their territory (coordinator, admin) first, then each worksite. */
    public List<ReportScope> scopes(User user) {
        List<ReportScope> scopes = new ArrayList<>();
        for (Territory territory : reference.territories()) {
            List<Worksite> worksites = reference.worksitesOfTerritory(territory.id());
            if (!worksites.isEmpty() && mayReportOnTerritory(user, territory.id(), worksites)) {
                scopes.add(ReportScope.territory(territory.id(), territory.name()));
            }
        }
        reference.worksites().stream().filter(w -> access.canSee(user, w.id()))
                .forEach(w -> scopes.add(ReportScope.worksite(w.id(), w.name())));
        return List.copyOf(scopes);
    }

    /** The report of {@code scope} over {@code period}; refused outside the user's worksites. */
    public Report compute(User user, ReportScope scope, ReportPeriod period) {
        List<String> worksiteIds = worksitesOf(user, scope);
        return ReportCalculator.compute(scope, worksiteIds, period, LocalDate.now(clock),
                reports.enrolments(worksiteIds), reports.phcSteps(worksiteIds),
                reports.minutesByMonth(worksiteIds, period.from(), period.to()).stream()
                        .map(r -> new MonthlyMinutes(r.month(), r.kind(), r.minutes())).toList(),
                ladder);
    }

    /** Writes the report as CSV for French Excel (see {@link ReportCsv}), marked if the store is a demo. */
    public void writeCsv(Report report, OutputStream out) throws IOException {
        ReportCsv.write(report, out, DemoMarking.isDemo(store));
    }

    /** {@link #exportCsv(Report, Path)} made by {@code user}, and recorded in the audit journal (issue 14). */
    public void exportCsv(User user, Report report, Path file) throws IOException {
        exportCsv(report, file);
        journal.record(user, AuditAction.EXPORT, report.scope().kind() == ReportScope.Kind.WORKSITE
                ? report.scope().id() : null, null, "rapport d’activité (CSV), " + report.scope().label());
    }

    /** Writes the report as CSV to {@code file}, replacing it only once the whole file is written. */
    public void exportCsv(Report report, Path file) throws IOException {
        PrivateFiles.write(file, out -> writeCsv(report, out));
    }

    /**
     * The monthly hours statement of {@code worksiteId} for {@code month} (figures by {@link
     * ReportCalculator#monthlyStatement}); refused outside the user's worksites, like a report. Every person under
     * contract that month has a row and counts in the totals, since the statement is what the worksite declares;
     * an ESP or a CIP does not read the name of a person whose file is archived ({@link ArchiveRule}): their row
     * shows the figures without a name.
     */
    public MonthlyStatement monthlyStatement(User user, String worksiteId, YearMonth month) {
        List<String> worksiteIds = worksitesOf(user, ReportScope.worksite(worksiteId, worksiteId));
        String name = reference.worksite(worksiteId).map(Worksite::name).orElse(worksiteId);
        ReportPeriod days = ReportPeriod.month(month);
        List<Enrolment> enrolments = reports.enrolments(worksiteIds);
        Set<String> hidden = new ArchiveRule(store).hiddenFrom(user, worksiteIds);
        Map<String, Participant> people = new HashMap<>();
        participants.ofWorksite(worksiteId).forEach(p -> people.put(p.id(), p));
        // People who moved to another worksite since keep their row here, with their name.
        enrolments.stream().filter(e -> days.overlaps(e.entryDate(), e.exitDate()))
                .map(Enrolment::participantId).distinct().filter(id -> !people.containsKey(id))
                .forEach(id -> participants.find(id).ifPresent(p -> people.put(id, p)));
        hidden.forEach(people::remove);
        return ReportCalculator.monthlyStatement(worksiteId, name, month, enrolments, reports.phcSteps(worksiteIds),
                people.values(), reports.minutesByPerson(worksiteId, days.from(), days.to()).stream()
                        .map(r -> new PersonMinutes(r.participantId(), r.kind(), r.minutes())).toList(), ladder);
    }

    /** Writes the statement as CSV for French Excel (see {@link MonthlyStatementCsv}), marked if the store is a demo. */
    public void writeCsv(MonthlyStatement statement, OutputStream out) throws IOException {
        MonthlyStatementCsv.write(statement, out, DemoMarking.isDemo(store));
    }

    /** Writes the statement as CSV to {@code file} for {@code user}, recorded in the audit journal. */
    public void exportCsv(User user, MonthlyStatement statement, Path file) throws IOException {
        PrivateFiles.write(file, out -> writeCsv(statement, out));
        journal.record(user, AuditAction.EXPORT, statement.worksiteId(), null,
                "relevé mensuel des heures (CSV), " + statement.month());
    }

    /** Whether the store holds demonstration data (the statement's PDF then says so on every page). */
    public boolean demo() {
        return DemoMarking.isDemo(store);
    }

    /** Where the statement's print-out is recorded, as every print-out (the PDF is made in the app). */
    public AuditJournal journal() {
        return journal;
    }

    private List<String> worksitesOf(User user, ReportScope scope) {
        return switch (scope.kind()) {
            case WORKSITE -> {
                if (!access.canSee(user, scope.id())) {
                    throw new AccessDeniedException("Ce chantier n’est pas dans votre périmètre\u00a0: son rapport "
                            + "ne vous est pas accessible.");
                }
                yield List.of(scope.id());
            }
            case TERRITORY -> {
                List<Worksite> worksites = reference.worksitesOfTerritory(scope.id());
                if (!mayReportOnTerritory(user, scope.id(), worksites)) {
                    throw new AccessDeniedException("Le rapport d’un territoire est réservé à sa coordination\u00a0: "
                            + "choisissez le rapport de votre chantier.");
                }
                yield worksites.stream().map(Worksite::id).toList();
            }
            case NATIONAL -> throw new AccessDeniedException("Le rapport national se lit sur la console du hub\u00a0: "
                    + "choisissez le rapport de votre chantier ou de votre territoire.");
        };
    }

    private boolean mayReportOnTerritory(User user, String territoryId, List<Worksite> worksites) {
        boolean role = user != null && (user.role() == Role.ADMIN
                || user.role() == Role.COORDINATOR && territoryId.equals(user.territoryId()));
        return role && worksites.stream().allMatch(w -> access.canSee(user, w.id()));
    }
}
