package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.app.print.PdfPrinter;
import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.report.MonthlyStatement;
import fr.convergence.terrain.core.report.ReportScope;
import fr.convergence.terrain.core.report.ReportService;
import fr.convergence.terrain.core.security.PrivateFiles;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.text.MessagePatterns;
import fr.convergence.terrain.core.text.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code terrain report monthly}: the monthly hours statement of a worksite, as the Rapports page saves it — a PDF
 * (A4 landscape) or a CSV for Excel — from the same {@link ReportService#monthlyStatement}.
 */
@Command(name = "monthly", mixinStandardHelpOptions = true,
        description = "Relevé mensuel des heures d’un chantier\u00a0: une ligne par salarié·e sous contrat dans le mois "
                + "(contrat, dates, heures par semaine ou palier PHC, heures par type, absences, ETP, sortie), "
                + "et les totaux\u00a0; en PDF (A4 paysage) ou en CSV pour Excel.")
final class MonthlyStatementCommand implements Callable<Integer> {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    /** The two files the statement is written as. */
    private enum Format { PDF, CSV }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", paramLabel = "FICHIER", required = true, description = "Fichier de données (existant).")
    Path store;

    @Option(names = "--worksite", paramLabel = "CHANTIER", required = true, description = "Identifiant du chantier.")
    String worksite;

    @Option(names = "--month", paramLabel = "AAAA-MM", required = true,
            description = "Mois du relevé, par exemple 2026-11.")
    String month;

    @Option(names = "--format", paramLabel = "pdf|csv",
            description = "pdf (A4 paysage) ou csv (UTF-8, «\u00a0;\u00a0», pour Excel). Par défaut\u00a0: "
                    + "d’après l’extension de --output, sinon pdf.")
    String format;

    @Option(names = "--output", paramLabel = "FICHIER", required = true,
            description = "Fichier à écrire (remplacé s’il existe).")
    Path output;

    /** Who asks: the worksite must be one of theirs; an ESP or a CIP does not see archived people's names. */
    @Mixin
    PersonOptions person;

    @Override
    public Integer call() {
        YearMonth chosen = month(month);
        Format written = format(format);
        StoreFile.requireExisting(store, spec);
        long start = System.nanoTime();
        try (TerrainStore terrainStore = TerrainStore.open(store)) {
            User acting = person.signIn(terrainStore, spec);
            ReportService service = new ReportService(terrainStore, AccessPolicies.of(terrainStore));
            if (new ReferenceRepository(terrainStore).worksite(worksite).isEmpty()) {
                throw ReportCommand.unknown(spec, ReportScope.Kind.WORKSITE, worksite, service.scopes(acting));
            }
            MonthlyStatement statement = service.monthlyStatement(acting, worksite, chosen);
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (written == Format.PDF) {
                PrivateFiles.write(output, new PdfPrinter(acting, Clock.systemDefaultZone(), false, service.demo(),
                        service.journal()).monthlyStatement(statement));
            } else {
                service.exportCsv(acting, statement, output);
            }
            MonthlyStatement.Totals totals = statement.totals();
            spec.commandLine().getOut().println(MessagePatterns.french("Relevé mensuel des heures — {0} — {1}\u00a0: "
                    + "{2, plural, =0 {aucune personne sous contrat} one {# personne sous contrat} "
                    + "other {# personnes sous contrat}}, {3}\u00a0h travaillées, {4}\u00a0ETP.",
                    statement.worksiteName(), MONTH_LABEL.format(chosen), totals.people(),
                    Texts.decimalHours(totals.workedMinutes()), totals.fte().toPlainString().replace('.', ',')));
            spec.commandLine().getOut().printf(Locale.FRANCE, "%s écrit (%d Ko) en %.2f s%n", output,
                    (Files.size(output) + 1023) / 1024, (System.nanoTime() - start) / 1e9);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible d’écrire " + output + "\u00a0: vérifiez le dossier et les droits.",
                    e);
        }
    }

    private Format format(String text) {
        if (text == null) {
            boolean csv = output.getFileName() != null
                    && output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
            return csv ? Format.CSV : Format.PDF;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "pdf" -> Format.PDF;
            case "csv" -> Format.CSV;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--format\u00a0: «\u00a0" + text
                    + "\u00a0» n’est pas un format du relevé\u00a0: écrivez pdf ou csv.");
        };
    }

    private YearMonth month(String text) {
        String typed = text.strip();
        try {
            if (MONTH.matcher(typed).matches()) {
                return YearMonth.parse(typed);
            }
        } catch (DateTimeParseException e) {
            // Said below, as a text that is not a month at all.
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--month\u00a0: «\u00a0" + text
                + "\u00a0» n’est pas un mois\u00a0: écrivez l’année puis le mois, par exemple 2026-11.");
    }
}
