package fr.convergence.terrain.hub.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.convergence.terrain.hub.store.JooqHubStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every figure of the yearly table on the hand-counted {@link YearlyDataSet}, read from the hub's store (SQLite here,
 * PostgreSQL in the subclass). Each line is written as the CSV writes its figures, in {@link YearlyFigure} order:
 * worksites; file active, CVG, PHC; PHC entries; exits emploi durable, de transition, sortie positive, autre sortie,
 * total, share of sorties dynamiques (%); PHC → CDDI; hours; FTE.
 */
class YearlyTablesTest {

    @TempDir
    Path dir;

    JooqHubStore store;
    YearlyTables tables;

    JooqHubStore openStore() {
        return JooqHubStore.sqlite(dir.resolve("hub.db"));
    }

    @BeforeEach
    void load() {
        store = openStore();
        YearlyDataSet.load(store);
        tables = new YearlyTables(store, Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        if (store != null) { // null when the PostgreSQL half was skipped before opening it
            store.close();
        }
    }

    static String figures(YearlyTable table, fr.convergence.terrain.core.report.Report report) {
        return table.figures().stream().map(f -> f.csv(report)).collect(Collectors.joining(";"));
    }

    static List<String> lines(YearlyTable table, boolean previous) {
        return table.lines().stream().map(l -> l.label() + ": " + figures(table, previous ? l.previous() : l.current()))
                .toList();
    }

    @Test
    void theCountryByTerritoryWithTheNationalTotalAndTheYearBefore() {
        YearlyTable table = tables.national(2026, t -> true, true);

        assertThat(lines(table, false)).containsExactly(
                "Lille: 2;5;3;3;2;1;1;0;1;3;66,7;1;17,00;0,01",
                "Lyon: 1;1;1;0;0;0;0;0;0;0;;0;15,00;0,01");
        assertThat(lines(table, true)).containsExactly(
                "Lille: 2;3;2;1;1;0;0;1;0;1;100,0;0;20,00;0,01",
                "Lyon: 1;2;1;1;1;0;0;0;1;1;0,0;0;8,00;0,00");
        assertThat(figures(table, table.total().current())).isEqualTo("3;6;4;3;2;1;1;0;1;3;66,7;1;32,00;0,02");
        assertThat(figures(table, table.total().previous())).isEqualTo("3;5;3;2;2;0;0;1;1;2;50,0;0;28,00;0,02");
        // 32 h worked in 2026 over 1,820 h a year.
        assertThat(table.total().current().hours().fullTimeEquivalents()).isCloseTo(32.0 / 1820, within(1e-12));
        assertThat(table.figures().stream().map(f -> f.change(table.total().current(), table.total().previous()))
                .toList()).containsExactly("0", "+1", "+1", "+1", "0", "+1", "+1", "\u22121", "0", "+1",
                "+16,7\u00a0points", "+1", "+4", "0,00");
    }

    @Test
    void aCoordinatorsCountryPageHasTheirTerritoryOnlyAndNoNationalTotal() {
        YearlyTable table = tables.national(2026, "lyon"::equals, false);

        assertThat(lines(table, false)).containsExactly("Lyon: 1;1;1;0;0;0;0;0;0;0;;0;15,00;0,01");
        assertThat(table.total()).isNull();
    }

    @Test
    void aTerritoryByWorksite() {
        YearlyTable table = tables.territory(2026, "lille").orElseThrow();

        assertThat(lines(table, false)).containsExactly(
                "ABEJ Solidarité (Lille): 1;3;2;2;1;1;0;0;1;2;50,0;1;12,00;0,01",
                "Éole (Lille): 1;2;1;1;1;0;1;0;0;1;100,0;0;5,00;0,00");
        assertThat(lines(table, true)).containsExactly(
                "ABEJ Solidarité (Lille): 1;3;2;1;1;0;0;1;0;1;100,0;0;20,00;0,01",
                "Éole (Lille): 1;0;0;0;0;0;0;0;0;0;;0;0,00;0,00");
        assertThat(figures(table, table.total().current())).isEqualTo("2;5;3;3;2;1;1;0;1;3;66,7;1;17,00;0,01");
        assertThat(tables.territory(2026, "marseille")).isEmpty();
    }

    @Test
    void aWorksiteByMonthWithoutAWorksiteCount() {
        YearlyTable table = tables.worksite(2026, YearlyDataSet.ABEJ).orElseThrow();

        assertThat(table.figures()).doesNotContain(YearlyFigure.WORKSITES);
        assertThat(lines(table, false)).containsExactly(
                "janvier 2026: 2;1;1;0;0;0;0;0;0;;0;10,00;0,07",
                "février 2026: 2;1;1;0;0;0;0;0;0;;1;0,00;0,00",
                "mars 2026: 2;2;0;0;0;0;0;0;0;;0;2,00;0,01",
                "avril 2026: 3;2;1;1;0;0;0;0;0;;0;0,00;0,00",
                "mai 2026: 3;2;1;0;0;0;0;0;0;;0;0,00;0,00",
                "juin 2026: 3;2;1;0;1;0;0;0;1;100,0;0;0,00;0,00",
                "juillet 2026: 2;1;1;0;0;0;0;0;0;;0;0,00;0,00",
                "août 2026: 2;1;1;0;0;0;0;0;0;;0;0,00;0,00",
                "septembre 2026: 2;1;1;0;0;0;0;0;0;;0;0,00;0,00",
                "octobre 2026: 2;1;1;0;0;0;0;1;1;0,0;0;0,00;0,00",
                "novembre 2026: 1;1;0;0;0;0;0;0;0;;0;0,00;0,00",
                "décembre 2026: 1;1;0;0;0;0;0;0;0;;0;0,00;0,00");
        // March 2025: P1 entered PHC on the 3rd, P4 was still there.
        assertThat(figures(table, table.lines().get(2).previous())).isEqualTo("2;1;1;1;0;0;0;0;0;;0;0,00;0,00");
        assertThat(figures(table, table.total().current())).isEqualTo("3;2;2;1;1;0;0;1;2;50,0;1;12,00;0,01");
        assertThat(tables.worksite(2026, "inconnu")).isEmpty();
    }

    @Test
    void theStoreIsReadAgainOnlyWhenTheHubsDataChanged() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        HubReportSource counted = new HubReportSource() {
            @Override
            public HubReportData reportData(java.time.LocalDate from, java.time.LocalDate to) {
                reads.incrementAndGet();
                return store.reportData(from, to);
            }

            @Override
            public HubMonthlyData monthlyData(String worksiteId, java.time.LocalDate from, java.time.LocalDate to) {
                return store.monthlyData(worksiteId, from, to);
            }

            @Override
            public long dataVersion() {
                return store.dataVersion();
            }
        };
        YearlyTables cached = new YearlyTables(counted, Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"),
                ZoneOffset.UTC));
        assertThat(cached.national(2026, t -> true, true).total().current().activeCaseload().total()).isEqualTo(6);
        cached.territory(2026, "lille");
        cached.worksite(2026, YearlyDataSet.ABEJ);
        assertThat(reads).hasValue(1);

