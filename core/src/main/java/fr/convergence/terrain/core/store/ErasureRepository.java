package fr.convergence.terrain.core.store;

import static fr.convergence.terrain.core.store.generated.Tables.ERASURE;
import static fr.convergence.terrain.core.store.generated.Tables.PARTICIPANT;

import fr.convergence.terrain.core.store.generated.tables.records.ErasureRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What erasing a person reads and writes (core/erasure/ErasureService decides who may, and records it). */
public final class ErasureRepository {

    /** A person as the confirmation names them, and what of theirs is here, per table (non-empty tables only). */
    public record Found(String displayName, String worksiteId, Map<String, Integer> rows) {
    }

    private final TerrainStore store;

    public ErasureRepository(TerrainStore store) {
        this.store = store;
    }

    public Optional<Found> find(String participantId) {
        return store.read(sql -> sql.selectFrom(PARTICIPANT).where(PARTICIPANT.ID.eq(participantId)).fetchOptional()
                .map(p -> {
                    Map<String, Integer> rows = new LinkedHashMap<>();
                    ParticipantErasure.count(sql, participantId).forEach((table, n) -> {
                        if (n > 0) {
                            rows.put(table, n);
                        }
                    });
                    return new Found(p.getFirstName() + " " + p.getLastName(), p.getWorksiteId(), rows);
                }));
    }

    public Optional<String> worksiteOf(String participantId) {
        return store.read(sql -> sql.select(PARTICIPANT.WORKSITE_ID).from(PARTICIPANT)
                .where(PARTICIPANT.ID.eq(participantId)).fetchOptional(PARTICIPANT.WORKSITE_ID));
    }

    /** Removes the person's file in {@code tx} and saves their tombstone, which the outbox sends like any row. */
    public ParticipantErasure.Removed erase(StoreTransaction tx, String participantId, String worksiteId,
                                            String reasonCode) {
        ParticipantErasure.Removed removed = ParticipantErasure.removeFile(tx.sql(), participantId);
        ErasureRecord tombstone = tx.sql().newRecord(ERASURE);
        tombstone.setId(participantId);
        tombstone.setWorksiteId(worksiteId);
        tombstone.setErasedAt(tx.clock().millis());
        tombstone.setReason(reasonCode);
        tx.save(tombstone);
        return removed;
    }

    /** The reason code of the person's tombstone, when they were erased (here, or on another laptop). */
    public Optional<String> reasonOf(String participantId) {
        return store.read(sql -> sql.select(ERASURE.REASON).from(ERASURE).where(ERASURE.ID.eq(participantId))
                .fetchOptional(ERASURE.REASON));
    }
}
