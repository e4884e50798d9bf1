package fr.convergence.terrain.app.week;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.common.WorksiteChoice;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.text.SearchText;
import fr.convergence.terrain.core.verdict.Severity;
import fr.convergence.terrain.core.week.IsoWeek;
import fr.convergence.terrain.core.week.WeekGrid;
import fr.convergence.terrain.core.week.WeekService.CellResult;
import fr.convergence.terrain.core.week.WeekService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The ESP's week: the worksite's participants and their hours for one ISO week, entry cell by cell (each
 * commit checked by the rules and saved by {@link WeekService} on the background executor), undo of the last
 * edits, and copying the previous week.
 */
public final class WeekViewModel {

    static final int UNDO_DEPTH = 50;
    private static final DateTimeFormatter DAY_HEADER = DateTimeFormatter.ofPattern("EEE d", I18n.locale());

    private final WeekService service;
    private final Session session;
    private final TaskExecutor executor;
    private final Clock clock;
    private final WorksiteChoice worksites;
    private final ObservableList<WeekRowModel> rows = FXCollections.observableArrayList();
    private final FilteredList<WeekRowModel> filtered = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper weekLabel = new ReadOnlyStringWrapper(this, "weekLabel", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Severity> messageSeverity =
            new ReadOnlyObjectWrapper<>(this, "messageSeverity", Severity.OK);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final List<ReadOnlyStringWrapper> dayHeaders = new ArrayList<>();
    private final Deque<Edit> undo = new ArrayDeque<>();
    private IsoWeek week;
    private long loadToken;
    private Runnable afterLoad = () -> { };
    private Runnable reportAfterLoad;

    /** A saved change, to undo: the cell and the minutes it had before. */
    private record Edit(String participantId, LocalDate day, HoursKind kind, int before) {
    }

    public WeekViewModel(WeekService service, Session session, TaskExecutor executor, Clock clock) {
        this(service, session, executor, clock, WorksiteChoice.homeOnly());
    }

    /** A week whose worksite can be chosen among those the user sees ({@code worksites}). */
    public WeekViewModel(WeekService service, Session session, TaskExecutor executor, Clock clock,
                         WorksiteChoice worksites) {
        this.service = service;
        this.session = session;
        this.executor = executor;
        this.clock = clock;
        this.worksites = worksites;
        worksites.onChange(this::reload);
        for (int i = 0; i < 7; i++) {
            dayHeaders.add(new ReadOnlyStringWrapper(this, "day" + i, ""));
        }
        filter.addListener((obs, was, text) -> applyFilter());
        week = IsoWeek.current(clock);
    }

    /** First display: reads the worksites the user may choose from, then shows the current week. */
    public void start() {
        worksites.load(executor, session.user(), this::currentWeek);
    }

    public void currentWeek() {
        load(IsoWeek.current(clock));
    }

    public void previousWeek() {
        load(week.previous());
    }

    public void nextWeek() {
        load(week.next());
    }

    public void reload() {
        load(week);
    }

    public void load(IsoWeek target) {
        long token = ++loadToken;
        week = target;
        weekLabel.set(capitalize(target.label()) + " " + target.monday().getYear());
        List<LocalDate> days = target.days();
        for (int i = 0; i < 7; i++) {
            dayHeaders.get(i).set(capitalize(DAY_HEADER.format(days.get(i))));
        }
        busy.set(true);
        Optional<String> worksite = worksites.chosenId();
        executor.run(() -> worksite.isPresent() ? service.load(session.user(), worksite.get(), target)
                : service.load(session.user(), target), grid -> {
            if (token != loadToken) {
                return;
            }
            busy.set(false);
            undo.clear();
            canUndo.set(false);
            show(grid);
            afterLoad.run();
            if (reportAfterLoad != null) {
                reportAfterLoad.run();
                reportAfterLoad = null;
            }
        }, e -> {
            busy.set(false);
            say(Severity.REFUSED, UserMessages.of(e));
        });
    }

    private void show(WeekGrid grid) {
        List<LocalDate> days = grid.week().days();
        List<WeekRowModel> models = new ArrayList<>(grid.rows().size());
        for (WeekGrid.Row row : grid.rows()) {
            models.add(new WeekRowModel(row, days));
        }
        rows.setAll(models);
        applyFilter();
        say(Severity.OK, "");
    }

    /**
     * A cell typed by the user: optional kind letter, then the hours. Refused input is shown red with its
     * message and never saved; the stored value stays.
     */
    public void commit(WeekRowModel row, int dayIndex, String typed) {
        String text = typed == null ? "" : typed.strip();
        DayCell before = row.day(dayIndex);
        if (before.state() == DayCell.State.OK && text.equals(before.editText())) {
            return;
        }
        if (text.isEmpty()) {
            clearDay(row, dayIndex);
            return;
        }
        Optional<HoursCell.Typed> parsed = HoursCell.read(text);
        if (parsed.isEmpty()) {
            String refusal = I18n.t("week.unknownKind", text);
            row.mark(dayIndex, before.with(DayCell.State.REFUSED, text, refusal));
            say(Severity.REFUSED, where(row, dayIndex) + refusal);
            return;
        }
        row.mark(dayIndex, before.with(DayCell.State.PENDING, text, ""));
        executor.run(() -> service.setTyped(session.user(), row.participantId(), row.date(dayIndex), parsed.get()),
                result -> applied(row, dayIndex, text, result, true), e -> {
                    row.mark(dayIndex, row.display(dayIndex).with(DayCell.State.REFUSED, text, UserMessages.of(e)));
                    say(Severity.REFUSED, UserMessages.of(e));
                });
    }

    /** Empties a day cell: every kind of hours of that day is removed (each removal can be undone). */
    private void clearDay(WeekRowModel row, int dayIndex) {
        LocalDate day = row.date(dayIndex);
        List<HoursKind> kinds = row.row().on(day).stream().map(e -> e.kind()).toList();
        if (kinds.isEmpty()) {
            row.mark(dayIndex, row.display(dayIndex));
            say(Severity.OK, "");
            return;
        }
        for (HoursKind kind : kinds) {
            executor.run(() -> service.setMinutes(session.user(), row.participantId(), day, kind, 0),
                    result -> applied(row, dayIndex, "", result, true), e -> say(Severity.REFUSED, UserMessages.of(e)));
        }
    }

    private void applied(WeekRowModel row, int dayIndex, String typed, CellResult result, boolean undoable) {
        if (result.saved()) {
            row.update(result.row(), dayIndex);
            if (undoable && result.previousMinutes() != result.minutes()) {
                undo.push(new Edit(result.participantId(), result.day(), result.kind(), result.previousMinutes()));
                while (undo.size() > UNDO_DEPTH) {
                    undo.removeLast();
                }
            }
            canUndo.set(!undo.isEmpty());
            session.changed();
            if (result.verdict().isWarning()) {
                row.mark(dayIndex, row.display(dayIndex).with(DayCell.State.WARNING, row.display(dayIndex).text(),
                        result.verdict().text()));
                say(Severity.WARNING, where(row, dayIndex) + result.verdict().text());
            } else {
                say(Severity.OK, I18n.t("week.saved", row.name(), dayLabel(row, dayIndex)));
            }
        } else {
            row.mark(dayIndex, row.display(dayIndex).with(DayCell.State.REFUSED, typed, result.verdict().text()));
            say(Severity.REFUSED, where(row, dayIndex) + result.verdict().text());
        }
    }

    /** Puts back the value the last saved edit replaced (Ctrl+Z); returns false when there is nothing to undo. */
    public boolean undo() {
        if (undo.isEmpty()) {
            say(Severity.OK, I18n.t("week.undo.nothing"));
            return false;
        }
        Edit edit = undo.pop();
        canUndo.set(!undo.isEmpty());
        Optional<WeekRowModel> row = rows.stream().filter(r -> r.participantId().equals(edit.participantId()))
                .findFirst();
        int dayIndex = week.days().indexOf(edit.day());
        if (row.isEmpty() || dayIndex < 0) {
            return false;
        }
        executor.run(() -> service.setMinutes(session.user(), edit.participantId(), edit.day(), edit.kind(),
                edit.before()), result -> {
                    applied(row.get(), dayIndex, row.get().day(dayIndex).editText(), result, false);
                    if (result.saved()) {
                        say(Severity.OK, I18n.t("week.undone", row.get().name(), dayLabel(row.get(), dayIndex)));
                    }
                }, e -> say(Severity.REFUSED, UserMessages.of(e)));
        return true;
    }

    /** Copies last week's worked hours onto this week's empty cells, then reloads. */
    public void copyPreviousWeek() {
        busy.set(true);
        IsoWeek target = week;
        Optional<String> worksite = worksites.chosenId();
        executor.run(() -> worksite.isPresent() ? service.copyPreviousWeek(session.user(), worksite.get(), target)
                : service.copyPreviousWeek(session.user(), target), result -> {
            busy.set(false);
            if (result.copied() > 0) {
                session.changed();
            }
            Runnable report = () -> {
                String summary = I18n.t("week.copy.done", result.copied(), result.keptExisting());
                if (result.refusals().isEmpty()) {
                    say(Severity.OK, summary);
                } else {
                    say(Severity.WARNING, summary + " " + I18n.t("week.copy.refused", result.refusals().size())
                            + "\n" + String.join("\n", result.refusals()));
                }
            };
            reportAfterLoad = report;
            load(target);
        }, e -> {
            busy.set(false);
            say(Severity.REFUSED, UserMessages.of(e));
        });
    }

    private void applyFilter() {
        String folded = SearchText.fold(filter.get());
        filtered.setPredicate(folded.isEmpty() ? null : row -> matches(row.searchKey(), folded));
        countText.set(I18n.t("week.count", filtered.size(), rows.size()));
    }

    private static boolean matches(String key, String folded) {
        for (String word : folded.split(" ")) {
            if (!(key.startsWith(word) || key.contains(" " + word))) {
                return false;
            }
        }
        return true;
    }

    private String where(WeekRowModel row, int dayIndex) {
        return row.name() + ", " + dayLabel(row, dayIndex) + " : ";
    }

    private static String dayLabel(WeekRowModel row, int dayIndex) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM", I18n.locale()).format(row.date(dayIndex));
    }

    private void say(Severity severity, String text) {
        messageSeverity.set(severity);
        message.set(text);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The rows after the name filter; the view sorts them. */
    public FilteredList<WeekRowModel> rows() {
        return filtered;
    }

    /** The worksite shown, and those the user may switch to. */
    public WorksiteChoice worksiteChoice() {
        return worksites;
    }

    public IsoWeek week() {
        return week;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty weekLabelProperty() {
        return weekLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dayHeaderProperty(int dayIndex) {
        return dayHeaders.get(dayIndex).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Severity> messageSeverityProperty() {
        return messageSeverity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** Runs once after each completed load (the view scrolls or measures; benchmarks time it). */
    public void setAfterLoad(Runnable runnable) {
        this.afterLoad = runnable == null ? () -> { } : runnable;
    }
}
