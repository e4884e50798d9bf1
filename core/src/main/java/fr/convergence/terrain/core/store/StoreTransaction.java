package fr.convergence.terrain.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.terrain.core.clock.HybridLogicalClock;
import java.time.Clock;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableRecord;

import static fr.convergence.terrain.core.store.generated.Tables.OUTBOX;

/**
 * One write transaction of the store. {@link #save} and {@link #tombstone} are the only way synced rows change:
 * they stamp the sync columns (version, author, tombstone) and write the changed fields to the outbox in the
 * same transaction.
 */
public final class StoreTransaction {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ID = "id";
    static final String WORKSITE_ID = "worksite_id";
    static final String VERSION = "version";
    static final String UPDATED_BY = "updated_by";
    static final String DELETED = "deleted";

    private final DSLContext sql;
    private final HybridLogicalClock hlc;
    private final String userId;
    private final Clock clock;
    private boolean issuedVersions;

    StoreTransaction(DSLContext sql, HybridLogicalClock hlc, String userId, Clock clock) {
        this.sql = sql;
        this.hlc = hlc;
        this.userId = Objects.requireNonNull(userId, "userId");
        this.clock = clock;
    }

    /** The transaction's jOOQ context, for reads and for tables that are not synced (users, reference data). */
    public DSLContext sql() {
        return sql;
    }

    public String userId() {
        return userId;
    }

    public Clock clock() {
        return clock;
    }

    boolean issuedVersions() {
        return issuedVersions;
    }

    /**
     * Inserts or updates a synced row. Only the fields that differ from the stored row travel in the outbox;
     * saving an unchanged row writes nothing. Returns whether anything changed.
     */
    public <R extends TableRecord<R>> boolean save(R record) {
        Table<R> table = record.getTable();
        Field<String> idField = field(table, ID);
        String id = record.get(idField);
        Objects.requireNonNull(id, "a synced row needs its id before it is saved");
        R stored = sql.selectFrom(table).where(idField.eq(id)).fetchOne();

        Map<String, Object> changed = new LinkedHashMap<>();
        for (Field<?> field : table.fields()) {
            String name = field.getName();
            if (isSyncColumn(name)) {
                continue;
            }
            Object value = record.get(field);
            if (stored == null || !Objects.equals(stored.get(field), value)) {
                changed.put(name, value);
            }
        }
        boolean revived = stored != null && Boolean.TRUE.equals(stored.get(field(table, DELETED, Boolean.class)));
        if (stored != null && changed.isEmpty() && !revived) {
            return false;
        }
        if (revived || stored == null) {
            changed.put(DELETED, false);
        }
        String version = nextVersion();
        record.set(field(table, VERSION), version);
        record.set(field(table, UPDATED_BY), userId);
        record.set(field(table, DELETED, Boolean.class), false);
        if (stored == null) {
            sql.insertInto(table).set(record).execute();
        } else {
            var update = sql.update(table).set(field(table, VERSION), version).set(field(table, UPDATED_BY), userId)
                    .set(field(table, DELETED, Boolean.class), false);
            for (String name : changed.keySet()) {
                if (!DELETED.equals(name)) {
                    update = update.set(rawField(table, name), record.get(name));
                }
            }
            update.where(idField.eq(id)).execute();
        }
        recordChange(table, id, record.get(field(table, WORKSITE_ID)), changed, version);
        return true;
    }

    /** Marks a synced row deleted (a tombstone: the row stays until the hub has it and retention allows). */
    public <R extends TableRecord<R>> boolean tombstone(Table<R> table, String id) {
        R stored = sql.selectFrom(table).where(field(table, ID).eq(id)).fetchOne();
        if (stored == null || Boolean.TRUE.equals(stored.get(field(table, DELETED, Boolean.class)))) {
            return false;
        }
        String version = nextVersion();
        sql.update(table).set(field(table, VERSION), version).set(field(table, UPDATED_BY), userId)
                .set(field(table, DELETED, Boolean.class), true).where(field(table, ID).eq(id)).execute();
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put(DELETED, true);
        recordChange(table, id, stored.get(field(table, WORKSITE_ID)), changed, version);
        return true;
    }

    private String nextVersion() {
        issuedVersions = true;
        return hlc.tick().encode();
    }

    private void recordChange(Table<?> table, String rowId, String worksiteId, Map<String, Object> changed,
                              String version) {
        Map<String, Object> wire = new LinkedHashMap<>();
        changed.forEach((name, value) -> wire.put(name, toWire(value)));
        try {
            sql.insertInto(OUTBOX)
                    .set(OUTBOX.CHANGE_ID, UUID.randomUUID().toString())
                    .set(OUTBOX.TABLE_NAME, table.getName())
                    .set(OUTBOX.ROW_ID, rowId)
                    .set(OUTBOX.WORKSITE_ID, worksiteId)
                    .set(OUTBOX.FIELDS, JSON.writeValueAsString(wire))
                    .set(OUTBOX.VERSION, version)
                    .set(OUTBOX.CREATED_AT, clock.millis())
                    .execute();
        } catch (JsonProcessingException e) {
            throw new StoreException("Changement impossible à enregistrer pour la synchronisation", e);
        }
    }

    /** Values travel as JSON scalars: dates and times as ISO-8601 text. */
    static Object toWire(Object value) {
        return value instanceof TemporalAccessor ? value.toString() : value;
    }

    static boolean isSyncColumn(String name) {
        return ID.equals(name) || VERSION.equals(name) || UPDATED_BY.equals(name) || DELETED.equals(name);
    }

    private static Field<String> field(Table<?> table, String name) {
        return field(table, name, String.class);
    }

    private static <T> Field<T> field(Table<?> table, String name, Class<T> type) {
        Field<T> field = table.field(name, type);
        if (field == null) {
            throw new IllegalArgumentException("Table " + table.getName() + " is not a synced table: no " + name);
        }
        return field;
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> rawField(Table<?> table, String name) {
        return (Field<Object>) table.field(name);
    }

    static <R extends Record> boolean isSynced(Table<R> table) {
        return table.field(VERSION) != null && table.field(DELETED) != null && table.field(WORKSITE_ID) != null;
    }
}
