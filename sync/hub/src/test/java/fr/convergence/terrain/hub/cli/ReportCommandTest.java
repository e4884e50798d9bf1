package fr.convergence.terrain.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.terrain.hub.report.YearlyDataSet;
import fr.convergence.terrain.hub.report.YearlyTableDocumentTest;
import fr.convergence.terrain.hub.store.JooqHubStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code terrain-hub report}: the console's yearly table on the command line, on the hand-counted {@link
 * YearlyDataSet} (figures in YearlyTablesTest). The command fills the hub's list of worksites from the shipped
 * reference (as every command does), so its worksite counts are those of the reference territories.
 */
class ReportCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HubCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                Map.<String, String>of()::get, args);
        return new Run(exit, out.toString(), err.toString());
    }

    String db() {
        return "jdbc:sqlite:" + dir.resolve("hub.db");
    }

    @BeforeEach
    void load() {
        try (JooqHubStore store = JooqHubStore.open(db(), null, null)) {
            YearlyDataSet.load(store);
        }
    }

    @Test
    void theCountryAsCsvHasTheConsolesFigures() {
        Run run = run("report", "--db", db(), "--year", "2026", "--format", "csv");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = List.of(run.out().split("\r\n"));
        assertThat(lines.get(0)).startsWith("Année;Territoire;Chantiers;File active;dont CVG;dont PHC;");
        // Worksites aside (the reference's), Lille's and the country's figures of YearlyTablesTest.
        assertThat(lines).anyMatch(l -> l.startsWith("2026;Lille;") && l.endsWith(";5;3;3;2;1;1;0;1;3;66,7;1;17,00;0,01"));
        assertThat(lines).anyMatch(l -> l.startsWith("2026;Total France entière;")
                && l.endsWith(";6;4;3;2;1;1;0;1;3;66,7;1;32,00;0,02"));
        assertThat(lines).anyMatch(l -> l.startsWith("2025;Total France entière;")
                && l.endsWith(";5;3;2;2;0;0;1;1;2;50,0;0;28,00;0,02"));
    }

    @Test
    void aWorksiteByMonthAsJsonIntoAFile() throws Exception {
        Path file = dir.resolve("abej.json");
        Run run = run("report", "--db", db(), "--year", "2026", "--format", "json", "--worksite",
                YearlyDataSet.ABEJ, "--output", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("écrit dans");
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("level").asText()).isEqualTo("worksite");
        assertThat(json.get("lines")).hasSize(12);
        assertThat(json.get("lines").get(0).get("figures").get("hoursWorked").decimalValue())
                .isEqualByComparingTo("10");
        assertThat(json.get("total").get("figures").get("exits").asInt()).isEqualTo(2);
        assertThat(json.get("total").get("previousYear").get("activeCaseload").asInt()).isEqualTo(3);
    }

    @Test
    void aTerritoryAsCsvIntoAFileStartsWithExcelsByteOrderMark() throws Exception {
        Path file = dir.resolve("lille.csv");
        assertThat(run("report", "--db", db(), "--year", "2026", "--territory", "lille", "--output",
                file.toString()).exit()).isZero();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("2026;ABEJ Solidarité (Lille);1;3;2;2;1;1;0;0;1;2;50,0;1;12,00;0,01\r\n");
    }

    @Test
    void aTerritoryAsPdfIntoAFileHasTheCsvsFigures() throws Exception {
        Path file = dir.resolve("lille.pdf");
        Run run = run("report", "--db", db(), "--year", "2026", "--format", "pdf", "--territory", "lille",
                "--output", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("écrit dans");
        byte[] pdf = Files.readAllBytes(file);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = YearlyTableDocumentTest.text(pdf);
        assertThat(text).contains("Lille, par chantier");
        // The figures of the CSV above and of YearlyTablesTest, as the page writes them (worksites aside in the
        // totals: the reference's).
        assertThat(text.lines()).contains("ABEJ Solidarité (Lille) 1 3 2 2 1 1 0 0 1 2 50,0 % 1 12 0,01");
        assertThat(text.lines()).anyMatch(l -> l.matches("Total 2026 \\d+ 5 3 3 2 1 1 0 1 3 66,7 % 1 17 0,01"))
                .anyMatch(l -> l.matches("Total 2025 \\d+ 3 2 1 1 0 0 1 0 1 100,0 % 0 20 0,01"));
        try (JooqHubStore store = JooqHubStore.open(db(), null, null)) {
            assertThat(store.auditJournal(10)).anyMatch(e -> e.action().equals("yearly-table-exported")
                    && e.detail().equals("territory=lille year=2026 format=pdf"));
        }
    }

    @Test
    void mistakesAreSaidInFrenchWithExitCode2() {
        Run xls = run("report", "--db", db(), "--year", "2026", "--format", "xls");
        assertThat(xls.exit()).isEqualTo(2);
        assertThat(xls.err()).contains("Format inconnu\u00a0: xls").contains("csv, json ou pdf");
        Run pdfToTheTerminal = run("report", "--db", db(), "--year", "2026", "--format", "pdf");
        assertThat(pdfToTheTerminal.exit()).isEqualTo(2);
        assertThat(pdfToTheTerminal.err()).contains("ajoutez --output FICHIER");
        assertThat(pdfToTheTerminal.out()).isEmpty();
        Run unknown = run("report", "--db", db(), "--year", "2026", "--territory", "atlantide");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Territoire inconnu du hub\u00a0: atlantide");
        Run noYear = run("report", "--db", db());
        assertThat(noYear.exit()).isEqualTo(2);
        assertThat(noYear.err()).contains("--year");
        assertThat(run("report", "--help").out()).contains("Utilisation\u00a0: terrain-hub report")
                .doesNotContain(HubCommandOutputTest.ENGLISH);
    }

    @Test
    void aWorksitesMonthlyStatementAsCsvHasTheConsolesRowsWithIdsAndNoName() {
        Run run = run("report", "monthly", "--db", db(), "--worksite", YearlyDataSet.ABEJ, "--month", "2026-01");

        assertThat(run.exit()).as(run.err()).isZero();
        // The figures of MonthlyStatementsTest, counted by hand.
        assertThat(run.out().split("\r\n")).containsExactly(
                "Chantier;Mois;N°;Participant (identifiant);Contrat;Contrat précédent dans le mois;Entrée;"
                        + "Fin prévue du contrat;Heures hebdomadaires du contrat;Palier PHC (heures par semaine);"
                        + "Travail sur le chantier (heures);En entreprise (heures);Formation (heures);"
                        + "Heures travaillées;Absence justifiée (heures);Absence injustifiée (heures);ETP;Sortie;"
                        + "Type de sortie",
                "ABEJ Solidarité (Lille);2026-01;1;P1;Contrat Premières Heures;;03/03/2025;;;4;10,00;0,00;0,00;"
                        + "10,00;0,00;0,00;0,07;;",
                "ABEJ Solidarité (Lille);2026-01;2;P2;CDDI;;01/09/2025;;26;;0,00;0,00;0,00;0,00;0,00;0,00;0,00;;",
                "ABEJ Solidarité (Lille);2026-01;Total (2 personnes);;;;;;;;10,00;0,00;0,00;10,00;0,00;0,00;0,07;"
                        + "aucune sortie;");
        try (JooqHubStore store = JooqHubStore.open(db(), null, null)) {
            assertThat(store.auditJournal(5)).anyMatch(e -> e.actor().equals("cli")
                    && e.action().equals("monthly-statement-exported")
                    && e.detail().equals("worksite=" + YearlyDataSet.ABEJ + " month=2026-01 format=csv"));
        }
    }

    @Test
    void aWorksitesMonthlyStatementAsJsonIntoAFile() throws Exception {
        Path file = dir.resolve("abej-2026-06.json");
        Run run = run("report", "monthly", "--db", db(), "--worksite", YearlyDataSet.ABEJ, "--month", "2026-06",
                "--format", "json", "--output", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("écrit dans");
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("month").asText()).isEqualTo("2026-06");
        assertThat(json.get("rows")).hasSize(3);
        JsonNode p2 = json.get("rows").get(0);
        assertThat(p2.get("participantId").asText()).isEqualTo("P2");
        assertThat(p2.get("exitDate").asText()).isEqualTo("2026-06-30");
        assertThat(p2.get("exitCategory").asText()).isEqualTo("EMPLOI_DURABLE");
        assertThat(p2.has("lastName")).isFalse();
        assertThat(json.get("rows").get(2).get("phcStepHours").asInt()).isEqualTo(4);
        assertThat(json.get("totals").get("people").asInt()).isEqualTo(3);
        assertThat(json.get("totals").get("exits").asInt()).isEqualTo(1);
        assertThat(json.get("totals").get("peopleByContract").get("CDDI").asInt()).isEqualTo(2);
    }

    @Test
    void monthlyMistakesAreSaidInFrenchWithExitCode2() {
        Run month = run("report", "monthly", "--db", db(), "--worksite", YearlyDataSet.ABEJ, "--month", "2026-13");
        assertThat(month.exit()).isEqualTo(2);
        assertThat(month.err()).contains("Mois invalide\u00a0: 2026-13");
        Run unknown = run("report", "monthly", "--db", db(), "--worksite", "nulle-part", "--month", "2026-01");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Chantier inconnu du hub\u00a0: nulle-part");
        Run pdf = run("report", "monthly", "--db", db(), "--worksite", YearlyDataSet.ABEJ, "--month", "2026-01",
                "--format", "pdf");
        assertThat(pdf.exit()).isEqualTo(2);
        assertThat(pdf.err()).contains("Format inconnu");
        Run missing = run("report", "monthly", "--db", db(), "--month", "2026-01");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--worksite");
        assertThat(run("report", "monthly", "--help").out()).contains("Utilisation\u00a0: terrain-hub report monthly")
                .doesNotContain(HubCommandOutputTest.ENGLISH);
        assertThat(run("report", "--help").out()).contains("terrain-hub report monthly");
    }
}
