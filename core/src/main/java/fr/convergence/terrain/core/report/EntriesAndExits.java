package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.domain.Programme;
import java.time.YearMonth;
import java.util.Map;

/**
 * Entries into and exits from the worksites of the scope during the period. A CDDI that follows a PHC contract
 * on the same worksite is not an entry, and the end of that PHC contract (an exit date with no exit category) is
 * not an exit: both are a PHC → CDDI transition. See docs/indicators.md.
 */
public record EntriesAndExits(int entries, int exits, Map<Programme, Integer> entriesByProgramme,
                              Map<Programme, Integer> exitsByProgramme, Map<YearMonth, Flow> byMonth) {

    /** Entries and exits of one month. */
    public record Flow(int entries, int exits) {
    }
}
