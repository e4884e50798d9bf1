package fr.convergence.terrain.app.report;

import fr.convergence.terrain.core.text.TypedDate;
import fr.convergence.terrain.app.common.Formats;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.print.PdfPrinter;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.report.MonthlyStatement;
import fr.convergence.terrain.core.report.Report;
import fr.convergence.terrain.core.report.ReportCsv;
import fr.convergence.terrain.core.report.ReportPeriod;
import fr.convergence.terrain.core.report.ReportScope;
import fr.convergence.terrain.core.report.ReportService;
import fr.convergence.terrain.core.security.PrivateFiles;
import fr.convergence.terrain.core.text.SearchText;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.core.verdict.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Rapports page: which scope (the worksite, or the territory for its coordinator) and which period, the
 * figures of {@link ReportService} turned into one chart each, and the CSV export for Excel.
 */
public final class ReportsViewModel {

    /** The usual periods: choosing one fills in the first and last days, which the user can still change. */
    public enum PeriodChoice {
        CURRENT_YEAR, LAST_TWELVE_MONTHS, PREVIOUS_YEAR;

        public String label() {
            return switch (this) {
                case CURRENT_YEAR -> I18n.t("report.period.currentYear");
                case LAST_TWELVE_MONTHS -> I18n.t("report.period.lastTwelveMonths");
                case PREVIOUS_YEAR -> I18n.t("report.period.previousYear");
            };
        }
    }

    /** How a chart draws its series. */
    public enum ChartKind { BAR, STACKED_BAR }

    /** One series of a chart: a value per category. */
    public record SeriesData(String name, List<Number> values) {
    }

    /** One figure as a chart: its title, a sentence with the key numbers, categories and series. */
    public record ChartData(String id, String title, String caption, ChartKind kind, String unit,
                            List<String> categories, List<SeriesData> series) {
    }

    /** How many months back the statement's month list goes (the current one included). */
    static final int STATEMENT_MONTHS = 24;

    /** The two files the monthly statement is saved as. */
    public enum StatementFormat { PDF, CSV }

