package fr.convergence.terrain.core.store;

import static fr.convergence.terrain.core.store.generated.Tables.APP_USER;
import static fr.convergence.terrain.core.store.generated.Tables.AUDIT_EVENT;
import static fr.convergence.terrain.core.store.generated.Tables.PARTICIPANT;
import static fr.convergence.terrain.core.store.generated.Tables.STORE_META;

import fr.convergence.terrain.core.domain.AuditEvent;
import fr.convergence.terrain.core.store.generated.tables.records.AuditEventRecord;
import fr.convergence.terrain.core.text.NameOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The audit journal's rows: inserted, read by filters, never updated; deleted only on this laptop once past the
 * journal's retention ({@link #deleteOlderThan}).
 */
public final class AuditRepository {

    private final TerrainStore store;

    public AuditRepository(TerrainStore store) {
        this.store = store;
    }

    /** Adds an entry, synced like any row (version, outbox) in {@code tx}. */
    public void add(StoreTransaction tx, AuditEvent event) {
        AuditEventRecord r = tx.sql().newRecord(AUDIT_EVENT);
        r.setId(event.id());
        r.setWorksiteId(event.worksiteId());
        r.setOccurredAt(event.occurredAt().toEpochMilli());
        r.setActorId(event.actorId());
        r.setActorName(event.actorName());
        r.setAction(event.actionCode());
        r.setParticipantId(event.participantId());
        r.setDetail(event.detail());
        tx.save(r);
    }

    /**
     * Entries of {@code worksiteIds}, newest first, at most {@code limit}: each filter applies when not null
     * ({@code from} inclusive, {@code to} exclusive, in epoch milliseconds).
     */
    public List<AuditEvent> find(Collection<String> worksiteIds, String actorName, String participantId,
                                 String actionCode, Long from, Long to, int limit) {
        List<Condition> where = new ArrayList<>();
        where.add(AUDIT_EVENT.WORKSITE_ID.in(worksiteIds));
        where.add(AUDIT_EVENT.DELETED.isFalse());
        if (actorName != null) {
            where.add(AUDIT_EVENT.ACTOR_NAME.eq(actorName));
        }
        if (participantId != null) {
            where.add(AUDIT_EVENT.PARTICIPANT_ID.eq(participantId));
        }
        if (actionCode != null) {
            where.add(AUDIT_EVENT.ACTION.eq(actionCode));
        }
        if (from != null) {
            where.add(AUDIT_EVENT.OCCURRED_AT.ge(from));
        }
        if (to != null) {
            where.add(AUDIT_EVENT.OCCURRED_AT.lt(to));
        }
        return store.read(sql -> sql.selectFrom(AUDIT_EVENT).where(DSL.and(where))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc()).limit(limit)
                .fetch(r -> new AuditEvent(r.getId(), r.getWorksiteId(), Instant.ofEpochMilli(r.getOccurredAt()),
                        r.getActorId(), r.getActorName(), r.getAction(), r.getParticipantId(), r.getDetail())));
    }

    /** The names of the people who acted in these worksites' journal (for the filter), sorted. */
    public List<String> actorNames(Collection<String> worksiteIds) {
        return store.read(sql -> sql.selectDistinct(AUDIT_EVENT.ACTOR_NAME).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.WORKSITE_ID.in(worksiteIds), AUDIT_EVENT.ACTOR_NAME.isNotNull())
                .fetch(AUDIT_EVENT.ACTOR_NAME)).stream().sorted(NameOrder.TEXT).toList();
    }

    /** The display name of a local account, read in {@code tx} (null when the id is no account of this laptop). */
    public String userName(StoreTransaction tx, String userId) {
        return userId == null ? null : tx.sql().select(APP_USER.DISPLAY_NAME).from(APP_USER)
                .where(APP_USER.ID.eq(userId)).fetchOne(APP_USER.DISPLAY_NAME);
    }

    /** "First name Last name" of those participants this laptop holds (others are absent from the map). */
    public Map<String, String> participantNames(Collection<String> participantIds) {
        Map<String, String> names = new HashMap<>();
        if (participantIds.isEmpty()) {
            return names;
        }
        store.read(sql -> sql.select(PARTICIPANT.ID, PARTICIPANT.LAST_NAME, PARTICIPANT.FIRST_NAME).from(PARTICIPANT)
                .where(PARTICIPANT.ID.in(participantIds))
                .fetch()).forEach(r -> names.put(r.value1(), r.value3() + " " + r.value2()));
        return names;
    }

    /**
     * Deletes this laptop's entries that occurred before {@code beforeMillis}, in {@code tx}, without queueing
     * anything: the journal is append-only on the hub, which keeps its own copy under its own rule. An entry never
     * changes, so the hub never sends it back (except in a full pull, which the next purge clears again).
     *
     * @return how many entries were deleted
     */
    public int deleteOlderThan(StoreTransaction tx, long beforeMillis) {
        return tx.sql().deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.OCCURRED_AT.lt(beforeMillis)).execute();
    }

    /** Forgets settings kept for the journal (refused sign-ins deferred while the store was locked), in {@code tx}. */
    public void forgetSettings(StoreTransaction tx, String... keys) {
        tx.sql().deleteFrom(STORE_META).where(STORE_META.META_KEY.in(keys)).execute();
    }
}
