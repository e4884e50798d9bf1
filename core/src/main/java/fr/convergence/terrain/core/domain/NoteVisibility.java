package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Labels;

/** Who may read a support note. */
public enum NoteVisibility {
    /** The whole worksite team (ESP included). */
    EQUIPE_CHANTIER,
    /** Only insertion advisers and coordinators. */
    CIP_ET_COORDINATION;

    public String label() {
        return Labels.french(this);
    }
}
