package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.demo.DemoMarking;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.security.PrivateFiles;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.ReportRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.PhcStepLadder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports of the laptop's store: which scopes a user may report on, the report of a scope over a period
 * (figures computed by {@link ReportCalculator}), and its CSV export. A territory report is for the territory's
 * coordinator (or an admin); anyone else is refused.
 */
public final class ReportService {

    private final TerrainStore store;
    private final ReportRepository reports;
    private final ReferenceRepository reference;
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
