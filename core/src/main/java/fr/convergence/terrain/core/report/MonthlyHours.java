package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.domain.HoursKind;
import java.time.YearMonth;
import java.util.Map;

/**
 * Worked hours by month of the period, in minutes, by kind (worksite, company, training; absences are not
 * worked hours and are left out). Every month of the period is present. See docs/indicators.md.
 */
public record MonthlyHours(Map<YearMonth, Map<HoursKind, Long>> minutes) {

    /** One full-time equivalent: 1,820 hours worked in a year (35 h × 52 weeks), 151.67 h a month. */
    public static final int FULL_TIME_HOURS_PER_YEAR = 1820;

    public long totalMinutes() {
        return minutes.keySet().stream().mapToLong(this::totalMinutes).sum();
    }

    public long totalMinutes(YearMonth month) {
        return minutes.getOrDefault(month, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Full-time equivalents of the period: the worked hours divided by {@link #FULL_TIME_HOURS_PER_YEAR} prorated
     * to the months of the period (a whole year: ÷ 1,820; a month: ÷ 151.67). See docs/indicators.md.
     */
    public double fullTimeEquivalents() {
        if (minutes.isEmpty()) {
            return 0;
        }
        double fullTimeMinutes = FULL_TIME_HOURS_PER_YEAR * 60.0 * minutes.size() / 12;
        return totalMinutes() / fullTimeMinutes;
    }
}
