package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Labels;

/** The kind of contract under which the participant works on the worksite. */
public enum ContractType {
    /** PHC contract: a few hours a week, following the PHC steps (4 h up to 20 h). */
    PHC,
    /** Contrat à durée déterminée d'insertion: 20 h to 35 h a week (CVG or regular ACI contract). */
    CDDI;

    public String label() {
        return Labels.french(this);
    }
}
