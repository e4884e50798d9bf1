package fr.convergence.terrain.core.domain;

/** Who may read a support note. */
public enum NoteVisibility {
    /** The whole worksite team (ESP included). */
    EQUIPE_CHANTIER("Équipe du chantier"),
    /** Only insertion advisers and coordinators. */
    CIP_ET_COORDINATION("CIP et coordination uniquement");

    private final String label;

    NoteVisibility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
