package fr.convergence.terrain.app.week;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.text.SearchText;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.core.week.WeekGrid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One participant's line of the week view: name, target, seven day cells and the week's total. */
public final class WeekRowModel {

    private final String participantId;
    private final String name;
    private final String searchKey;
    private final List<LocalDate> days;
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper(this, "target");
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper(this, "total");
    private final ReadOnlyBooleanWrapper overTarget = new ReadOnlyBooleanWrapper(this, "overTarget");
    private final List<ReadOnlyObjectWrapper<DayCell>> cells = new ArrayList<>();
    private WeekGrid.Row row;

    WeekRowModel(WeekGrid.Row row, List<LocalDate> days) {
        this.participantId = row.participant().id();
        this.name = row.participant().lastName() + " " + row.participant().firstName();
        this.searchKey = SearchText.fold(row.participant().firstName() + " " + row.participant().lastName() + " "
                + row.participant().lastName());
        this.days = days;
        for (int i = 0; i < days.size(); i++) {
            cells.add(new ReadOnlyObjectWrapper<>(this, "day" + i));
        }
        update(row, -1);
        for (int i = 0; i < days.size(); i++) {
            cells.get(i).set(display(i));
        }
    }

    /** Takes the participant's stored week; cells other than {@code changedDay} keep their red or orange mark. */
    void update(WeekGrid.Row updated, int changedDay) {
        this.row = updated;
        Integer hours = updated.targetHours();
        target.set(hours == null ? "" : updated.phc() ? I18n.t("week.target.phc", hours)
                : I18n.t("week.target.contract", hours));
        int worked = updated.workedMinutes();
        total.set(Texts.hours(worked));
        overTarget.set(hours != null && worked > hours * 60);
        for (int i = 0; i < days.size(); i++) {
            DayCell before = cells.get(i).get();
            if (before == null || i == changedDay || before.state() == DayCell.State.OK) {
                cells.get(i).set(display(i));
            }
        }
    }

    /** The cell as stored: worksite hours first, other kinds with their short label. */
    DayCell display(int dayIndex) {
        LocalDate day = days.get(dayIndex);
        List<HoursEntry> entries = new ArrayList<>(row.on(day));
        entries.sort(Comparator.comparing(HoursEntry::kind));
        List<String> parts = new ArrayList<>();
        boolean absence = false;
        boolean other = false;
        for (HoursEntry entry : entries) {
            parts.add(KindLabels.withHours(entry.kind(), entry.minutes()));
            absence |= !entry.kind().worked();
            other |= entry.kind() == HoursKind.ENTREPRISE || entry.kind() == HoursKind.FORMATION;
        }
        String edit = "";
        String hint = "";
        if (entries.size() == 1) {
            HoursEntry only = entries.get(0);
            String code = HoursCell.letter(only.kind());
            edit = (code.isEmpty() ? "" : code + " ") + Texts.hours(only.minutes());
        } else if (!entries.isEmpty()) {
            // Several kinds on one day: typing without a letter changes the worksite hours only; the tooltip says so.
            int worksite = row.minutes(day, HoursKind.TRAVAIL_CHANTIER);
            edit = worksite == 0 ? "" : Texts.hours(worksite);
            hint = I18n.t("week.severalKinds", String.join(" + ", parts));
        }
        return new DayCell(String.join(" + ", parts), edit, DayCell.State.OK, hint, !row.enrolledOn(day),
                absence, other);
    }

    void mark(int dayIndex, DayCell cell) {
        cells.get(dayIndex).set(cell);
    }

    public ReadOnlyObjectProperty<DayCell> dayProperty(int dayIndex) {
        return cells.get(dayIndex).getReadOnlyProperty();
    }

    public DayCell day(int dayIndex) {
        return cells.get(dayIndex).get();
    }

    public String participantId() {
        return participantId;
    }

    /** "Lefèvre Hélène": sorted and shown by last name. */
    public String name() {
        return name;
    }

    String searchKey() {
        return searchKey;
    }

    WeekGrid.Row row() {
        return row;
    }

    LocalDate date(int dayIndex) {
        return days.get(dayIndex);
    }

    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty overTargetProperty() {
        return overTarget.getReadOnlyProperty();
    }

    public int workedMinutes() {
        return row.workedMinutes();
    }
}
