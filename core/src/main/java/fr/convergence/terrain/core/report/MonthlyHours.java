package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.domain.HoursKind;
import java.time.YearMonth;
import java.util.Map;

/**
 * Worked hours by month of the period, in minutes, by kind (worksite, company, training; absences are not
 * worked hours and are left out). Every month of the period is present. See docs/indicators.md.
 */
public record MonthlyHours(Map<YearMonth, Map<HoursKind, Long>> minutes) {

    public long totalMinutes() {
        return minutes.keySet().stream().mapToLong(this::totalMinutes).sum();
    }

    public long totalMinutes(YearMonth month) {
        return minutes.getOrDefault(month, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }
}
