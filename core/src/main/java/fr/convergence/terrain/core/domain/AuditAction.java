package fr.convergence.terrain.core.domain;

/**
 * What an audit journal entry records (its code travels and is stored; the label is what a coordinator reads).
 * Codes are never renamed: entries written by older laptops keep theirs.
 */
public enum AuditAction {
    CONNEXION("Connexion"),
    CONNEXION_REFUSEE("Connexion refusée"),
    DOSSIER_CONSULTE("Dossier consulté"),
    IMPRESSION("Impression"),
    EXPORT("Export"),
    COMPTE_CREE("Compte créé"),
    COMPTE_MODIFIE("Compte modifié (rôle ou chantiers)"),
    COMPTE_DESACTIVE("Compte désactivé"),
    COMPTE_REACTIVE("Compte réactivé"),
    MOT_DE_PASSE_REINITIALISE("Mot de passe réinitialisé"),
    /** A person's data erased (on request or at the end of the retention period): the detail says which. */
    EFFACEMENT("Données effacées");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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
