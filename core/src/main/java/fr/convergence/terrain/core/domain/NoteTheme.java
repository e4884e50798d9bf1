package fr.convergence.terrain.core.domain;

/** The theme of a support note. */
public enum NoteTheme {
    EMPLOI("Emploi"),
    LOGEMENT("Logement"),
    SANTE("Santé"),
    MOBILITE("Mobilité"),
    DROITS_DEMARCHES("Droits et démarches"),
    LANGUE("Langue"),
    BUDGET("Budget"),
    JUSTICE("Justice"),
    AUTRE("Autre");

    private final String label;

    NoteTheme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
