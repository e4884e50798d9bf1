package fr.convergence.terrain.sync.protocol;

/** An operation the hub refused, with a machine code and the French reason to show in the quarantine. */
public record Rejection(long number, String code, String reason) {

    /** The operation is not well formed (unknown table or field, wrong type, missing value). */
    public static final String MALFORMED = "malformed";
    /** The row or worksite is outside the device's scope. */
    public static final String FORBIDDEN = "forbidden";
    /** A business rule refuses it (e.g. an illegal referral transition). */
    public static final String RULE = "rule";
    /** A row it refers to does not exist on the hub. */
    public static final String MISSING_PARENT = "missing-parent";
    /**
     * Its number does not follow the device's last operation (a gap or a jump): not applied, and it moves nothing, so
     * the device's correctly numbered operations are still applied after it.
     */
    public static final String OUT_OF_SEQUENCE = "out-of-sequence";
    /**
     * It is about a person whose data was erased (an {@code erasure} tombstone): nothing of them may come back. The
     * laptop drops it when it applies the tombstone, instead of keeping it in quarantine.
     */
    public static final String ERASED = "erased";
}
