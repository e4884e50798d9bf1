package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.report.Report;
import fr.convergence.terrain.core.report.ReportCsv;
import fr.convergence.terrain.core.report.ReportPeriod;
import fr.convergence.terrain.core.report.ReportScope;
import fr.convergence.terrain.core.report.ReportService;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.text.MessagePatterns;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.core.verdict.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code terrain report}: the figures of the Rapports page for a worksite or a territory, printed and optionally
 * exported as CSV, computed by the same {@link ReportService} as the application.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rapport d'un chantier ou d'un territoire : file active, entrées et sorties, sorties par type, "
                + "paliers PHC, passages PHC → CDDI, heures par mois ; export CSV pour Excel.")
final class ReportCommand implements Callable<Integer> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/yyyy");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", required = true, description = "Fichier de données (existant).")
    Path store;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    static final class Scope {
        @Option(names = "--worksite", description = "Identifiant du chantier.")
        String worksite;

        @Option(names = "--territory", description = "Identifiant du territoire (tous ses chantiers).")
        String territory;
    }

    @Option(names = "--from", description = "Premier jour de la période (jj/mm/aaaa). Par défaut : le 1er janvier.")
    String from;

    @Option(names = "--to", description = "Dernier jour de la période (jj/mm/aaaa). Par défaut : aujourd'hui.")
    String to;

    @Option(names = "--csv", description = "Fichier CSV à écrire (UTF-8, « ; », pour Excel).")
    Path csv;

    /** Who asks: their rights decide which worksites and territories the report may cover. */
    @Mixin
    PersonOptions person;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(store)) {
            err.println("Le fichier de données " + store + " n'existe pas : indiquez un fichier existant "
                    + "(terrain demo --store FICHIER en crée un de démonstration).");
            return 2;
        }
        try (TerrainStore terrainStore = TerrainStore.open(store)) {
            User acting = person.signIn(terrainStore, spec);
            LocalDate today = LocalDate.now(terrainStore.clock());
            LocalDate first = from == null ? today.withDayOfYear(1) : date(from, "--from");
            LocalDate last = to == null ? today : date(to, "--to");
            Verdict period = ReportPeriod.check(first, last);
            if (period.isRefused()) {
                err.println(period.text());
                return 2;
            }
            ReportService service = new ReportService(terrainStore, AccessPolicies.of(terrainStore));
            ReportScope chosen = service.scopes(acting).stream()
                    .filter(s -> scope.worksite != null ? s.kind() == ReportScope.Kind.WORKSITE
                            && s.id().equals(scope.worksite) : s.kind() == ReportScope.Kind.TERRITORY
                            && s.id().equals(scope.territory))
                    .findFirst()
                    .orElseGet(() -> scope.worksite != null ? ReportScope.worksite(scope.worksite, scope.worksite)
                            : ReportScope.territory(scope.territory, scope.territory));
            long start = System.nanoTime();
            Report report = service.compute(acting, chosen, new ReportPeriod(first, last));
            double seconds = (System.nanoTime() - start) / 1e9;
            print(out, report);
            out.printf(Locale.FRANCE, "Calculé en %.2f s.%n", seconds);
            if (csv != null) {
                Path parent = csv.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                service.exportCsv(acting, report, csv);
                out.println(MessagePatterns.french("{0} écrit ({1, plural, one {# ligne} other {# lignes}}).", csv,
                        ReportCsv.rows(report).size()));
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible d'écrire " + csv + " : vérifiez le dossier et les droits.", e);
        }
    }

    private static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text.strip(), DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Date illisible pour " + option + " : « " + text
                    + " ». Écrivez-la jj/mm/aaaa, par exemple 31/12/2025.");
        }
    }

    private static void print(PrintWriter out, Report report) {
        out.println(report.scope().label() + " — " + report.period().label());
        var caseload = report.activeCaseload();
        out.println(MessagePatterns.french("File active\u00a0: {0, plural, one {# personne} other {# personnes}} ({1}), "
                + "dont {2, plural, one {# présente} other {# présentes}} le {3}", caseload.total(),
                caseload.byProgramme().entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                        .reduce((a, b) -> a + ", " + b).orElse(""),
                caseload.presentOn(), caseload.onDay().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        out.println(MessagePatterns.french("Entrées\u00a0: {0} — Sorties\u00a0: {1}", report.entriesAndExits().entries(),
                report.entriesAndExits().exits()));
        StringBuilder exits = new StringBuilder("Sorties par type\u00a0:");
        for (ExitCategory category : ExitCategory.values()) {
            exits.append(' ').append(category.label()).append(' ')
                    .append(report.exitsByCategory().counts().get(category)).append(';');
        }
        String rate = ReportCsv.percent(report.exitsByCategory().dynamicRate());
        out.println(exits + " sorties dynamiques " + (rate.isEmpty() ? "—" : rate + "\u202f%"));
        out.println("Paliers PHC\u00a0: " + report.phcSteps().byTargetHours().entrySet().stream()
                .map(e -> e.getKey() + " h\u00a0: " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse(""));
        String transitions = ReportCsv.percent(report.phcToCddi().rate());
        out.println(MessagePatterns.french("Passages PHC → CDDI\u00a0: {0} sur {1, plural, one {# contrat PHC terminé} "
                + "other {# contrats PHC terminés}} ({2})", report.phcToCddi().transitions(),
                report.phcToCddi().phcEnds(), transitions.isEmpty() ? "—" : transitions + "\u202f%"));
        out.println("Heures réalisées\u00a0: " + Texts.decimalHours(report.hours().totalMinutes()) + " h");
    }
}
