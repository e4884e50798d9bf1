package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Worksite;
import java.time.LocalDate;
import java.util.List;

/** The hours of one worksite for one ISO week: a row per participant enrolled during the week. */
public record WeekGrid(Worksite worksite, IsoWeek week, List<Row> rows) {

    /**
     * One participant's week. {@code targetHours} is the PHC step target of the week, or the CDDI contract's
     * weekly hours; {@code entries} are the stored cells of the week.
     */
    public record Row(Participant participant, Enrolment enrolment, Integer targetHours, List<HoursEntry> entries) {

        public Row {
            entries = List.copyOf(entries);
        }

        public boolean phc() {
            return enrolment.contractType() == ContractType.PHC;
        }

        /** Worked minutes of the week (absences left out). */
        public int workedMinutes() {
            return HoursRules.workedMinutes(entries);
        }

        /** The stored cells of one day, every kind. */
        public List<HoursEntry> on(LocalDate day) {
            return entries.stream().filter(e -> e.day().equals(day)).toList();
        }

        /** The minutes stored for one day and kind, 0 when the cell is empty. */
        public int minutes(LocalDate day, HoursKind kind) {
            return entries.stream().filter(e -> e.day().equals(day) && e.kind() == kind)
                    .mapToInt(HoursEntry::minutes).sum();
        }

        /** Whether the participant is enrolled on {@code day} (hours can be logged). */
        public boolean enrolledOn(LocalDate day) {
            return enrolment.activeOn(day);
        }
    }
}
