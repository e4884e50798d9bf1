package fr.convergence.terrain.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.hub.report.YearlyDataSet;
import fr.convergence.terrain.hub.report.YearlyTableDocumentTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's yearly table over HTTP on 127.0.0.1, on the hand-counted {@link YearlyDataSet}: figures on the
 * page, the territory scope of a coordinator (403 elsewhere, journaled), the CSV and the PDF downloaded and read back.
 */
class YearlyTableWebTest extends HandCountedConsole {

    static final String YEARLY = "/console/tableau-annuel";


    /** The texts of the cells of the row {@code line} (data-line), in order. */
    static List<String> row(String html, String line) {
        Matcher row = Pattern.compile("<tr data-line=\"" + Pattern.quote(line) + "\"[^>]*>(.*?)</tr>",
                Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("row " + line).isTrue();
        Matcher cell = Pattern.compile("<td data-figure=\"[^\"]+\">([^<]*)</td>").matcher(row.group(1));
        List<String> cells = new java.util.ArrayList<>();
        while (cell.find()) {
            cells.add(cell.group(1));
        }
        return cells;
    }

    @Test
    void theYearlyTableNeedsASession() {
        ConsoleClient anonymous = new ConsoleClient("http://127.0.0.1:" + hub.port());
        for (String path : List.of(YEARLY, YEARLY + "?format=csv", YEARLY + "/territoires/lille",
                YEARLY + "/chantiers/" + YearlyDataSet.ABEJ + "?annee=2026&format=csv")) {
            HttpResponse<String> page = anonymous.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(303);
            assertThat(page.body()).as(path).doesNotContain("ABEJ").doesNotContain(";");
        }
    }

    @Test
    void aNationalAccountReadsTheCountryTheTerritoryAndTheWorksiteByMonth() {
        ConsoleClient nadia = signedIn("nadia", ConsoleWebTest.NATIONAL_PASSWORD, nationalSecret);

        String country = nadia.get(YEARLY + "?annee=2026").body();
        assertThat(country).contains("<caption>").contains("scope=\"col\"").contains("scope=\"row\"")
                .contains("scope=\"colgroup\"").contains("<label for=\"annee\">");
        assertThat(row(country, "lille")).containsExactly("2", "5", "3", "3", "2", "1", "1", "0", "1", "3",
                "66,7\u00a0%", "1", "17", "0,01");
        assertThat(row(country, "lyon")).containsExactly("1", "1", "1", "0", "0", "0", "0", "0", "0", "0", "—", "0",
                "15", "0,01");
        assertThat(row(country, "total")).containsExactly("3", "6", "4", "3", "2", "1", "1", "0", "1", "3",
                "66,7\u00a0%", "1", "32", "0,02");
        assertThat(row(country, "total-precedent")).containsExactly("3", "5", "3", "2", "2", "0", "0", "1", "1", "2",
                "50,0\u00a0%", "0", "28", "0,02");
        assertThat(row(country, "evolution")).containsExactly("0", "+1", "+1", "+1", "0", "+1", "+1", "\u22121",
                "0", "+1", "+16,7\u00a0points", "+1", "+4", "0,00");

        String lille = nadia.get(YEARLY + "/territoires/lille?annee=2026").body();
        assertThat(row(lille, YearlyDataSet.ABEJ)).containsExactly("1", "3", "2", "2", "1", "1", "0", "0", "1", "2",
                "50,0\u00a0%", "1", "12", "0,01");
        assertThat(row(lille, YearlyDataSet.EOLE).get(1)).isEqualTo("2");
        assertThat(lille).contains("href=\"/console/tableau-annuel/chantiers/" + YearlyDataSet.ABEJ + "?annee=2026\"");

        String abej = nadia.get(YEARLY + "/chantiers/" + YearlyDataSet.ABEJ + "?annee=2026").body();
        assertThat(row(abej, "2026-01")).containsExactly("2", "1", "1", "0", "0", "0", "0", "0", "0", "—", "0", "10",
                "0,07");
        assertThat(row(abej, "2026-06").get(9)).isEqualTo("100,0\u00a0%");
        // Figures only: no participant's id, name or note reaches the page.
        assertThat(content(abej)).doesNotContain("P1").doesNotContain("P2").doesNotContain("FORMATION_QUALIFIANTE");
    }

    @Test
    void aCoordinatorSeesTheirTerritoryOnlyAndIsRefusedAnothersPages() {
        ConsoleClient colette = signedIn("colette", ConsoleWebTest.COORDINATOR_PASSWORD, null);

        HttpResponse<String> country = colette.get(YEARLY + "?annee=2026");
        assertThat(country.statusCode()).isEqualTo(200);
        assertThat(row(country.body(), "lille").get(1)).isEqualTo("5");
        assertThat(country.body()).doesNotContain("data-line=\"lyon\"").doesNotContain("data-line=\"total\"")
                .doesNotContain("Armée du Salut");
        assertThat(colette.get(YEARLY + "/territoires/lille?annee=2026").statusCode()).isEqualTo(200);
        assertThat(colette.get(YEARLY + "/chantiers/" + YearlyDataSet.EOLE).statusCode()).isEqualTo(200);

        for (String path : List.of(YEARLY + "/territoires/lyon", YEARLY + "/territoires/lyon?format=csv",
                YEARLY + "/chantiers/" + YearlyDataSet.LYON, YEARLY + "/chantiers/" + YearlyDataSet.LYON
                        + "?annee=2025&format=csv", YEARLY + "/territoires/hors-territoire")) {
            HttpResponse<String> refused = colette.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).contains("Accès refusé").doesNotContain("data-figure")
                    .doesNotContain("15,00");
        }
        assertThat(store.auditJournal(20)).filteredOn(e -> e.action().equals("access-refused"))
                .extracting(AuditEntry::detail).contains("territory=lyon", "worksite=" + YearlyDataSet.LYON);
    }

