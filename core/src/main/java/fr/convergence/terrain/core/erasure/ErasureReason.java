package fr.convergence.terrain.core.erasure;

import fr.convergence.terrain.core.text.Labels;

/** Why a person's data was erased: the code travels in the {@code erasure} tombstone, the label is shown. */
public enum ErasureReason {
    /** The person asked for it (right to erasure), or the coordinator decided it. */
    DEMANDE,
    /** The retention period of their file is over ({@link RetentionService}). */
    CONSERVATION;

    public String label() {
        return Labels.french(this);
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
