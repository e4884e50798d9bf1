package fr.convergence.terrain.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.terrain.core.clock.HybridLogicalClock;
import java.time.Clock;
import java.time.temporal.TemporalAccessor;
import fr.convergence.terrain.core.store.generated.tables.records.OutboxRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * they stamp the sync columns (version, writer, tombstone) and write the changed fields to the outbox in the
 * same transaction. The writer in {@code updated_by} is this laptop's device id, as the hub stamps it from the
 * device it authenticates, so a row names the same writer on every laptop and on the hub; the user who acted is
 * recorded where a person is shown (a note's author, a status change's signature).
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
    private final String deviceId;
    private final Clock clock;
    private boolean issuedVersions;

    StoreTransaction(DSLContext sql, HybridLogicalClock hlc, String userId, String deviceId, Clock clock) {
        this.sql = sql;
        this.hlc = hlc;
        this.userId = Objects.requireNonNull(userId, "userId");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
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
        return saveAll(List.of(record)) == 1;
    }

    /**
     * {@link #save} for many rows of one table, reading the stored rows in one query and writing the outbox in
     * one batch (a week of hours for a whole worksite). Returns how many rows changed.
     */
    public <R extends TableRecord<R>> int saveAll(List<R> records) {
        return saveAll(records, false);
    }

    /**
     * {@link #save}, folding the change into the row's changes not yet sent (still in the outbox): an undo must not
     * leave one more change to synchronise. The row's unsent changes and this one become one change carrying every
     * field they touched, at this change's version, so the hub ends with the row as it is here. Meant for leaf rows
     * whose references never change (an hours cell: its id is its participant, day and kind), since the merged
     * change moves to the end of the outbox.
     */
    public <R extends TableRecord<R>> boolean saveFoldingUnsent(R record) {
        return saveAll(List.of(record), true) == 1;
    }

    private <R extends TableRecord<R>> int saveAll(List<R> records, boolean foldUnsent) {
        if (records.isEmpty()) {
            return 0;
        }
        Table<R> table = records.get(0).getTable();
        Field<String> idField = field(table, ID);
        Map<String, R> stored = new HashMap<>();
        List<String> ids = records.stream().map(r -> Objects.requireNonNull(r.get(idField),
                "a synced row needs its id before it is saved")).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            sql.selectFrom(table).where(idField.in(ids.subList(from, Math.min(ids.size(), from + 500))))
                    .forEach(r -> stored.put(r.get(idField), r));
        }
        List<R> inserts = new ArrayList<>();
        // Updates that change the same columns share one prepared statement (a week of hours: only "minutes").
        Map<List<String>, List<Object[]>> updates = new LinkedHashMap<>();
        List<OutboxRecord> outbox = new ArrayList<>();
        for (R record : records) {
            String id = record.get(idField);
            R before = stored.get(id);
            Map<String, Object> changed = new LinkedHashMap<>();
            for (Field<?> field : table.fields()) {
                String name = field.getName();
                if (!isSyncColumn(name) && (before == null || !Objects.equals(before.get(field), record.get(field)))) {
                    changed.put(name, record.get(field));
                }
            }
            boolean revived = before != null && Boolean.TRUE.equals(before.get(field(table, DELETED, Boolean.class)));
            if (before != null && changed.isEmpty() && !revived) {
                continue;
            }
            if (revived || before == null) {
                changed.put(DELETED, false);
            }
            String version = nextVersion();
            record.set(field(table, VERSION), version);
            record.set(field(table, UPDATED_BY), deviceId);
            record.set(field(table, DELETED, Boolean.class), false);
            if (before == null) {
                inserts.add(record);
            } else {
                List<String> columns = changed.keySet().stream().filter(name -> !DELETED.equals(name)).toList();
                List<Object> values = new ArrayList<>();
                values.add(version);
                values.add(deviceId);
                values.add(false);
                columns.forEach(name -> values.add(record.get(name)));
                values.add(id);
                updates.computeIfAbsent(columns, c -> new ArrayList<>()).add(values.toArray());
            }
            stored.put(id, record);
            outbox.add(outboxRecord(table, id, record.get(field(table, WORKSITE_ID)), changed, version));
        }
        updates.forEach((columns, rows) -> {
            // Bind order: version, updated_by, deleted, the changed columns, then the id.
            var update = sql.update(table).set(field(table, VERSION), (String) null)
                    .set(field(table, UPDATED_BY), (String) null).set(field(table, DELETED, Boolean.class), false);
            for (String name : columns) {
                update = update.set(rawField(table, name), (Object) null);
            }
            var batch = sql.batch(update.where(idField.eq((String) null)));
            rows.forEach(batch::bind);
            batch.execute();
        });
        if (!inserts.isEmpty()) {
            Field<?>[] fields = table.fields();
            var insert = sql.batch(sql.insertInto(table).columns(fields).values(new Object[fields.length]));
            for (R record : inserts) {
                Object[] values = new Object[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    values[i] = record.get(fields[i]);
                }
                insert.bind(values);
            }
            insert.execute();
        }
        if (foldUnsent) {
            outbox.forEach(change -> foldUnsent(table, change));
        }
        if (!outbox.isEmpty()) {
            // One prepared statement for the whole batch: rendering an INSERT per row cost more than SQLite itself.
            var insert = sql.batch(sql.insertInto(OUTBOX, OUTBOX.CHANGE_ID, OUTBOX.TABLE_NAME, OUTBOX.ROW_ID,
                    OUTBOX.WORKSITE_ID, OUTBOX.FIELDS, OUTBOX.VERSION, OUTBOX.CREATED_AT)
                    .values((String) null, null, null, null, null, null, null));
            for (OutboxRecord change : outbox) {
                insert.bind(change.getChangeId(), change.getTableName(), change.getRowId(), change.getWorksiteId(),
                        change.getFields(), change.getVersion(), change.getCreatedAt());
            }
            insert.execute();
        }
        return outbox.size();
    }

    /** Marks a synced row deleted (a tombstone: the row stays until the hub has it and retention allows). */
    public <R extends TableRecord<R>> boolean tombstone(Table<R> table, String id) {
        R stored = sql.selectFrom(table).where(field(table, ID).eq(id)).fetchOne();
        if (stored == null || Boolean.TRUE.equals(stored.get(field(table, DELETED, Boolean.class)))) {
            return false;
        }
        String version = nextVersion();
        sql.update(table).set(field(table, VERSION), version).set(field(table, UPDATED_BY), deviceId)
                .set(field(table, DELETED, Boolean.class), true).where(field(table, ID).eq(id)).execute();
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put(DELETED, true);
        outboxRecord(table, id, stored.get(field(table, WORKSITE_ID)), changed, version).insert();
        return true;
    }

    /**
     * {@link #tombstone} folding into the row's unsent changes, like {@link #saveFoldingUnsent}. When those
     * changes created the row (the hub has never heard of it), nothing is left to send: the unsent creation is
     * dropped and the row removed, as if it had never been typed.
     */
    public <R extends TableRecord<R>> boolean tombstoneFoldingUnsent(Table<R> table, String id) {
        Map<String, Object> unsent = unsentFields(table, id);
        if (!unsent.isEmpty() && createsRow(table, unsent)) {
            sql.deleteFrom(OUTBOX).where(OUTBOX.TABLE_NAME.eq(table.getName()), OUTBOX.ROW_ID.eq(id)).execute();
            sql.deleteFrom(table).where(field(table, ID).eq(id)).execute();
            return true;
        }
        if (!tombstone(table, id)) {
            return false;
        }
        OutboxRecord last = sql.selectFrom(OUTBOX).where(OUTBOX.TABLE_NAME.eq(table.getName()), OUTBOX.ROW_ID.eq(id))
                .orderBy(OUTBOX.SEQ.desc()).limit(1).fetchOne();
        if (last != null) {
            foldUnsent(table, last);
            last.update();
        }
        return true;
    }

    /** Merges the row's other outbox changes, all earlier, into {@code change}, and deletes them. */
    private void foldUnsent(Table<?> table, OutboxRecord change) {
        var earlier = sql.selectFrom(OUTBOX).where(OUTBOX.TABLE_NAME.eq(table.getName()),
                OUTBOX.ROW_ID.eq(change.getRowId()), OUTBOX.CHANGE_ID.ne(change.getChangeId()))
                .orderBy(OUTBOX.SEQ).fetch();
        if (earlier.isEmpty()) {
            return;
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        earlier.forEach(r -> merged.putAll(readFields(r.getFields())));
        merged.putAll(readFields(change.getFields()));
        change.setFields(writeFields(merged));
        sql.deleteFrom(OUTBOX).where(OUTBOX.SEQ.in(earlier.map(OutboxRecord::getSeq))).execute();
    }

    /** The fields of the row's outbox changes, merged in order (empty when nothing waits for the row). */
    private Map<String, Object> unsentFields(Table<?> table, String id) {
        Map<String, Object> merged = new LinkedHashMap<>();
        sql.selectFrom(OUTBOX).where(OUTBOX.TABLE_NAME.eq(table.getName()), OUTBOX.ROW_ID.eq(id))
                .orderBy(OUTBOX.SEQ).forEach(r -> merged.putAll(readFields(r.getFields())));
        return merged;
    }

    /** A creation carries every column; an update or a revival only those that changed. */
    private static boolean createsRow(Table<?> table, Map<String, Object> fields) {
        for (Field<?> f : table.fields()) {
            if (!isSyncColumn(f.getName()) && !fields.containsKey(f.getName())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> readFields(String json) {
        try {
            return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new StoreException("Changement en attente illisible", e);
        }
    }

    private static String writeFields(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new StoreException("Changement impossible à enregistrer pour la synchronisation", e);
        }
    }

    private String nextVersion() {
        issuedVersions = true;
        return hlc.tick().encode();
    }

    private OutboxRecord outboxRecord(Table<?> table, String rowId, String worksiteId, Map<String, Object> changed,
                                      String version) {
        Map<String, Object> wire = new LinkedHashMap<>();
        changed.forEach((name, value) -> wire.put(name, toWire(value)));
        OutboxRecord record = sql.newRecord(OUTBOX);
        record.setChangeId(UUID.randomUUID().toString());
        record.setTableName(table.getName());
        record.setRowId(rowId);
        record.setWorksiteId(worksiteId);
        try {
            record.setFields(JSON.writeValueAsString(wire));
        } catch (JsonProcessingException e) {
            throw new StoreException("Changement impossible à enregistrer pour la synchronisation", e);
        }
        record.setVersion(version);
        record.setCreatedAt(clock.millis());
        return record;
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
