package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Labels;

/**
 * What an audit journal entry records (its code travels and is stored; the label is what a coordinator reads).
 * Codes are never renamed: entries written by older laptops keep theirs.
 */
public enum AuditAction {
    CONNEXION,
    CONNEXION_REFUSEE,
    DOSSIER_CONSULTE,
    IMPRESSION,
    EXPORT,
    COMPTE_CREE,
    COMPTE_MODIFIE,
    COMPTE_DESACTIVE,
    COMPTE_REACTIVE,
    MOT_DE_PASSE_REINITIALISE,
    /** A person's data erased (on request or at the end of the retention period): the detail says which. */
    EFFACEMENT;

    public String label() {
        return Labels.french(this);
    }

    /** The action of {@code code}, or null for a code this version does not know (written by a newer laptop). */
    public static AuditAction ofCode(String code) {
        for (AuditAction action : values()) {
            if (action.name().equals(code)) {
                return action;
            }
        }
        return null;
    }
}
