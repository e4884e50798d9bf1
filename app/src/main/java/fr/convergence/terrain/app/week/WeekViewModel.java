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
import fr.convergence.terrain.core.week.WeekService.CellChange;
import fr.convergence.terrain.core.week.WeekService.CellResult;
import fr.convergence.terrain.core.week.WeekService.CopyPlan;
import fr.convergence.terrain.core.week.WeekService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
 *
 * <p>What the user did survives a change of week while they stay signed in (this view model lives as long as the
 * main window, which a sign-out or a change of user replaces):
 * <ul>
 * <li>undo is kept per week (and worksite): coming back to a week, Ctrl+Z undoes that week's last edits;</li>
 * <li>a refused value (red) is kept as typed, per week, until the user fixes it (a value the rules accept) or
 * drops it (Suppr, or an empty cell): leaving the week says how many stay, coming back shows them red again and
 * says so. Nothing refused is ever saved, so nothing is asked before leaving: the week can be left at any time.</li>
 * </ul>
 * Copying the previous week asks first ({@link #setCopyConfirmation}), writes into empty day cells only unless the
 * user ticks the replacement, and is undone in one step.
 *
 * <p>Hours typed without a letter go to worksite hours (chantier). On a day that holds other kinds too, the cell's
 * tooltip says so before the edit and the message line after it names what was changed and what stayed.
 */
public final class WeekViewModel {

    static final int UNDO_DEPTH = 50;
    /** Names listed in the copy's question; beyond, "et 12 autres". */
    private static final int COPY_NAMES_SHOWN = 8;
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
    /** True from the start until a week is shown, and while another is read: the table is not "empty" then. */
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", true);
    private final List<ReadOnlyStringWrapper> dayHeaders = new ArrayList<>();
    /** Per week (and worksite): groups of changes, newest first; one group is one user action (a copy is one). */
    private final Map<String, Deque<List<CellChange>>> undoByWeek = new HashMap<>();
    /** Per week (and worksite): the refused values still shown red, as typed, until fixed or dropped. */
    private final Map<String, Map<RefusedKey, Refused>> refusedByWeek = new HashMap<>();
    private IsoWeek week;
    private long loadToken;
    private Runnable afterLoad = () -> { };
    private Runnable reportAfterLoad;
    private Function<CopyQuestion, Optional<Boolean>> copyConfirmation = question -> Optional.empty();

    private record RefusedKey(String participantId, LocalDate day) {
    }

    /** What the user typed in a cell and why it was refused. */
    private record Refused(String typed, String message) {
    }

    /**
     * What copying the previous week will do, for the user to confirm: {@code toFill} empty day cells for
     * {@code people}, and {@code alreadyFilled} day cells left as they are unless the user asks to replace them.
     */
    public record CopyQuestion(String title, String header, String details, int toFill, int alreadyFilled,
                               String replaceLabel) {
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
        String leaving = week == null || target.equals(week) ? null : weekKey();
        int refusedLeft = leaving == null ? 0 : refusedByWeek.getOrDefault(leaving, Map.of()).size();
        int leftWeek = week == null ? 0 : week.number();
        week = target;
        weekLabel.set(capitalize(target.label()) + " " + target.monday().getYear());
        List<LocalDate> days = target.days();
        for (int i = 0; i < 7; i++) {
            dayHeaders.get(i).set(capitalize(DAY_HEADER.format(days.get(i))));
        }
        busy.set(true);
        loading.set(true);
        Optional<String> worksite = worksites.chosenId();
        executor.run(() -> worksite.isPresent() ? service.load(session.user(), worksite.get(), target)
                : service.load(session.user(), target), grid -> {
            if (token != loadToken) {
                return;
            }
            busy.set(false);
            loading.set(false);
            canUndo.set(undoStack().stream().anyMatch(group -> !group.isEmpty()));
            show(grid);
            int refusedHere = showKeptRefusals();
            if (refusedHere > 0) {
                say(Severity.REFUSED, I18n.t("week.refusedKept.back", refusedHere));
            } else if (refusedLeft > 0) {
                say(Severity.WARNING, I18n.t("week.refusedKept.left", refusedLeft, leftWeek));
            }
            afterLoad.run();
            if (reportAfterLoad != null) {
                reportAfterLoad.run();
                reportAfterLoad = null;
            }
        }, e -> {
            busy.set(false);
            loading.set(false);
            say(Severity.REFUSED, UserMessages.of(e));
        });
    }

    /** The key of the week shown, with its worksite: undo and kept refusals belong to it. */
    private String weekKey() {
        return worksites.chosenId().orElse("") + "/" + week;
    }

    private Deque<List<CellChange>> undoStack() {
        return undoStack(weekKey());
    }

    private Deque<List<CellChange>> undoStack(String key) {
        return undoByWeek.computeIfAbsent(key, k -> new ArrayDeque<>());
    }

    private Map<RefusedKey, Refused> refusedHere() {
        return refused(weekKey());
    }

    private Map<RefusedKey, Refused> refused(String key) {
        return refusedByWeek.computeIfAbsent(key, k -> new LinkedHashMap<>());
    }

    /** Marks red again the refused values kept for this week; returns how many. */
    private int showKeptRefusals() {
        Map<RefusedKey, Refused> kept = refusedHere();
        kept.entrySet().removeIf(entry -> {
            Optional<WeekRowModel> row = rowOf(entry.getKey().participantId());
            int dayIndex = week.days().indexOf(entry.getKey().day());
            if (row.isEmpty() || dayIndex < 0) {
                return true;
            }
            row.get().mark(dayIndex, row.get().display(dayIndex).refused(entry.getValue().typed(),
                    entry.getValue().message()));
            return false;
        });
        return kept.size();
    }

    /** Keeps a refused value of the week {@code key} (taken when the user typed: a save may come back later). */
    private void keepRefused(String key, WeekRowModel row, int dayIndex, String typed, String message) {
        refused(key).put(new RefusedKey(row.participantId(), row.date(dayIndex)), new Refused(typed, message));
    }

    private void forgetRefused(String key, WeekRowModel row, int dayIndex) {
        refused(key).remove(new RefusedKey(row.participantId(), row.date(dayIndex)));
    }

    private Optional<WeekRowModel> rowOf(String participantId) {
        return rows.stream().filter(r -> r.participantId().equals(participantId)).findFirst();
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
            row.mark(dayIndex, before.refused(text, refusal));
            keepRefused(weekKey(), row, dayIndex, text, refusal);
            say(Severity.REFUSED, where(row, dayIndex) + refusal);
            return;
        }
        row.mark(dayIndex, before.with(DayCell.State.PENDING, text, ""));
        String key = weekKey();
        List<CellChange> group = newUndoGroup(key);
        executor.run(() -> service.setTyped(session.user(), row.participantId(), row.date(dayIndex), parsed.get()),
                result -> applied(key, row, dayIndex, text, result, group, parsed.get().kind()), e -> {
                    row.mark(dayIndex, row.display(dayIndex).refused(text, UserMessages.of(e)));
                    keepRefused(key, row, dayIndex, text, UserMessages.of(e));
                    say(Severity.REFUSED, UserMessages.of(e));
                });
    }

    /**
     * Empties a day cell: every kind of hours of that day is removed, undone in one step; a refused value kept
     * there is dropped.
     */
    private void clearDay(WeekRowModel row, int dayIndex) {
        LocalDate day = row.date(dayIndex);
        String key = weekKey();
        forgetRefused(key, row, dayIndex);
        List<HoursKind> kinds = row.row().on(day).stream().map(e -> e.kind()).toList();
        if (kinds.isEmpty()) {
            row.mark(dayIndex, row.display(dayIndex));
            say(Severity.OK, "");
            return;
        }
        List<CellChange> group = newUndoGroup(key);
        String removed = row.display(dayIndex).text();
        for (HoursKind kind : kinds) {
            executor.run(() -> service.setMinutes(session.user(), row.participantId(), day, kind, 0), result -> {
                applied(key, row, dayIndex, "", result, group, null);
                // A day of several kinds is emptied whole: say what it held once the last kind is gone.
                if (result.saved() && kinds.size() > 1 && row.row().on(day).isEmpty()) {
                    say(Severity.OK, I18n.t("week.cleared", row.name(), dayLabel(row, dayIndex), removed));
                }
            }, e -> say(Severity.REFUSED, UserMessages.of(e)));
        }
    }

    /** An empty group of changes on top of this week's undo stack, filled as the saves come back. */
    private List<CellChange> newUndoGroup(String key) {
        List<CellChange> group = new ArrayList<>();
        Deque<List<CellChange>> stack = undoStack(key);
        stack.push(group);
        while (stack.size() > UNDO_DEPTH) {
            stack.removeLast();
        }
        return group;
    }

    /**
     * A save came back, for the week {@code key}. {@code group}: the undo group it belongs to; {@code typedKind}:
     * the kind the user typed (null when clearing), to say what changed on a day holding several kinds.
     */
    private void applied(String key, WeekRowModel row, int dayIndex, String typed, CellResult result,
                         List<CellChange> group, HoursKind typedKind) {
        if (result.saved()) {
            row.update(result.row(), dayIndex);
            forgetRefused(key, row, dayIndex);
            if (group != null && result.previousMinutes() != result.minutes()) {
                group.add(new CellChange(result.participantId(), result.day(), result.kind(),
                        result.previousMinutes(), result.minutes()));
            }
            canUndo.set(undoStack().stream().anyMatch(g -> !g.isEmpty()));
            session.changed();
            if (result.verdict().isWarning()) {
                row.mark(dayIndex, row.display(dayIndex).with(DayCell.State.WARNING, row.display(dayIndex).text(),
                        result.verdict().text()));
                say(Severity.WARNING, where(row, dayIndex) + result.verdict().text());
            } else {
                say(Severity.OK, I18n.t("week.saved", row.name(), dayLabel(row, dayIndex))
                        + whatElseStays(row, dayIndex, typedKind));
            }
        } else {
            row.mark(dayIndex, row.display(dayIndex).refused(typed, result.verdict().text()));
            keepRefused(key, row, dayIndex, typed, result.verdict().text());
            say(Severity.REFUSED, where(row, dayIndex) + result.verdict().text());
        }
    }

    /**
     * On a day holding other kinds besides the one typed: " Modifié : heures de chantier ; inchangé : Abs. I 3 h."
     * so that typing without a letter never silently leaves an absence next to new hours.
     */
    private static String whatElseStays(WeekRowModel row, int dayIndex, HoursKind typedKind) {
        if (typedKind == null) {
            return "";
        }
        List<String> others = row.row().on(row.date(dayIndex)).stream().filter(e -> e.kind() != typedKind)
                .map(e -> KindLabels.withHours(e.kind(), e.minutes())).toList();
        return others.isEmpty() ? "" : " " + I18n.t("week.saved.kindOnly", KindLabels.inSentence(typedKind),
                String.join(" + ", others));
    }

    /**
     * Puts back what this week's last action replaced (Ctrl+Z): one typed cell, one emptied day, or a whole copied
     * week; returns false when there is nothing to undo here.
     */
    public boolean undo() {
        Deque<List<CellChange>> stack = undoStack();
        while (!stack.isEmpty() && stack.peek().isEmpty()) {
            stack.pop();
        }
        if (stack.isEmpty()) {
            canUndo.set(false);
            say(Severity.OK, I18n.t("week.undo.nothing"));
            return false;
        }
        List<CellChange> changes = List.copyOf(stack.pop());
        canUndo.set(stack.stream().anyMatch(g -> !g.isEmpty()));
        String key = weekKey();
        executor.run(() -> service.undo(session.user(), changes), results -> {
            List<String> refusals = new ArrayList<>();
            for (CellResult result : results) {
                Optional<WeekRowModel> row = rowOf(result.participantId());
                int dayIndex = week.days().indexOf(result.day());
                if (row.isEmpty() || dayIndex < 0) {
                    continue;
                }
                if (result.saved()) {
                    row.get().update(result.row(), dayIndex);
                    forgetRefused(key, row.get(), dayIndex);
                } else {
                    refusals.add(where(row.get(), dayIndex) + result.verdict().text());
                }
            }
            session.changed();
            long days = changes.stream().map(c -> c.participantId() + c.day()).distinct().count();
            if (!refusals.isEmpty()) {
                say(Severity.WARNING, String.join("\n", refusals));
            } else if (days == 1) {
                rowOf(changes.get(0).participantId()).ifPresent(row -> say(Severity.OK, I18n.t("week.undone",
                        row.name(), dayLabel(row, week.days().indexOf(changes.get(0).day())))));
            } else {
                say(Severity.OK, I18n.t("week.undone.many", days));
            }
        }, e -> say(Severity.REFUSED, UserMessages.of(e)));
        return true;
    }

    /**
     * Copying the previous week: reads what it would do, asks the user ({@link #setCopyConfirmation}: how many
     * day cells, for whom, and whether to replace the filled ones), then copies and reloads; the copy is one undo.
     */
    public void copyPreviousWeek() {
        busy.set(true);
        IsoWeek target = week;
        Optional<String> worksite = worksites.chosenId();
        executor.run(() -> worksite.isPresent() ? service.copyPlan(session.user(), worksite.get(), target)
                : service.copyPlan(session.user(), target), plan -> {
            busy.set(false);
            if (!target.equals(week)) {
                return;
            }
            if (plan.toFill().isEmpty() && plan.alreadyFilled().isEmpty()) {
                say(Severity.OK, I18n.t("week.copy.nothing"));
                return;
            }
            copyConfirmation.apply(question(plan)).ifPresentOrElse(replace -> copy(target, worksite, replace),
                    () -> say(Severity.OK, I18n.t("week.copy.cancelled")));
        }, e -> {
            busy.set(false);
            say(Severity.REFUSED, UserMessages.of(e));
        });
    }

    private void copy(IsoWeek target, Optional<String> worksite, boolean replace) {
        busy.set(true);
        String key = weekKey();
        executor.run(() -> worksite.isPresent()
                ? service.copyPreviousWeek(session.user(), worksite.get(), target, replace)
                : service.copyPreviousWeek(session.user(), target, replace), result -> {
            busy.set(false);
            if (!result.changes().isEmpty()) {
                newUndoGroup(key).addAll(result.changes());
                session.changed();
            }
            reportAfterLoad = () -> {
                String summary = I18n.t("week.copy.copied",
                        result.copied());
                if (result.keptExisting() > 0) {
                    summary += I18n.t("week.copy.kept",
                            result.keptExisting());
                }
                summary += I18n.t("week.copy.undoHint");
                if (result.refusals().isEmpty()) {
                    say(Severity.OK, summary);
                } else {
                    int refused = result.refusals().size();
                    say(Severity.WARNING, summary + " " + I18n.t("week.copy.refusedRules", refused) + "\n" + String.join("\n", result.refusals()));
                }
            };
            load(target);
        }, e -> {
            busy.set(false);
            say(Severity.REFUSED, UserMessages.of(e));
        });
    }

    /** The confirmation's texts: what will be filled, for whom, and what stays unless replaced. */
    private CopyQuestion question(CopyPlan plan) {
        int toFill = plan.toFill().size();
        int filled = plan.alreadyFilled().size();
        List<String> people = plan.people();
        StringBuilder details = new StringBuilder();
        if (toFill == 0) {
            details.append(I18n.t("week.copy.ask.noneEmpty"));
        } else {
            List<String> named = people.size() > COPY_NAMES_SHOWN ? people.subList(0, COPY_NAMES_SHOWN) : people;
            String names = String.join(", ", named);
            if (people.size() > COPY_NAMES_SHOWN) {
                int more = people.size() - COPY_NAMES_SHOWN;
                names += I18n.t("week.copy.ask.more", more);
            }
            details.append(I18n.t("week.copy.ask.fill", toFill))
                    .append(I18n.t("week.copy.ask.people",
                            people.size(), names));
        }
        if (filled > 0) {
            details.append("\n").append(I18n.t("week.copy.ask.kept",
                    filled));
        }
        details.append("\n").append(I18n.t("week.copy.ask.undo"));
        return new CopyQuestion(I18n.t("week.copy"), I18n.t("week.copy.ask.header", week.previous().number(),
                week.number()), details.toString(), toFill, filled,
                filled == 0 ? "" : I18n.t("week.copy.ask.replace",
                        filled));
    }

    /**
     * Who answers the copy's question: empty to cancel, else whether to replace the filled day cells too. The page
     * shows a dialog; without one, nothing is copied.
     */
    public void setCopyConfirmation(Function<CopyQuestion, Optional<Boolean>> confirmation) {
        this.copyConfirmation = confirmation;
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
        return row.name() + ", " + dayLabel(row, dayIndex) + "\u00a0: ";
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

    /** True until the first week is shown, and while a week is read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** Runs once after each completed load (the view scrolls or measures; benchmarks time it). */
    public void setAfterLoad(Runnable runnable) {
        this.afterLoad = runnable == null ? () -> { } : runnable;
    }
}
