package fr.convergence.terrain.core.erasure;

/** Why a person's data was erased: the code travels in the {@code erasure} tombstone, the label is shown. */
public enum ErasureReason {
    /** The person asked for it (right to erasure), or the coordinator decided it. */
    DEMANDE("À la demande de la personne"),
    /** The retention period of their file is over ({@link RetentionService}). */
    CONSERVATION("Durée de conservation échue");

    private final String label;

    ErasureReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The reason of a stored code; an unknown code (a newer laptop's) reads as a request. */
    public static ErasureReason of(String code) {
        for (ErasureReason reason : values()) {
            if (reason.name().equals(code)) {
                return reason;
            }
        }
        return DEMANDE;
    }
}
