package fr.convergence.terrain.core.report;

import java.time.LocalDate;
import java.util.Map;

/**
 * The people in PHC on {@code onDay} by the weekly target of the step in force that day (4, 6, 8… 20 h; every
 * step of the ladder present, zero included). See docs/indicators.md.
 */
public record PhcStepDistribution(LocalDate onDay, Map<Integer, Integer> byTargetHours) {

    public int total() {
        return byTargetHours.values().stream().mapToInt(Integer::intValue).sum();
    }
}
