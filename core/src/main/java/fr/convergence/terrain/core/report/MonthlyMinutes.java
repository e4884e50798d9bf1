package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.domain.HoursKind;
import java.time.YearMonth;

/** Minutes of one kind of hours in one month, as a store sums them for {@link ReportCalculator}. */
public record MonthlyMinutes(YearMonth month, HoursKind kind, long minutes) {
}
