package fr.convergence.terrain.core.domain;

/** The two Convergence France programmes a participant can be enrolled in. */
public enum Programme {
    /** Premières Heures en Chantier: a very progressive restart of work, 4 h to 20 h a week. */
    PHC("Premières Heures"),
    /** Collectif Vers l'accompagnement Global: reinforced support for up to 5 years. */
    CVG("Convergence (CVG)");

    private final String label;

    Programme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
