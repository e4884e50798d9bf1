package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Labels;

/** A recorded derogation allowing a CDDI under 20 hours a week. */
public enum DerogationKind {
    INDIVIDUELLE,
    COLLECTIVE;

    public String label() {
        return Labels.french(this);
    }
}
