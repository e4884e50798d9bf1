package fr.convergence.terrain.sync.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a laptop sends in one exchange. {@code moreOperations} says more operations follow in the next exchange:
 * the hub then sends no changes, so the laptop pulls only once everything it had has been pushed.
 * {@code rejectionsSeenUpTo} lets the hub forget refusals the laptop has durably recorded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncRequest(int protocol, String deviceId, String hubId, long cursor, long rejectionsSeenUpTo,
                          List<Operation> operations, boolean moreOperations, Integer pageBytes) {

    public SyncRequest {
        operations = operations == null ? List.of() : List.copyOf(operations);
    }
}
