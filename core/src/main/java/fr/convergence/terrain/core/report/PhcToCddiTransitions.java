package fr.convergence.terrain.core.report;

import java.time.YearMonth;
import java.util.Map;

/**
 * PHC contracts that ended during the period with a move to a CDDI on the worksite (an exit date with no exit
 * category), against every PHC contract that ended in the period. See docs/indicators.md.
 */
public record PhcToCddiTransitions(int transitions, int phcEnds, Map<YearMonth, Integer> byMonth) {

    /** Transitions in percent of the PHC contracts that ended; null when none ended. */
    public Double rate() {
        return phcEnds == 0 ? null : 100.0 * transitions / phcEnds;
    }
}
