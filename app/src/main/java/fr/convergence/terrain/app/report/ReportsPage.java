package fr.convergence.terrain.app.report;

import fr.convergence.terrain.app.common.Charts;
import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.app.shell.Page;
import fr.convergence.terrain.app.shell.PageContext;
import fr.convergence.terrain.core.report.ReportScope;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Rapports: scope and period pickers, one chart per figure with a sentence giving its key numbers, and the CSV
 * export. The definitions of the figures are those of docs/indicators.md.
 */
public final class ReportsPage implements Page {

    private final ReportsViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final GridPane charts = new GridPane();

    public ReportsPage(PageContext context) {
        this(new ReportsViewModel(context.services().reports(), context.session(), context.executor(),
                context.clock()));
    }

    ReportsPage(ReportsViewModel viewModel) {
        this.viewModel = viewModel;
        Label title = new Label(I18n.t("report.title"));
        title.getStyleClass().add(Styles.PAGE_TITLE);
        ComboBox<ReportScope> scope = new ComboBox<>(viewModel.scopes());
        scope.setId("report-scope");
        scope.setConverter(Controls.labels(s -> s.label()));
        scope.valueProperty().bindBidirectional(viewModel.scopeProperty());
        ComboBox<ReportsViewModel.PeriodChoice> period = new ComboBox<>(
                FXCollections.observableArrayList(ReportsViewModel.PeriodChoice.values()));
        period.setId("report-period");
        period.setConverter(Controls.labels(p -> p.label()));
        period.valueProperty().bindBidirectional(viewModel.periodChoiceProperty());
        TextField from = dateField("report-from");
        from.textProperty().bindBidirectional(viewModel.fromProperty());
        TextField to = dateField("report-to");
        to.textProperty().bindBidirectional(viewModel.toProperty());
        Button compute = new Button(I18n.t("report.compute"));
        compute.setId("report-compute");
        compute.getStyleClass().add(Styles.ACCENT);
        compute.setDefaultButton(true);
        compute.disableProperty().bind(viewModel.busyProperty());
        compute.setOnAction(e -> viewModel.compute());
        Button export = new Button(I18n.t("report.export"));
        export.setId("report-export");
        export.disableProperty().bind(viewModel.busyProperty().or(viewModel.reportProperty().isNull()));
        export.setOnAction(e -> chooseExportFile());
        javafx.scene.layout.FlowPane pickers = Controls.wrappingBar(scope, period,
                Controls.formLabel(I18n.t("report.from"), from), from, Controls.formLabel(I18n.t("report.to"), to), to,
                compute, export);
        Label statementTitle = new Label(I18n.t("report.statement.title"));
        statementTitle.getStyleClass().add(Styles.SECTION_TITLE);
        ComboBox<ReportScope> statementWorksite = new ComboBox<>(viewModel.statementWorksites());
        statementWorksite.setId("statement-worksite");
        statementWorksite.setConverter(Controls.labels(ReportScope::name));
        statementWorksite.valueProperty().bindBidirectional(viewModel.statementWorksiteProperty());
        ComboBox<YearMonth> statementMonth = new ComboBox<>(viewModel.statementMonths());
        statementMonth.setId("statement-month");
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern("LLLL yyyy", I18n.locale());
        statementMonth.setConverter(Controls.labels(m -> capitalized(monthFormat.format(m))));
        statementMonth.valueProperty().bindBidirectional(viewModel.statementMonthProperty());
        Button statementPdf = statementButton("statement-pdf", "report.statement.pdf",
                ReportsViewModel.StatementFormat.PDF, "report.statement.pdfFilter", "*.pdf");
        Button statementCsv = statementButton("statement-csv", "report.statement.csv",
                ReportsViewModel.StatementFormat.CSV, "report.export.filter", "*.csv");
        javafx.scene.layout.FlowPane statementBar = Controls.wrappingBar(
                Controls.formLabel(I18n.t("report.statement.worksite"), statementWorksite), statementWorksite,
                Controls.formLabel(I18n.t("report.statement.month"), statementMonth), statementMonth,
                statementPdf, statementCsv);
        Label heading = new Label();
        heading.setId("report-heading");
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        heading.textProperty().bind(viewModel.headingProperty());
        Label message = new Label();
        message.setId("report-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(viewModel.messageProperty());
        Label errors = new Label();
        errors.setId("report-errors");
        errors.setWrapText(true);
        errors.getStyleClass().add(Styles.ERROR);
        errors.textProperty().bind(viewModel.errorsProperty());
        Controls.collapseWhenEmpty(message, errors);
        VBox top = new VBox(8, title, pickers, statementTitle, statementBar, heading, message, errors);
        top.setPadding(new Insets(0, 0, 8, 0));

        charts.setId("report-charts");
        charts.setHgap(12);
        charts.setVgap(12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        charts.getColumnConstraints().addAll(half, half);
        viewModel.charts().addListener((ListChangeListener<ReportsViewModel.ChartData>) c -> fillCharts());
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        root.setTop(top);
        root.setCenter(scroll);
        root.setPadding(new Insets(12));
        root.getStyleClass().add(Styles.PAGE);
    }

    private Button statementButton(String id, String textKey, ReportsViewModel.StatementFormat format,
                                   String filterKey, String pattern) {
        Button button = new Button(I18n.t(textKey));
        button.setId(id);
        button.disableProperty().bind(viewModel.busyProperty()
                .or(viewModel.statementWorksiteProperty().isNull()));
        button.setOnAction(e -> Controls.chooseFileToSave(root, I18n.t("report.statement.saveTitle"),
                viewModel.suggestedStatementFileName(format), I18n.t(filterKey), pattern)
                .ifPresent(file -> viewModel.saveStatement(format, file)));
        return button;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static TextField dateField(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(9);
        field.setPromptText(I18n.t("form.datePrompt"));
        return field;
    }

    private void fillCharts() {
        charts.getChildren().clear();
        int index = 0;
        for (ReportsViewModel.ChartData data : viewModel.charts()) {
            charts.add(card(data), index % 2, index / 2);
            index++;
        }
    }

    private static Node card(ReportsViewModel.ChartData data) {
        Label title = new Label(data.title());
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Label caption = new Label(data.caption());
        caption.setId("report-caption-" + data.id());
        caption.setWrapText(true);
        CategoryAxis categories = new CategoryAxis();
        // Stacked bars reach the sum of their series; plain bars their largest value.
        double largest = 0;
        for (int i = 0; i < data.categories().size(); i++) {
            double sum = 0;
            for (ReportsViewModel.SeriesData series : data.series()) {
                double value = series.values().get(i).doubleValue();
                sum += value;
                largest = Math.max(largest, value);
            }
            if (data.kind() == ReportsViewModel.ChartKind.STACKED_BAR) {
                largest = Math.max(largest, sum);
            }
        }
        NumberAxis values = Charts.wholeNumberAxis(data.unit(), largest, 1);
        XYChart<String, Number> chart = data.kind() == ReportsViewModel.ChartKind.STACKED_BAR
                ? new StackedBarChart<>(categories, values) : new BarChart<>(categories, values);
        chart.setId("report-chart-" + data.id());
        chart.setAnimated(false);
        chart.setLegendVisible(data.series().size() > 1);
        chart.setPrefHeight(260);
        chart.setMinHeight(220);
        for (ReportsViewModel.SeriesData series : data.series()) {
            XYChart.Series<String, Number> drawn = new XYChart.Series<>();
            drawn.setName(series.name());
            for (int i = 0; i < data.categories().size(); i++) {
                drawn.getData().add(new XYChart.Data<>(data.categories().get(i), series.values().get(i)));
            }
            chart.getData().add(drawn);
        }
        VBox card = new VBox(6, title, caption, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        card.getStyleClass().add(Styles.CARD);
        card.setPadding(new Insets(10));
        return card;
    }

    private void chooseExportFile() {
        Controls.chooseFileToSave(root, I18n.t("report.export.title"), viewModel.suggestedFileName(),
                I18n.t("report.export.filter"), "*.csv").ifPresent(viewModel::export);
    }

    public ReportsViewModel viewModel() {
        return viewModel;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        viewModel.refresh();
    }
}
