package fr.convergence.terrain.core.print;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.week.IsoWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a weekly attendance sheet (feuille d'émargement) shows: the participants enrolled on the worksite during
 * the week, their weekly target and the hours already recorded per day (the plan, when the week is ahead).
 */
public record AttendanceSheet(Worksite worksite, IsoWeek week, List<Row> rows) {

    /**
     * One participant. {@code weeklyTargetHours} is the PHC step or the CDDI contract hours (null if unknown);
     * {@code plannedMinutes} holds worked minutes per day recorded for the week, only days that have some.
     */
    public record Row(String participantId, String fullName, Programme programme, ContractType contractType,
                      Integer weeklyTargetHours, Map<LocalDate, Integer> plannedMinutes) {
    }

    /** Whether any participant has hours recorded on {@code day} (the sheet then shows weekend days too). */
    public boolean hasHoursOn(LocalDate day) {
        return rows.stream().anyMatch(r -> r.plannedMinutes().containsKey(day));
    }
}