    private final ReportService service;
    private final Session session;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ObservableList<ReportScope> scopes = FXCollections.observableArrayList();
    private final ObjectProperty<ReportScope> scope = new SimpleObjectProperty<>(this, "scope");
    private final ObjectProperty<PeriodChoice> periodChoice = new SimpleObjectProperty<>(this, "periodChoice");
    private final StringProperty from = new SimpleStringProperty(this, "from", "");
    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private final ReadOnlyObjectWrapper<Report> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<ChartData> charts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper(this, "errors", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<ReportScope> statementWorksites = FXCollections.observableArrayList();
    private final ObjectProperty<ReportScope> statementWorksite = new SimpleObjectProperty<>(this,
            "statementWorksite");
    private final ObservableList<YearMonth> statementMonths = FXCollections.observableArrayList();
    private final ObjectProperty<YearMonth> statementMonth = new SimpleObjectProperty<>(this, "statementMonth");
    private boolean ready;

    public ReportsViewModel(ReportService service, Session session, TaskExecutor executor, Clock clock) {
        this.service = service;
        this.session = session;
        this.executor = executor;
        this.clock = clock;
        periodChoice.addListener((obs, was, now) -> applyChoice(now));
        periodChoice.set(PeriodChoice.CURRENT_YEAR);
        // The statement is declared for the month just over: it comes first after the current one.
        YearMonth current = YearMonth.now(clock);
        for (int i = 0; i < STATEMENT_MONTHS; i++) {
            statementMonths.add(current.minusMonths(i));
        }
        statementMonth.set(current.minusMonths(1));
    }

    private void applyChoice(PeriodChoice choice) {
        if (choice == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        ReportPeriod period = switch (choice) {
            case CURRENT_YEAR -> ReportPeriod.yearToDate(today);
            case LAST_TWELVE_MONTHS -> ReportPeriod.lastTwelveMonths(today);
            case PREVIOUS_YEAR -> ReportPeriod.year(today.getYear() - 1);
        };
        from.set(Formats.date(period.from()));
        to.set(Formats.date(period.to()));
    }

    /** Reads the scopes the user may report on (once), then computes the report of the first one. */
    public void refresh() {
        if (ready) {
            return;
        }
        executor.run(() -> service.scopes(session.user()), list -> {
            scopes.setAll(list);
            scope.set(list.isEmpty() ? null : list.get(0));
            statementWorksites.setAll(list.stream().filter(s -> s.kind() == ReportScope.Kind.WORKSITE).toList());
            statementWorksite.set(statementWorksites.isEmpty() ? null : statementWorksites.get(0));
            ready = true;
            compute();
        }, e -> errors.set(UserMessages.of(e)));
    }

    /** Computes the report of the chosen scope and period. */
    public void compute() {
        TypedDate first = Formats.parseDate(from.get());
        TypedDate last = Formats.parseDate(to.get());
        if (!first.valid() || !last.valid()) {
            errors.set(!first.valid() ? Formats.dateProblem(first, I18n.t("report.period"), from.get())
                    : Formats.dateProblem(last, I18n.t("report.period"), to.get()));
            return;
        }
        Verdict verdict = ReportPeriod.check(first.value().orElse(null), last.value().orElse(null));
        if (verdict.isRefused()) {
            errors.set(verdict.text());
            return;
        }
        ReportScope chosen = scope.get();
        if (chosen == null) {
            errors.set(I18n.t("report.noScope"));
            return;
        }
        ReportPeriod period = new ReportPeriod(first.value().orElseThrow(), last.value().orElseThrow());
        busy.set(true);
        message.set("");
        executor.run(() -> service.compute(session.user(), chosen, period), this::show, this::failed);
    }

    private void show(Report computed) {
        busy.set(false);
        errors.set("");
        report.set(computed);
        heading.set(I18n.t("report.heading", computed.scope().label(), computed.period().label()));
        List<ChartData> list = new ArrayList<>();
        var caseload = computed.activeCaseload();
        list.add(new ChartData("caseload", I18n.t("report.caseload.title"), I18n.t("report.caseload.caption",
                caseload.total(), caseload.byProgramme().get(Programme.PHC), caseload.byProgramme().get(Programme.CVG),
                caseload.presentOn(), Formats.date(caseload.onDay())), ChartKind.BAR, I18n.t("report.unit.people"),
                months(caseload.byMonth().keySet()),
                List.of(new SeriesData(I18n.t("report.caseload.series"), List.copyOf(caseload.byMonth().values())))));
        var flows = computed.entriesAndExits();
        list.add(new ChartData("flows", I18n.t("report.flows.title"), I18n.t("report.flows.caption",
                flows.entries(), flows.exits()), ChartKind.BAR, I18n.t("report.unit.people"),
                months(flows.byMonth().keySet()), List.of(
                new SeriesData(I18n.t("report.flows.entries"),
                        flows.byMonth().values().stream().map(f -> (Number) f.entries()).toList()),
                new SeriesData(I18n.t("report.flows.exits"),
                        flows.byMonth().values().stream().map(f -> (Number) f.exits()).toList()))));
        var exits = computed.exitsByCategory();
        String dynamic = ReportCsv.percent(exits.dynamicRate());
        list.add(new ChartData("exits", I18n.t("report.exits.title"), I18n.t("report.exits.caption", exits.total(),
                dynamic.isEmpty() ? "—" : dynamic + "\u202f%"), ChartKind.BAR, I18n.t("report.unit.people"),
                List.of(ExitCategory.values()).stream().map(I18n::label).toList(),
                List.of(new SeriesData(I18n.t("report.exits.series"), List.of(ExitCategory.values()).stream()
                        .map(c -> (Number) exits.counts().get(c)).toList()))));
        var steps = computed.phcSteps();
        list.add(new ChartData("steps", I18n.t("report.steps.title", Formats.date(steps.onDay())),
                I18n.t("report.steps.caption", steps.total()), ChartKind.BAR, I18n.t("report.unit.people"),
                steps.byTargetHours().keySet().stream().map(t -> I18n.t("report.steps.step", t)).toList(),
                List.of(new SeriesData(I18n.t("report.steps.series"), List.copyOf(steps.byTargetHours().values())))));
        var transitions = computed.phcToCddi();
        String rate = ReportCsv.percent(transitions.rate());
        list.add(new ChartData("transitions", I18n.t("report.transitions.title"), I18n.t(
                "report.transitions.caption", transitions.transitions(), transitions.phcEnds(),
                rate.isEmpty() ? "—" : rate + "\u202f%"), ChartKind.BAR, I18n.t("report.unit.people"),
                months(transitions.byMonth().keySet()), List.of(new SeriesData(I18n.t("report.transitions.series"),
                List.copyOf(transitions.byMonth().values())))));
        var hours = computed.hours();
        List<SeriesData> kinds = new ArrayList<>();
        for (HoursKind kind : HoursKind.values()) {
            if (kind.worked()) {
                kinds.add(new SeriesData(I18n.label(kind), hours.minutes().values().stream()
                        .map(byKind -> (Number) (byKind.getOrDefault(kind, 0L) / 60.0)).toList()));
            }
        }
        list.add(new ChartData("hours", I18n.t("report.hours.title"), I18n.t("report.hours.caption",
                Texts.decimalHours(hours.totalMinutes())), ChartKind.STACKED_BAR, I18n.t("report.unit.hours"),
                months(hours.minutes().keySet()), kinds));
        charts.setAll(list);
    }

    private static List<String> months(java.util.Collection<YearMonth> months) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("MMM yyyy", I18n.locale());
        return months.stream().map(format::format).toList();
    }

    /** Writes the computed report as CSV to {@code file} (UTF-8 with BOM, « ; », decimal comma). */
    public void export(Path file) {
        Report current = report.get();
        if (current == null) {
            errors.set(I18n.t("report.nothingToExport"));
            return;
        }
        busy.set(true);
        executor.run(() -> {
            service.exportCsv(session.user(), current, file);
            return ReportCsv.rows(current).size();
        }, lines -> {
            busy.set(false);
            errors.set("");
            message.set(I18n.t("report.exported", file.toString(), lines));
        }, this::failed);
    }

    /** A file name that says what the export holds: rapport-lille-2025-01-01-2025-12-31.csv */
    public String suggestedFileName() {
        Report current = report.get();
        if (current == null) {
            return "rapport.csv";
        }
        String name = SearchText.fold(current.scope().name()).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "rapport-" + name + "-" + current.period().from() + "-" + current.period().to() + ".csv";
    }

    /**
     * Computes the monthly hours statement of the chosen worksite and month and writes it to {@code file}, as a PDF
     * (A4 landscape, like the other print-outs) or as CSV for Excel, on the background thread; says where when done.
     */
    public void saveStatement(StatementFormat format, Path file) {
        ReportScope worksite = statementWorksite.get();
        YearMonth month = statementMonth.get();
        if (worksite == null || month == null) {
            errors.set(I18n.t("report.statement.choose"));
            return;
        }
        User user = session.user();
        busy.set(true);
        message.set(I18n.t("report.statement.working"));
        executor.run(() -> {
            MonthlyStatement statement = service.monthlyStatement(user, worksite.id(), month);
            if (format == StatementFormat.PDF) {
                PrivateFiles.write(file, new PdfPrinter(user, clock, false, service.demo(), service.journal())
                        .monthlyStatement(statement));
            } else {
                service.exportCsv(user, statement, file);
            }
            return statement.totals().people();
        }, people -> {
            busy.set(false);
            errors.set("");
            message.set(I18n.t("report.statement.saved", file.toString(), people));
        }, this::failed);
    }

    /** releve-heures-abej-solidarite-2026-11.pdf */
    public String suggestedStatementFileName(StatementFormat format) {
        ReportScope worksite = statementWorksite.get();
        YearMonth month = statementMonth.get();
        String name = worksite == null ? "" : SearchText.fold(worksite.name()).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return "releve-heures-" + name + (month == null ? "" : "-" + month) + "."
                + format.name().toLowerCase(java.util.Locale.ROOT);
    }

    public ObservableList<ReportScope> statementWorksites() {
        return statementWorksites;
    }

    public ObjectProperty<ReportScope> statementWorksiteProperty() {
        return statementWorksite;
    }

    public ObservableList<YearMonth> statementMonths() {
        return statementMonths;
    }

    public ObjectProperty<YearMonth> statementMonthProperty() {
        return statementMonth;
    }

    private void failed(Throwable e) {
        busy.set(false);
        errors.set(UserMessages.of(e));
    }

    public ObservableList<ReportScope> scopes() {
        return scopes;
    }

    public ObjectProperty<ReportScope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<PeriodChoice> periodChoiceProperty() {
        return periodChoice;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public ReadOnlyObjectProperty<Report> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<ChartData> charts() {
        return charts;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
