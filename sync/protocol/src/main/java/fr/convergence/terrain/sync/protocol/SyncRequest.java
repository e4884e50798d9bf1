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
 * {@code base} is the cursor at which the laptop's last pull ended (the answer said no more pages): the laptop holds
 * every row of its scope that existed then, whole and as it was then. Between pages of one pull, {@code cursor} runs
 * ahead of {@code base}, and only {@code base} says what the laptop already holds: a row created before the cursor
 * but changed after the page that would have carried it was never sent (it sat past that page's end), so the hub
 * sends whole every row created or moved in after {@code base}, and every field changed after it. Absent (laptops
 * before 12/2026), the hub takes 0: rows changed after the cursor come whole. {@code client} (optional): what the
 * laptop says of itself ({@link ClientReport}), kept by the hub for its console.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncRequest(int protocol, String deviceId, String hubId, long cursor, long rejectionsSeenUpTo,
                          List<Operation> operations, boolean moreOperations, Integer pageBytes,
                          Boolean rebuilding, String encoding, Long base, ClientReport client) {

    public SyncRequest {
        operations = operations == null ? List.of() : List.copyOf(operations);
    }

    public SyncRequest(int protocol, String deviceId, String hubId, long cursor, long rejectionsSeenUpTo,
                       List<Operation> operations, boolean moreOperations, Integer pageBytes, Boolean rebuilding,
                       String encoding, Long base) {
        this(protocol, deviceId, hubId, cursor, rejectionsSeenUpTo, operations, moreOperations, pageBytes, rebuilding,
                encoding, base, null);
    }

    public SyncRequest(int protocol, String deviceId, String hubId, long cursor, long rejectionsSeenUpTo,
                       List<Operation> operations, boolean moreOperations, Integer pageBytes, Boolean rebuilding,
                       String encoding) {
        this(protocol, deviceId, hubId, cursor, rejectionsSeenUpTo, operations, moreOperations, pageBytes, rebuilding,
                encoding, null);
    }

    public SyncRequest(int protocol, String deviceId, String hubId, long cursor, long rejectionsSeenUpTo,
                       List<Operation> operations, boolean moreOperations, Integer pageBytes) {
        this(protocol, deviceId, hubId, cursor, rejectionsSeenUpTo, operations, moreOperations, pageBytes, null, null);
    }

    /**
     * The cursor up to which the laptop holds whole rows (see the class comment): never past {@code cursor}, 0 when
     * the laptop did not say.
     */
    public long wholeRowsUpTo() {
        return base == null ? 0 : Math.max(0, Math.min(base, cursor));
    }

    /** Whether the hub must send the device's own writes too (its copy of the scope was wiped). */
    public boolean fullPull() {
        return Boolean.TRUE.equals(rebuilding);
    }
}