    @Test
    void theCsvIsDownloadedForFrenchExcelAndReadsBackAsThePage() {
        ConsoleClient nadia = signedIn("nadia", ConsoleWebTest.NATIONAL_PASSWORD, nationalSecret);

        HttpResponse<String> csv = nadia.get(YEARLY + "/territoires/lille?annee=2026&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"tableau-annuel-2026-lille.csv\"");
        String body = csv.body();
        assertThat(body).startsWith("\uFEFF");
        List<List<String>> lines = Arrays.stream(body.substring(1).split("\r\n"))
                .map(l -> List.of(l.split(";", -1))).toList();
        assertThat(lines.get(0)).startsWith("Année", "Chantier", "Chantiers", "File active");
        assertThat(lines).hasSize(7).allMatch(l -> l.size() == 16);
        assertThat(lines.get(1)).containsExactly("2026", "ABEJ Solidarité (Lille)", "1", "3", "2", "2", "1", "1",
                "0", "0", "1", "2", "50,0", "1", "12,00", "0,01");
        assertThat(lines.get(3)).containsExactly("2026", "Total Lille", "2", "5", "3", "3", "2", "1", "1", "0", "1",
                "3", "66,7", "1", "17,00", "0,01");
        assertThat(lines.get(6)).containsExactly("2025", "Total Lille", "2", "3", "2", "1", "1", "0", "0", "1", "0",
                "1", "100,0", "0", "20,00", "0,01");
        assertThat(store.auditJournal(10)).anyMatch(e -> e.actor().equals("nadia")
                && e.action().equals("yearly-table-exported") && e.detail().equals("territory=lille year=2026 format=csv"));
    }

    @Test
    void aCoordinatorDownloadsTheirTerritorysPdfAndIsRefusedAnothers() {
        ConsoleClient colette = signedIn("colette", ConsoleWebTest.COORDINATOR_PASSWORD, null);
        assertThat(colette.get(YEARLY + "/territoires/lille?annee=2026").body()).contains("Télécharger en PDF")
                .contains("/console/tableau-annuel/territoires/lille?annee=2026&amp;format=pdf");

        HttpResponse<byte[]> lille = colette.getBytes(YEARLY + "/territoires/lille?annee=2026&format=pdf");
        assertThat(lille.statusCode()).isEqualTo(200);
        assertThat(lille.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(lille.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"tableau-annuel-2026-lille.pdf\"");
        String text = YearlyTableDocumentTest.text(lille.body());
        assertThat(text.lines()).contains("ABEJ Solidarité (Lille) 1 3 2 2 1 1 0 0 1 2 50,0 % 1 12 0,01",
                "Total 2026 2 5 3 3 2 1 1 0 1 3 66,7 % 1 17 0,01", "Total 2025 2 3 2 1 1 0 0 1 0 1 100,0 % 0 20 0,01");
        // Their country's PDF: Lille only, and no national total.
        String country = YearlyTableDocumentTest.text(colette.getBytes(YEARLY + "?annee=2026&format=pdf").body());
        assertThat(country.lines()).anyMatch(l -> l.startsWith("Lille 2 5 3 3 2 1 1 0 1 3 66,7 % 1 17"));
        assertThat(country).doesNotContain("Lyon").doesNotContain("Total 2026");

        for (String path : List.of(YEARLY + "/territoires/lyon?annee=2026&format=pdf",
                YEARLY + "/chantiers/" + YearlyDataSet.LYON + "?format=pdf",
                YEARLY + "/territoires/hors-territoire?format=pdf")) {
            HttpResponse<byte[]> refused = colette.getBytes(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).as(path).contains("Accès refusé")
                    .doesNotStartWith("%PDF");
        }
        assertThat(store.auditJournal(20)).anyMatch(e -> e.actor().equals("colette")
                        && e.action().equals("yearly-table-exported")
                        && e.detail().equals("territory=lille year=2026 format=pdf"))
                .anyMatch(e -> e.action().equals("access-refused") && e.detail().equals("territory=lyon"));
    }

    @Test
    void aYearThatIsNotOneIsSaidInFrench() {
        ConsoleClient nadia = signedIn("nadia", ConsoleWebTest.NATIONAL_PASSWORD, nationalSecret);

        HttpResponse<String> page = nadia.get(YEARLY + "?annee=deux-mille");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("n’est pas une année");
        assertThat(nadia.get(YEARLY + "?annee=12026").statusCode()).isEqualTo(400);
        // Without a year: this year, on the hub's clock.
        assertThat(nadia.get(YEARLY).body()).contains("<h1>Tableau annuel 2026 · France entière</h1>");
    }
}