        // A new person synced to Lyon: the next table reads the store again and counts them.
        YearlyDataSet.addEnrolment(store, "P10", YearlyDataSet.LYON, "2026-05-04");
        assertThat(cached.national(2026, t -> true, true).total().current().activeCaseload().total()).isEqualTo(7);
        assertThat(reads).hasValue(2);
        cached.national(2025, t -> true, true);
        assertThat(reads).hasValue(3);
    }

    @Test
    void theCsvIsForFrenchExcelWithBothYears() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        YearlyTableCsv.write(tables.national(2026, t -> true, true), out);
        byte[] bytes = out.toByteArray();

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).containsExactly(
                "Année;Territoire;Chantiers;File active;dont CVG;dont PHC;Entrées en PHC;Emploi durable;"
                        + "Emploi de transition;Sortie positive;Autre sortie;Total des sorties;"
                        + "Part des sorties dynamiques (%);Passages PHC → CDDI;Heures réalisées (heures);ETP",
                "2026;Lille;2;5;3;3;2;1;1;0;1;3;66,7;1;17,00;0,01",
                "2026;Lyon;1;1;1;0;0;0;0;0;0;0;;0;15,00;0,01",
                "2026;Total France entière;3;6;4;3;2;1;1;0;1;3;66,7;1;32,00;0,02",
                "2025;Lille;2;3;2;1;1;0;0;1;0;1;100,0;0;20,00;0,01",
                "2025;Lyon;1;2;1;1;1;0;0;0;1;1;0,0;0;8,00;0,00",
                "2025;Total France entière;3;5;3;2;2;0;0;1;1;2;50,0;0;28,00;0,02");
    }

    @Test
    void theJsonHasTheSameFigures() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        YearlyTableJson.write(tables.national(2026, t -> true, true), out);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toByteArray());

        assertThat(json.get("year").asInt()).isEqualTo(2026);
        assertThat(json.get("lines").get(0).get("id").asText()).isEqualTo("lille");
        var total = json.get("total").get("figures");
        assertThat(total.get("activeCaseload").asInt()).isEqualTo(6);
        assertThat(total.get("dynamicExitShare").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(total.get("hoursWorked").decimalValue()).isEqualByComparingTo("32.00");
        assertThat(json.get("lines").get(1).get("figures").get("dynamicExitShare").isNull()).isTrue();
        assertThat(json.get("total").get("previousYear").get("exits").asInt()).isEqualTo(2);
    }
}
