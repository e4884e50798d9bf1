package fr.convergence.terrain.sync.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a laptop sends in one exchange. {@code moreOperations} says more operations follow in the next exchange:
 * the hub then sends no changes, so the laptop pulls only once everything it had has been pushed.
 * {@code rejectionsSeenUpTo} lets the hub forget refusals the laptop has durably recorded (it is also the highest
 * acknowledgement the laptop holds, which tells a restored hub it lost operations). {@code rebuilding} says the
 * laptop wiped its scope and pulls it again: the hub then also sends the rows this device wrote itself.
 * {@code encoding} asks for a denser page encoding ({@link ColumnCodec#COLUMNS_1}, {@link ColumnCodec#COLUMNS_2},
 * {@link ColumnCodec#COLUMNS_3}, which laptops ask for); absent or unknown to the hub, pages come as rows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncRequest(int protocol, String deviceId, String hubId, long cursor, long rejectionsSeenUpTo,
                          List<Operation> operations, boolean moreOperations, Integer pageBytes,
                          Boolean rebuilding, String encoding) {

    public SyncRequest {
        operations = operations == null ? List.of() : List.copyOf(operations);
    }

    public SyncRequest(int protocol, String deviceId, String hubId, long cursor, long rejectionsSeenUpTo,
                       List<Operation> operations, boolean moreOperations, Integer pageBytes) {
        this(protocol, deviceId, hubId, cursor, rejectionsSeenUpTo, operations, moreOperations, pageBytes, null, null);
    }

    /** Whether the hub must send the device's own writes too (its copy of the scope was wiped). */
    public boolean fullPull() {
        return Boolean.TRUE.equals(rebuilding);
    }
}
