package fr.convergence.terrain.core.store;

import java.util.List;

import static fr.convergence.terrain.core.store.generated.Tables.OUTBOX;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_PENDING;

/** Local changes not yet acknowledged by the hub, in the order they were committed. */
public final class OutboxRepository {

    /** One pending change: the changed fields of one synced row, as JSON. */
    public record PendingChange(long seq, String changeId, String table, String rowId, String worksiteId,
                                String fieldsJson, String version, long createdAt) {
    }

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

    public List<PendingChange> pending(int limit) {
        return store.read(sql -> sql.selectFrom(OUTBOX).orderBy(OUTBOX.SEQ).limit(limit)
                .fetch(r -> new PendingChange(r.getSeq(), r.getChangeId(), r.getTableName(), r.getRowId(),
                        r.getWorksiteId(), r.getFields(), r.getVersion(), r.getCreatedAt())));
    }

    /** Removes the changes up to {@code seq} once the hub has acknowledged them. */
    public int acknowledgeUpTo(StoreTransaction tx, long seq) {
        return tx.sql().deleteFrom(OUTBOX).where(OUTBOX.SEQ.le((int) seq)).execute();
    }
}
