package fr.convergence.terrain.core.store;

import static fr.convergence.terrain.core.store.generated.Tables.OUTBOX;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_PENDING;

/**
 * Local changes not yet acknowledged by the hub, as the status bar counts them. {@link StoreTransaction} writes the
 * outbox; the sync client ({@code SyncRepository}) numbers, sends and acknowledges its rows.
 */
public final class OutboxRepository {

    private final TerrainStore store;

    public OutboxRepository(TerrainStore store) {
        this.store = store;
    }

    /**
     * Changes the hub has not acknowledged yet: the outbox and the sync client's numbered queue (a sync cut
     * after numbering leaves them there, still to send).
     */
    public int pendingCount() {
        return store.read(sql -> sql.fetchCount(OUTBOX) + sql.fetchCount(SYNC_PENDING));
    }
}
