package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Labels;

/** The two Convergence France programmes a participant can be enrolled in. */
public enum Programme {
    /** Premières Heures en Chantier: a very progressive restart of work, 4 h to 20 h a week. */
    PHC,
    /** Collectif Vers l'accompagnement Global: reinforced support for up to 5 years. */
    CVG;

    public String label() {
        return Labels.french(this);
    }
}
