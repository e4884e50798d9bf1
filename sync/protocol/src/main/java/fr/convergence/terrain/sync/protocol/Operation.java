package fr.convergence.terrain.sync.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One local change sent to the hub: the changed fields of one synced row. {@code number} is the device's own
 * operation number (never reused); {@code base} the hub cursor the laptop had applied when the edit was made,
 * which is how the hub tells a concurrent edit from a later one. Short JSON names: this travels at 64 kbit/s.
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
}
