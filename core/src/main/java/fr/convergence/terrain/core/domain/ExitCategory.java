package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Labels;
import java.util.Arrays;
import java.util.List;

/** Exit categories as used in IAE reporting ("sorties dynamiques" for the first three). */
public enum ExitCategory {
    EMPLOI_DURABLE,
    EMPLOI_TRANSITION,
    SORTIE_POSITIVE,
    AUTRE_SORTIE;

    public String label() {
        return Labels.french(this);
    }

    /** Whether this exit counts as a "sortie dynamique" in IAE reporting. */
    public boolean dynamic() {
        return this != AUTRE_SORTIE;
    }

    public List<ExitReason> reasons() {
        return Arrays.stream(ExitReason.values()).filter(r -> r.category() == this).toList();
    }
}
