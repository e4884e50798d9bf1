package fr.convergence.terrain.core.store;

import java.util.List;

import static fr.convergence.terrain.core.store.generated.Tables.OUTBOX;

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

    public int pendingCount() {
        return store.read(sql -> sql.fetchCount(OUTBOX));
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
