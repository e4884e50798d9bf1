package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.domain.ExitCategory;
import java.util.Map;

/**
 * The period's exits by IAE category (every category present, zero included), with the share of "sorties
 * dynamiques" (every category but "autre sortie"). See docs/indicators.md.
 */
public record ExitsByCategory(Map<ExitCategory, Integer> counts) {

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int dynamic() {
        return counts.entrySet().stream().filter(e -> e.getKey().dynamic()).mapToInt(Map.Entry::getValue).sum();
    }

    /** Dynamic exits in percent of all exits; null when there was no exit. */
    public Double dynamicRate() {
        int total = total();
        return total == 0 ? null : 100.0 * dynamic() / total;
    }
}
