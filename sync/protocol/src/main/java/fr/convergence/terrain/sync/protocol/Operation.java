package fr.convergence.terrain.sync.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One local change sent to the hub: the changed fields of one synced row. {@code number} is the device's own
 * operation number (never reused); {@code base} the hub cursor the laptop had applied when the edit was made,
 * which is how the hub tells a concurrent edit from a later one. Short JSON names: this travels at 64 kbit/s.
 * A laptop makes its operations with {@link #encoded}: the fields go on the wire as its outbox encoded them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Operation(
        @JsonProperty("n") long number,
        @JsonProperty("t") String table,
        @JsonProperty("r") String rowId,
        @JsonProperty("w") String worksiteId,
        @JsonProperty("f") Map<String, Object> fields,
        @JsonProperty("v") String version,
        @JsonProperty("b") long base) {

    /**
     * The table of an operation that only holds its number's place: the hub acknowledges it and applies nothing.
     * Numbers must follow each other exactly; after the hub went back in time (restored from a backup), a laptop's
     * operations to send again may have holes — numbers the hub had refused, their changes in the laptop's quarantine,
     * or kept no longer — and it fills them with these.
     */
    public static final String SKIP_TABLE = "-";

    /**
     * An operation whose changed fields are already encoded as a JSON object ({@code {"minutes":240}}), as the laptop's
     * outbox keeps them: the request carries that text as it is, without parsing and encoding it again. Its
     * {@link #fields()} is then an unmodifiable map, read from the text when first asked.
     */
    public static Operation encoded(long number, String table, String rowId, String worksiteId, String fieldsJson,
                                    String version, long base) {
        return new Operation(number, table, rowId, worksiteId, new EncodedFields(fieldsJson), version, base);
    }

    /** An operation that holds number {@code number}'s place (see {@link #SKIP_TABLE}). */
    public static Operation skip(long number) {
        return new Operation(number, SKIP_TABLE, null, null, Map.of(), null, 0);
    }

    public boolean skip() {
        return SKIP_TABLE.equals(table);
    }
}
