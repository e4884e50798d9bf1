package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Labels;

/** The theme of a support note. */
public enum NoteTheme {
    EMPLOI,
    LOGEMENT,
    SANTE,
    MOBILITE,
    DROITS_DEMARCHES,
    LANGUE,
    BUDGET,
    JUSTICE,
    AUTRE;

    public String label() {
        return Labels.french(this);
    }
}
