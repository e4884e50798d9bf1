package fr.convergence.terrain.hub.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the hub knows of one field's last write: its version, the hub sequence that carried it, the device that
 * wrote it (or {@code hub}), and the value it replaced (the base shown beside a conflict).
 * A sequence of {@link #PENDING} means "this transaction's sequence", stamped at commit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldMeta(@JsonProperty("v") String version, @JsonProperty("s") long seq,
                        @JsonProperty("d") String device, @JsonProperty("p") Object previous) {

    public static final long PENDING = -1;
    /** The writer of the hub's own changes (a version clamped, a worksite corrected, a conflict recorded). */
    public static final String HUB = "hub";

    public FieldMeta withSeq(long newSeq) {
        return new FieldMeta(version, newSeq, device, previous);
    }
}
