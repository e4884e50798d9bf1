package fr.convergence.terrain.app;

import fr.convergence.terrain.app.report.ReportsPage;
import fr.convergence.terrain.app.report.ReportsViewModel;
import fr.convergence.terrain.app.shell.PageRegistry;
import fr.convergence.terrain.app.sync.SyncAgent;
import fr.convergence.terrain.core.report.Report;
import fr.convergence.terrain.core.report.ReportScope;
import fr.convergence.terrain.core.text.Texts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportExportTest extends FeatureTestSupport {

    private ReportsPage reports;

    @Override
    Function<SyncAgent, PageRegistry> pages() {
        return sync -> TerrainPages.standard(sync).replace("reports", ctx -> {
            reports = new ReportsPage(ctx);
            return reports;
        });
    }

    @Test
    void theCoordinatorComputesTheTerritoryReportWithAChartPerFigureAndExportsItForExcel() throws Exception {
        startDemoAs("Sandrine");
        clickOn("#nav-reports");
        assertThat(text("#report-heading")).as(text("#report-errors"))
                .startsWith("Territoire : Lille — du 01/01/2026 au 18/03/2026");

        choose("#report-period", ReportsViewModel.PeriodChoice.PREVIOUS_YEAR);
        assertThat(text("#report-from")).isEqualTo("01/01/2025");
        clickOn("#report-compute");

        assertThat(text("#report-heading")).isEqualTo("Territoire : Lille — du 01/01/2025 au 31/12/2025");
        for (String chart : List.of("caseload", "flows", "exits", "steps", "transitions", "hours")) {
            XYChart<?, ?> drawn = lookup("#report-chart-" + chart).queryAs(XYChart.class);
            assertThat(drawn.getData()).as(chart).isNotEmpty();
            // Counts and hours on whole-number ticks from 0, above the largest bar (no 0.5 person).
            javafx.scene.chart.NumberAxis values = (javafx.scene.chart.NumberAxis) drawn.getYAxis();
            assertThat(values.getLowerBound()).as(chart).isZero();
            assertThat(values.getTickUnit() % 1).as(chart + " ticks").isZero();
            assertThat(values.getTickUnit()).as(chart + " ticks").isGreaterThanOrEqualTo(1);
            assertThat(values.getTickLabelFormatter().toString(1234)).as(chart + " labels").matches("1[\u00a0\u202f]234");
        }
        Report report = reports.viewModel().reportProperty().get();
        assertThat(report.scope()).isEqualTo(ReportScope.territory("lille", "Lille"));
        assertThat(report.activeCaseload().total()).isPositive();
        assertThat(text("#report-caption-caseload")).startsWith(Texts.number(report.activeCaseload().total())
                + " personnes suivies");
        assertThat(lookup("#report-chart-hours").queryAs(XYChart.class).getData()).hasSize(3);
        assertThat(reports.viewModel().suggestedFileName()).isEqualTo("rapport-lille-2025-01-01-2025-12-31.csv");

        Path file = dataDir.resolve("rapport.csv");
        interact(() -> reports.viewModel().export(file));

        assertThat(text("#report-message")).startsWith("Rapport exporté dans " + file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        // The demo store's export: every line says the data are fictitious, in a last column.
        assertThat(lines.get(0)).isEqualTo("Périmètre;Du;Au;Indicateur;Détail;Mois;Valeur;Unité;Nature des données");
        assertThat(lines).contains("Territoire : Lille;01/01/2025;31/12/2025;File active;Total;;"
                + report.activeCaseload().total() + ";personnes;DÉMONSTRATION — données fictives");
        assertThat(lines).anyMatch(l -> l.matches(
                "Territoire : Lille;01/01/2025;31/12/2025;Heures réalisées;Total;;\\d+,\\d{2};heures;"
                        + "DÉMONSTRATION — données fictives"));
    }

    @Test
    void anEducatorReportsOnTheWorksiteOnly() {
        startDemoAs("Camille");
        clickOn("#nav-reports");

        assertThat(reports.viewModel().scopes()).extracting(ReportScope::kind)
                .containsOnly(ReportScope.Kind.WORKSITE);
        assertThat(text("#report-heading")).startsWith("Chantier : ABEJ Solidarité");
    }

    @Test
    void theCoordinatorSavesTheMonthlyHoursStatementOfAWorksiteAsPdfAndCsv() throws Exception {
        startDemoAs("Sandrine");
        clickOn("#nav-reports");
        ReportScope abej = ReportScope.worksite("abej-solidarite", "ABEJ Solidarité");
        assertThat(reports.viewModel().statementWorksites()).contains(abej)
                .allMatch(s -> s.kind() == ReportScope.Kind.WORKSITE);
        // The month just over comes chosen: the one a worksite declares.
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<YearMonth> month = lookup("#statement-month")
                .queryAs(javafx.scene.control.ComboBox.class);
        assertThat(month.getConverter().toString(month.getValue())).isEqualTo("Février 2026");
        assertThat(lookup("#statement-pdf").queryButton().getText()).isEqualTo("Enregistrer en PDF…");
        assertThat(lookup("#statement-csv").queryButton().isDisabled()).isFalse();

        choose("#statement-worksite", abej);
        choose("#statement-month", YearMonth.of(2026, 1));
        assertThat(reports.viewModel().suggestedStatementFileName(ReportsViewModel.StatementFormat.PDF))
                .isEqualTo("releve-heures-abej-solidarite-2026-01.pdf");
        Path pdf = dataDir.resolve("releve.pdf");
        Path csv = dataDir.resolve("releve.csv");
        interact(() -> reports.viewModel().saveStatement(ReportsViewModel.StatementFormat.PDF, pdf));

        assertThat(text("#report-errors")).isEmpty();
        assertThat(text("#report-message")).matches("Relevé mensuel enregistré dans " + java.util.regex.Pattern.quote(
                pdf.toString()) + " \\(\\d+ personnes sous contrat\\)\\.");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getPage(0).getMediaBox().getWidth())
                    .isGreaterThan(document.getPage(0).getMediaBox().getHeight());
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Relevé mensuel des heures", "Janvier 2026", "ABEJ Solidarité", "DÉMONSTRATION");
        }

        interact(() -> reports.viewModel().saveStatement(ReportsViewModel.StatementFormat.CSV, csv));

        assertThat(text("#report-message")).startsWith("Relevé mensuel enregistré dans " + csv);
        byte[] bytes = Files.readAllBytes(csv);
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).startsWith("Chantier;Mois;Nom;Prénom;Contrat;");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("ABEJ Solidarité;2026-01;"));
        assertThat(lines.get(lines.size() - 1)).contains(";Total (");
    }
}
