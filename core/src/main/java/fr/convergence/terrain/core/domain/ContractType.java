package fr.convergence.terrain.core.domain;

/** The kind of contract under which the participant works on the worksite. */
public enum ContractType {
    /** PHC contract: a few hours a week, following the PHC steps (4 h up to 20 h). */
    PHC("Contrat Premières Heures"),
    /** Contrat à durée déterminée d'insertion: 20 h to 35 h a week (CVG or regular ACI contract). */
    CDDI("CDDI");

    private final String label;

    ContractType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
