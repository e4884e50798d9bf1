package fr.convergence.terrain.core.domain;

/** A recorded derogation allowing a CDDI under 20 hours a week. */
public enum DerogationKind {
    INDIVIDUELLE("Dérogation individuelle"),
    COLLECTIVE("Dérogation collective");

    private final String label;

    DerogationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
