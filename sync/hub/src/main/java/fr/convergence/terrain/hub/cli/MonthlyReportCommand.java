package fr.convergence.terrain.hub.cli;

import fr.convergence.terrain.core.report.MonthlyStatement;
import fr.convergence.terrain.core.report.MonthlyStatementCsv;
import fr.convergence.terrain.core.security.PrivateFiles;
import fr.convergence.terrain.hub.console.AuditEntry;
import fr.convergence.terrain.hub.report.MonthlyStatementJson;
import fr.convergence.terrain.hub.report.MonthlyStatements;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code terrain-hub report monthly}: a worksite's monthly hours statement from the hub's data, as the console's
 * page shows it ({@link MonthlyStatements}: core's calculator, a row number and the participant's id, no name), as
 * CSV for French Excel or JSON. Journaled like the yearly table's exports.
 */
@Command(name = "monthly", mixinStandardHelpOptions = true,
        description = "Relevé mensuel des heures d’un chantier, depuis les données du hub (chiffres seulement\u00a0: "
                + "chaque personne désignée par son identifiant, aucun nom, aucune note)\u00a0: une ligne par personne "
                + "sous contrat dans le mois (contrat, dates, heures par semaine ou palier PHC, heures par type, "
                + "absences, ETP, sortie) et les totaux. Les mêmes chiffres que la console et que le relevé des "
                + "postes.")
final class MonthlyReportCommand implements Callable<Integer> {

    @CommandLine.Mixin
    HubCommand.Database database = new HubCommand.Database();

    @Option(names = "--worksite", paramLabel = "CHANTIER", required = true,
            description = "Identifiant du chantier (terrain-hub worksites).")
    String worksite;

    @Option(names = "--month", paramLabel = "AAAA-MM", required = true, description = "Mois du relevé, ex. 2026-11.")
    String month;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv",
            description = "csv (Excel en français\u00a0: point-virgule, virgule décimale) ou json. Par "
                    + "défaut\u00a0: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--output", paramLabel = "FICHIER",
            description = "Fichier à écrire (remplacé une fois complet). Par défaut\u00a0: la sortie standard.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("csv") && !format.equals("json")) {
            err.println("Format inconnu\u00a0: " + format + ". Choisissez --format csv ou --format json.");
            return 2;
        }
        Optional<YearMonth> chosen = MonthlyStatements.month(month);
        if (chosen.isEmpty()) {
            err.println("Mois invalide\u00a0: " + month + ". Indiquez-le sous la forme année-mois, ex. --month "
                    + "2026-11.");
            return 2;
        }
        MonthlyStatement statement;
        try (JooqHubStore store = database.open()) {
            Optional<WorksiteInfo> known = store.read(r -> r.worksite(worksite));
            if (known.isEmpty()) {
                err.println("Chantier inconnu du hub\u00a0: " + worksite + ". Les identifiants\u00a0: terrain-hub "
                        + "worksites.");
                return 2;
            }
            statement = new MonthlyStatements(store).statement(known.get(), chosen.get());
            store.audit(new AuditEntry(Clock.systemUTC().millis(), "cli", "monthly-statement-exported",
                    "worksite=" + worksite + " month=" + chosen.get() + " format=" + format));
        }
        if (output == null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            write(statement, bytes);
            // The standard output gets the text without Excel's byte order mark.
            String text = bytes.toString(StandardCharsets.UTF_8);
            spec.commandLine().getOut().print(text.startsWith("\uFEFF") ? text.substring(1) : text);
            spec.commandLine().getOut().flush();
        } else {
            PrivateFiles.write(output, out -> write(statement, out));
            err.println("Relevé mensuel " + chosen.get() + " de " + worksite + " écrit dans " + output + ".");
        }
        return 0;
    }

    private void write(MonthlyStatement statement, OutputStream out) throws IOException {
        if (format.equals("json")) {
            MonthlyStatementJson.write(statement, out);
        } else {
            MonthlyStatementCsv.writeById(statement, out);
        }
    }
}
