package fr.convergence.terrain.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.hub.report.YearlyDataSet;
import fr.convergence.terrain.hub.store.JooqHubStore;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's monthly hours statement over HTTP on 127.0.0.1, on the hand-counted {@link YearlyDataSet} (figures
 * counted in MonthlyStatementsTest): the rows and totals on the page, no name, the territory scope of a coordinator
 * (403 elsewhere, journaled), the CSV downloaded and read back, the drill-down from the yearly table.
 */
class MonthlyStatementWebTest extends HandCountedConsole {

    static final String MONTHLY = "/console/releve-mensuel";

    @Override
    void load(JooqHubStore store) {
        super.load(store);
        // The hub holds people's files with their names, as laptops sync them: the console never shows them.
        YearlyDataSet.addParticipant(store, "P1", YearlyDataSet.ABEJ, "Témoin-Nom", "Témoin-Prénom");
    }

    static String statement(String worksite, String month) {
        return MONTHLY + "?chantier=" + worksite + "&mois=" + month;
    }

    /** The cells of the row {@code line} (data-line), by their data-figure. */
    static Map<String, String> cells(String html, String line) {
        Matcher row = Pattern.compile("<tr data-line=\"" + Pattern.quote(line) + "\"[^>]*>(.*?)</tr>",
                Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("row " + line).isTrue();
        Matcher cell = Pattern.compile("<td data-figure=\"([^\"]+)\"[^>]*>([^<]*)</td>").matcher(row.group(1));
        Map<String, String> cells = new LinkedHashMap<>();
        while (cell.find()) {
            cells.put(cell.group(1), cell.group(2));
        }
        return cells;
    }

    @Test
    void theStatementNeedsASession() {
        ConsoleClient anonymous = new ConsoleClient("http://127.0.0.1:" + hub.port());
        for (String path : List.of(MONTHLY, statement(YearlyDataSet.ABEJ, "2026-01"),
                statement(YearlyDataSet.ABEJ, "2026-01") + "&format=csv")) {
            HttpResponse<String> page = anonymous.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(303);
            assertThat(ConsoleClient.location(page)).as(path).containsExactly("/console/connexion");
            assertThat(page.body()).as(path).doesNotContain("P1").doesNotContain(";");
        }
    }

    @Test
    void aNationalAccountReadsAWorksitesMonthFiguresOnlyAndTheReadIsJournaled() {
        ConsoleClient nadia = signedIn("nadia", ConsoleWebTest.NATIONAL_PASSWORD, nationalSecret);

        String page = nadia.get(statement(YearlyDataSet.ABEJ, "2026-01")).body();
        assertThat(page).contains("<h1>Relevé mensuel des heures · ABEJ Solidarité (Lille) · janvier 2026</h1>")
                .contains("<caption>").contains("scope=\"col\"").contains("<label for=\"mois\">")
                .contains("<label for=\"chantier\">");
        assertThat(cells(page, "P1")).containsExactly(Map.entry("participant", "P1"),
                Map.entry("contract", "Contrat Premières Heures"), Map.entry("entry", "03/03/2025"),
                Map.entry("contractEnd", ""), Map.entry("weeklyHours", ""), Map.entry("phcStep", "4\u00a0h"),
                Map.entry("TRAVAIL_CHANTIER", "10 h"), Map.entry("ENTREPRISE", "0 h"), Map.entry("FORMATION", "0 h"),
                Map.entry("worked", "10 h"), Map.entry("ABSENCE_JUSTIFIEE", "0 h"),
                Map.entry("ABSENCE_INJUSTIFIEE", "0 h"), Map.entry("fte", "0,07"), Map.entry("exit", ""),
                Map.entry("exitCategory", ""));
        assertThat(cells(page, "P2")).containsEntry("contract", "CDDI").containsEntry("weeklyHours", "26\u00a0h")
                .containsEntry("worked", "0 h").containsEntry("fte", "0,00");
        assertThat(cells(page, "total")).containsEntry("people", "2 personnes").containsEntry("worked", "10 h")
                .containsEntry("fte", "0,07").containsEntry("exits", "0 sortie");
        // Figures only: the name the hub holds never reaches the page.
        assertThat(page).doesNotContain("Témoin");
        assertThat(store.auditJournal(5)).anyMatch(e -> e.actor().equals("nadia")
                && e.action().equals("monthly-statement-read")
                && e.detail().equals("worksite=" + YearlyDataSet.ABEJ + " month=2026-01"));

        // June: an exit for a lasting job, and the month's neighbours linked.
        String june = nadia.get(statement(YearlyDataSet.ABEJ, "2026-06")).body();
        assertThat(cells(june, "P2")).containsEntry("exit", "30/06/2026").containsEntry("exitCategory",
                "Emploi durable");
        assertThat(cells(june, "total")).containsEntry("people", "3 personnes").containsEntry("exits", "1 sortie");
        assertThat(june).contains("href=\"" + statement(YearlyDataSet.ABEJ, "2026-05").replace("&", "&amp;") + "\"")
                .contains("href=\"" + statement(YearlyDataSet.ABEJ, "2026-07").replace("&", "&amp;") + "\"");
    }

    @Test
    void theYearlyTablesMonthsLeadToTheStatementAndTheMenuToo() {
        ConsoleClient nadia = signedIn("nadia", ConsoleWebTest.NATIONAL_PASSWORD, nationalSecret);

        String byMonth = nadia.get(YearlyTableWebTest.YEARLY + "/chantiers/" + YearlyDataSet.ABEJ + "?annee=2026")
                .body();
        assertThat(byMonth).contains("href=\"" + statement(YearlyDataSet.ABEJ, "2026-11").replace("&", "&amp;")
                + "\"");
        assertThat(byMonth).contains("<a href=\"" + MONTHLY + "\" title=\"Relevé mensuel des heures\">Relevés</a>");
        // Without a worksite: the choice of a worksite and a month, this month by default.
        String chooser = nadia.get(MONTHLY).body();
        assertThat(chooser).contains("<select id=\"chantier\"").contains("value=\"2026-12\"")
                .contains("Armée du Salut Lyon");
    }

    @Test
    void aCoordinatorReadsTheirTerritorysWorksitesOnly() {
        ConsoleClient colette = signedIn("colette", ConsoleWebTest.COORDINATOR_PASSWORD, null);

        assertThat(colette.get(statement(YearlyDataSet.EOLE, "2026-02")).statusCode()).isEqualTo(200);
        for (String path : List.of(statement(YearlyDataSet.LYON, "2026-02"),
                statement(YearlyDataSet.LYON, "2026-02") + "&format=csv")) {
            HttpResponse<String> refused = colette.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(content(refused.body())).as(path).contains("Accès refusé").doesNotContain("P8")
                    .doesNotContain("15 h");
        }
        assertThat(store.auditJournal(20)).filteredOn(e -> e.action().equals("access-refused"))
                .extracting(AuditEntry::detail).contains("worksite=" + YearlyDataSet.LYON);
        assertThat(store.auditJournal(20)).noneMatch(e -> e.action().startsWith("monthly-statement")
                && e.detail().contains(YearlyDataSet.LYON));
        // Their choice of worksites holds their territory's only.
        assertThat(colette.get(MONTHLY).body()).contains("Éole").doesNotContain("Armée du Salut");

        HttpResponse<String> unknown = colette.get(statement("nulle-part", "2026-02"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Chantier inconnu du hub.");
        HttpResponse<String> notAMonth = colette.get(statement(YearlyDataSet.EOLE, "2026-13"));
        assertThat(notAMonth.statusCode()).isEqualTo(400);
        assertThat(content(notAMonth.body())).contains("«\u00a02026-13\u00a0» n’est pas un mois")
                .doesNotContain("P5");
    }

    @Test
    void theCsvIsDownloadedForFrenchExcelWithIdsAndNoName() {
        ConsoleClient nadia = signedIn("nadia", ConsoleWebTest.NATIONAL_PASSWORD, nationalSecret);

        HttpResponse<String> csv = nadia.get(statement(YearlyDataSet.ABEJ, "2026-03") + "&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"releve-mensuel-abej-solidarite-2026-03.csv\"");
        assertThat(csv.body()).startsWith("\uFEFF").doesNotContain("Témoin");
        List<String> lines = Arrays.asList(csv.body().substring(1).split("\r\n"));
        assertThat(lines.get(0)).startsWith("Chantier;Mois;N°;Participant (identifiant);Contrat;")
                .endsWith(";ETP;Sortie;Type de sortie");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).isEqualTo(
                "ABEJ Solidarité (Lille);2026-03;2;P1;CDDI;;02/03/2026;;26;;0,00;0,00;2,00;2,00;1,00;0,00;0,01;;");
        assertThat(lines.get(3)).startsWith("ABEJ Solidarité (Lille);2026-03;Total (2 personnes);");
        assertThat(store.auditJournal(5)).anyMatch(e -> e.actor().equals("nadia")
                && e.action().equals("monthly-statement-exported")
                && e.detail().equals("worksite=" + YearlyDataSet.ABEJ + " month=2026-03 format=csv"));
    }
}
