package fr.convergence.terrain.core.domain;

import java.util.Arrays;
import java.util.List;

/** Exit categories as used in IAE reporting ("sorties dynamiques" for the first three). */
public enum ExitCategory {
    EMPLOI_DURABLE("Emploi durable"),
    EMPLOI_TRANSITION("Emploi de transition"),
    SORTIE_POSITIVE("Sortie positive"),
    AUTRE_SORTIE("Autre sortie");

    private final String label;

    ExitCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this exit counts as a "sortie dynamique" in IAE reporting. */
    public boolean dynamic() {
        return this != AUTRE_SORTIE;
    }

    public List<ExitReason> reasons() {
        return Arrays.stream(ExitReason.values()).filter(r -> r.category() == this).toList();
    }
}
