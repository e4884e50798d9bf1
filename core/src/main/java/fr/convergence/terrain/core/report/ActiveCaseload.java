package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.domain.Programme;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * File active: the people followed during the period (at least one day of an enrolment in the period), each
 * counted once. {@code byProgramme} counts a person once per programme (someone who moved from PHC to a CDDI
 * counts in both, so its sum can exceed {@code total}); {@code presentOn} is the count on {@code onDay}, the
 * last day of the period or today if the period is not over. See docs/indicators.md.
 */
public record ActiveCaseload(int total, Map<Programme, Integer> byProgramme, LocalDate onDay, int presentOn,
                             Map<YearMonth, Integer> byMonth) {
}
