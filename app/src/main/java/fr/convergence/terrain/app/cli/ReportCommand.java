package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.report.Report;
import fr.convergence.terrain.core.report.ReportCsv;
import fr.convergence.terrain.core.report.ReportPeriod;
import fr.convergence.terrain.core.report.ReportScope;
import fr.convergence.terrain.core.report.ReportService;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.text.MessagePatterns;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.core.text.TypedDate;
import fr.convergence.terrain.core.verdict.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
        description = "Rapport d’un chantier ou d’un territoire\u00a0: file active, entrées et sorties, sorties par type, "
                + "paliers PHC, passages PHC → CDDI, heures par mois\u00a0; export CSV pour Excel. "
                + "Relevé mensuel des heures d’un chantier\u00a0: terrain report monthly (détails\u00a0: "
                + "terrain report monthly --help).",
        subcommands = MonthlyStatementCommand.class)
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Required, but checked in call(): picocli would ask them of `terrain report monthly` too (remkop/picocli#1350).
    @Option(names = "--store", paramLabel = "FICHIER", description = "Fichier de données (existant). Obligatoire.")
    Path store;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Scope scope;

    static final class Scope {
        @Option(names = "--worksite", paramLabel = "CHANTIER", description = "Identifiant du chantier.")
        String worksite;

        @Option(names = "--territory", paramLabel = "TERRITOIRE",
                description = "Identifiant du territoire (tous ses chantiers).")
        String territory;
    }

    @Option(names = "--from", paramLabel = "JJ/MM/AAAA",
            description = "Premier jour de la période (jj/mm/aaaa). Par défaut\u00a0: le 1er janvier.")
    String from;

    @Option(names = "--to", paramLabel = "JJ/MM/AAAA",
            description = "Dernier jour de la période (jj/mm/aaaa). Par défaut\u00a0: aujourd’hui.")
    String to;

    @Option(names = "--csv", paramLabel = "FICHIER", description = "Fichier CSV à écrire (UTF-8, «\u00a0;\u00a0», pour Excel).")
    Path csv;

    /** Who asks: their rights decide which worksites and territories the report may cover. */
    @Mixin
    PersonOptions person;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        requireStoreAndScope();
        StoreFile.requireExisting(store, spec);
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
            ReportScope chosen = scope(service.scopes(acting), new ReferenceRepository(terrainStore));
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
            throw new UncheckedIOException("Impossible d’écrire " + csv + "\u00a0: vérifiez le dossier et les droits.", e);
        }
    }

    /** What picocli would say of a missing --store, or of neither --worksite nor --territory. */
    private void requireStoreAndScope() {
        if (store == null) {
            throw new CommandLine.MissingParameterException(spec.commandLine(), spec.findOption("--store"),
                    "Missing required option: '--store'");
        }
        if (scope == null) {
            throw new CommandLine.MissingParameterException(spec.commandLine(),
                    List.of(spec.findOption("--worksite"), spec.findOption("--territory")),
                    "Missing required argument: --worksite or --territory");
        }
    }

    /**
     * The scope asked for: one of those the account may report on; one the store holds but the account may not see
     * goes on to the service, which says why it is refused; an id the store does not know is a usage error (a report
     * of zeros would look like a real one).
     */
    private ReportScope scope(List<ReportScope> allowed, ReferenceRepository reference) {
        boolean worksite = scope.worksite != null;
        String id = worksite ? scope.worksite : scope.territory;
        ReportScope.Kind kind = worksite ? ReportScope.Kind.WORKSITE : ReportScope.Kind.TERRITORY;
        Optional<ReportScope> found = allowed.stream().filter(s -> s.kind() == kind && s.id().equals(id)).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        boolean known = worksite ? reference.worksite(id).isPresent()
                : reference.territories().stream().anyMatch(t -> t.id().equals(id));
        if (!known) {
            throw unknown(spec, kind, id, allowed);
        }
        return worksite ? ReportScope.worksite(id, id) : ReportScope.territory(id, id);
    }

    /** The usage error for an id the store does not hold, with the ids the account may ask for. */
    static CommandLine.ParameterException unknown(CommandLine.Model.CommandSpec spec, ReportScope.Kind kind, String id,
                                                  List<ReportScope> allowed) {
        boolean worksite = kind == ReportScope.Kind.WORKSITE;
        String choices = allowed.stream().filter(s -> s.kind() == kind).map(ReportScope::id)
                .collect(Collectors.joining(", "));
        return new CommandLine.ParameterException(spec.commandLine(), (worksite ? "Chantier" : "Territoire")
                + " inconnu de ce fichier de données\u00a0: «\u00a0" + id + "\u00a0». "
                + (choices.isEmpty() ? "Ce compte ne peut demander aucun rapport de "
                + (worksite ? "chantier." : "territoire.")
                : "Identifiants possibles pour ce compte\u00a0: " + choices + "."));
    }

    private LocalDate date(String text, String option) {
        TypedDate typed = TypedDate.parse(text);
        Optional<String> problem = typed.problem(option, text);
        if (problem.isPresent()) {
            throw new CommandLine.ParameterException(spec.commandLine(), problem.get());
        }
        return typed.value().orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), option
                + "\u00a0: indiquez une date jj/mm/aaaa, ou retirez l’option."));
    }

    private static void print(PrintWriter out, Report report) {
        out.println(report.scope().label() + " — " + report.period().label());
        var caseload = report.activeCaseload();
        out.println(MessagePatterns.french("File active\u00a0: {0, plural, one {# personne} other {# personnes}} ({1}), "
                + "dont {2, plural, one {# présente} other {# présentes}} le {3}", caseload.total(),
                caseload.byProgramme().entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                        .reduce((a, b) -> a + ", " + b).orElse(""),
                caseload.presentOn(), Texts.date(caseload.onDay())));
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
