package fr.convergence.terrain.sync.client.store;

import static fr.convergence.terrain.core.store.generated.Tables.OUTBOX;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_CONFLICT;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_PENDING;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_QUARANTINE;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_SENT;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_STATE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import fr.convergence.terrain.core.store.ParticipantErasure;
import fr.convergence.terrain.core.store.SealedColumns;
import fr.convergence.terrain.core.store.StoreException;
import fr.convergence.terrain.core.store.StoreTransaction;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.generated.DefaultSchema;
import fr.convergence.terrain.core.store.generated.tables.records.SyncConflictRecord;
import fr.convergence.terrain.core.store.generated.tables.records.SyncPendingRecord;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.Rejection;
import fr.convergence.terrain.sync.protocol.Rewind;
import fr.convergence.terrain.sync.protocol.RowExit;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.TableChanges;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * The laptop's sync tables: state (cursor, token), the numbered queue of pending operations, the quarantine and
 * the conflicts, and the application of a page of hub changes to the synced tables — without going through the
 * outbox, since these changes come from the hub.
 */
public final class SyncRepository {

    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };
    public static final String CURSOR = "cursor";
    /**
     * Where the laptop's last complete pull ended: it holds every row of its scope that existed then, whole. Sent
     * with each request ({@code SyncRequest.base}); the cursor runs ahead of it between the pages of a pull.
     */
    public static final String WHOLE_ROWS_UP_TO = "whole_rows_up_to";
    public static final String HUB_ID = "hub_id";
    public static final String HUB_URL = "hub_url";
    public static final String TOKEN = "token";
    public static final String DEVICE_ID = "device_id";
    public static final String SCOPE = "scope";
    public static final String REJECTIONS_SEEN = "rejections_seen";
    public static final String LAST_SYNC = "last_sync";
    /** The hub's clock minus this laptop's, in ms, at the last answer: the Synchronisation page warns past minutes. */
    public static final String CLOCK_DRIFT = "clock_drift_ms";
    /** Set while the scope is pulled again after a wipe: the hub then sends this laptop's own writes too. */
    public static final String REBUILDING = "rebuilding";
    /**
     * How long acknowledged operations are kept to be sent again to a hub restored from a backup: longer than
     * the age of the oldest backup anyone would restore (the hub's backups are daily, kept 30 days).
     */
    public static final Duration SENT_RETENTION = Duration.ofDays(90);

    /** One refused operation waiting for the user. */
    public record Quarantined(long number, String table, String rowId, String worksiteId, Map<String, Object> fields,
                              String code, String reason, long quarantinedAt) {
    }

    /**
     * One conflict recorded by the hub: the value kept in the data and the other one, with the base, and the
     * versions of both edits (their last part is the device that made them).
     */
    public record Conflict(String id, String worksiteId, String table, String rowId, String field, String baseValue,
                           String keptValue, String otherValue, long createdAt, String keptVersion,
                           String otherVersion) {
    }

    private final TerrainStore store;

    public SyncRepository(TerrainStore store) {
        this.store = store;
    }

    public Optional<String> state(String key) {
        return store.read(sql -> state(sql, key));
    }

    /** Whether {@code key} has a value, read without decrypting it (the token is encrypted). */
    public boolean hasState(String key) {
        return store.read(sql -> sql.fetchExists(SYNC_STATE, SYNC_STATE.STATE_KEY.eq(key)));
    }

    public static Optional<String> state(DSLContext sql, String key) {
        Optional<String> stored = sql.select(SYNC_STATE.STATE_VALUE).from(SYNC_STATE)
                .where(SYNC_STATE.STATE_KEY.eq(key)).fetchOptional(SYNC_STATE.STATE_VALUE);
        return TOKEN.equals(key)
                ? stored.map(v -> SealedColumns.open(sql.configuration(), SealedColumns.HUB_TOKEN, v)) : stored;
    }

    public static void putState(DSLContext sql, String key, String clear) {
        // The hub token opens the worksite's data on the hub: encrypted like the personal fields (ADR 0005); the
        // cursor, the hub's address and the scope stay clear (figures for `terrain check`, no person in them).
        String value = TOKEN.equals(key) ? SealedColumns.seal(sql.configuration(), SealedColumns.HUB_TOKEN, clear)
                : clear;
        sql.insertInto(SYNC_STATE).set(SYNC_STATE.STATE_KEY, key).set(SYNC_STATE.STATE_VALUE, value)
                .onConflict(SYNC_STATE.STATE_KEY).doUpdate().set(SYNC_STATE.STATE_VALUE, value).execute();
    }

    public static long cursor(DSLContext sql) {
        return state(sql, CURSOR).map(Long::parseLong).orElse(0L);
    }

    /**
     * Moves the outbox into the numbered queue, stamping each change with the cursor in effect. Called in every
     * transaction that moves the cursor, before moving it: every outbox row was therefore made at that cursor.
     */
    public static int numberOutbox(StoreTransaction tx) {
        DSLContext sql = tx.sql();
        long cursor = cursor(sql);
        var rows = sql.selectFrom(OUTBOX).orderBy(OUTBOX.SEQ).fetch();
        for (var r : rows) {
            sql.insertInto(SYNC_PENDING).set(SYNC_PENDING.CHANGE_ID, r.getChangeId())
                    .set(SYNC_PENDING.TABLE_NAME, r.getTableName()).set(SYNC_PENDING.ROW_ID, r.getRowId())
                    .set(SYNC_PENDING.WORKSITE_ID, r.getWorksiteId()).set(SYNC_PENDING.FIELDS, r.getFields())
                    .set(SYNC_PENDING.VERSION, r.getVersion()).set(SYNC_PENDING.BASE_CURSOR, cursor)
                    .set(SYNC_PENDING.CREATED_AT, r.getCreatedAt()).execute();
        }
        if (!rows.isEmpty()) {
            sql.deleteFrom(OUTBOX).where(OUTBOX.SEQ.le(rows.get(rows.size() - 1).getSeq())).execute();
        }
        return rows.size();
    }

    /**
     * The next operations to send, oldest first, within about {@code maxBytes} of JSON. Their fields are the JSON the
     * outbox recorded, which goes into the request as it is ({@link Operation#encoded}).
     */
    public List<Operation> nextBatch(int maxBytes) {
        return store.read(sql -> {
            List<Operation> batch = new ArrayList<>();
            int bytes = 0;
            for (SyncPendingRecord r : sql.selectFrom(SYNC_PENDING).orderBy(SYNC_PENDING.OP_NUMBER).limit(5_000)
                    .fetch()) {
                if (!batch.isEmpty() && bytes + r.getFields().length() + 150 > maxBytes) {
                    break;
                }
                bytes += r.getFields().length() + 150;
                batch.add(Operation.SKIP_TABLE.equals(r.getTableName()) ? Operation.skip(r.getOpNumber())
                        : Operation.encoded(r.getOpNumber(), r.getTableName(), r.getRowId(), r.getWorksiteId(),
                        r.getFields(), r.getVersion(), r.getBaseCursor()));
            }
            return batch;
        });
    }

    public long cursor() {
        return store.read(SyncRepository::cursor);
    }

    /** {@link #WHOLE_ROWS_UP_TO}; 0 for a store that never said (synced before 12/2026): rows then come whole. */
    public long wholeRowsUpTo() {
        return state(WHOLE_ROWS_UP_TO).map(Long::parseLong).orElse(0L);
    }

    /** Whether operations numbered after {@code number} wait in the queue. */
    public boolean hasPendingAfter(long number) {
        return store.read(sql -> sql.fetchExists(SYNC_PENDING, SYNC_PENDING.OP_NUMBER.gt((int) number)));
    }

    /**
     * The changes waiting for the hub, as a person counts them: the access journal's entries travel with them but
     * are not counted, else a mere sign-in (or {@code terrain check}, which signs in) would always leave one.
     */
    public int pendingCount() {
        return store.read(sql -> sql.fetchCount(SYNC_PENDING, SYNC_PENDING.TABLE_NAME.ne(SyncSchema.AUDIT_TABLE))
                + sql.fetchCount(OUTBOX, OUTBOX.TABLE_NAME.ne(SyncSchema.AUDIT_TABLE)));
    }

    /** Removes the acknowledged operations; the refused ones go to the quarantine and their rows are reset. */
    public static int acknowledge(StoreTransaction tx, long acknowledged, List<Rejection> rejections, long millis) {
        DSLContext sql = tx.sql();
        List<Rejection> newestFirst = new ArrayList<>(rejections);
        newestFirst.sort(Comparator.comparingLong(Rejection::number).reversed());
        int quarantined = 0;
        for (Rejection rejection : newestFirst) {
            SyncPendingRecord op = sql.selectFrom(SYNC_PENDING).where(SYNC_PENDING.OP_NUMBER.eq((int) rejection.number()))
                    .fetchOne();
            if (op == null || Operation.SKIP_TABLE.equals(op.getTableName())) {
                // A skip holds a number whose change was dropped (the person it was about was erased): nothing to
                // quarantine.
                continue;
            }
            sql.insertInto(SYNC_QUARANTINE).set(SYNC_QUARANTINE.OP_NUMBER, (long) op.getOpNumber())
                    .set(SYNC_QUARANTINE.CHANGE_ID, op.getChangeId()).set(SYNC_QUARANTINE.TABLE_NAME, op.getTableName())
                    .set(SYNC_QUARANTINE.ROW_ID, op.getRowId()).set(SYNC_QUARANTINE.WORKSITE_ID, op.getWorksiteId())
                    .set(SYNC_QUARANTINE.FIELDS, op.getFields()).set(SYNC_QUARANTINE.VERSION, op.getVersion())
                    .set(SYNC_QUARANTINE.REASON_CODE, rejection.code()).set(SYNC_QUARANTINE.REASON, rejection.reason())
                    .set(SYNC_QUARANTINE.QUARANTINED_AT, millis).onConflictDoNothing().execute();
            sql.deleteFrom(SYNC_PENDING).where(SYNC_PENDING.OP_NUMBER.eq(op.getOpNumber())).execute();
            if (!Rejection.ERASED.equals(rejection.code())) {
                dropRefusedRow(sql, op.getTableName(), op.getRowId());
            }
            // else the row stays until the person's tombstone (pulled next) removes their whole file with this
            // change: removed now, the change would no longer be known to be about them.
            quarantined++;
        }
        // Acknowledged is not yet durable: kept a while in case the hub is restored from an older backup.
        var done = SYNC_PENDING.OP_NUMBER.le((int) acknowledged);
        sql.insertInto(SYNC_SENT, SYNC_SENT.OP_NUMBER, SYNC_SENT.CHANGE_ID, SYNC_SENT.TABLE_NAME, SYNC_SENT.ROW_ID,
                        SYNC_SENT.WORKSITE_ID, SYNC_SENT.FIELDS, SYNC_SENT.VERSION, SYNC_SENT.BASE_CURSOR,
                        SYNC_SENT.CREATED_AT, SYNC_SENT.ACKNOWLEDGED_AT)
                .select(sql.select(SYNC_PENDING.OP_NUMBER, SYNC_PENDING.CHANGE_ID, SYNC_PENDING.TABLE_NAME,
                        SYNC_PENDING.ROW_ID, SYNC_PENDING.WORKSITE_ID, SYNC_PENDING.FIELDS, SYNC_PENDING.VERSION,
                        SYNC_PENDING.BASE_CURSOR, SYNC_PENDING.CREATED_AT, DSL.val(millis)).from(SYNC_PENDING)
                        .where(done))
                .onConflictDoNothing().execute();
        sql.deleteFrom(SYNC_PENDING).where(done).execute();
        sql.deleteFrom(SYNC_SENT).where(SYNC_SENT.ACKNOWLEDGED_AT.lt(millis - SENT_RETENTION.toMillis())).execute();
        long seen = state(sql, REJECTIONS_SEEN).map(Long::parseLong).orElse(0L);
        putState(sql, REJECTIONS_SEEN, String.valueOf(Math.max(seen, acknowledged)));
        return quarantined;
    }

    /**
     * The hub went back in time ({@link Rewind}): the operations it acknowledged after {@code lastOperation} go
     * back to the queue with their own numbers, every queued operation counts as made at the hub's
     * {@code lastCursor} at most, and the laptop's record of acknowledgements follows the hub's. Returns how many
     * operations will be sent again. The caller then wipes the scope, which the next pages bring back.
     */
    public static int rewind(StoreTransaction tx, Rewind rewind) {
        DSLContext sql = tx.sql();
        var lost = SYNC_SENT.OP_NUMBER.gt((int) rewind.lastOperation());
        int resent = sql.insertInto(SYNC_PENDING, SYNC_PENDING.OP_NUMBER, SYNC_PENDING.CHANGE_ID,
                        SYNC_PENDING.TABLE_NAME, SYNC_PENDING.ROW_ID, SYNC_PENDING.WORKSITE_ID, SYNC_PENDING.FIELDS,
                        SYNC_PENDING.VERSION, SYNC_PENDING.BASE_CURSOR, SYNC_PENDING.CREATED_AT)
                .select(sql.select(SYNC_SENT.OP_NUMBER, SYNC_SENT.CHANGE_ID, SYNC_SENT.TABLE_NAME, SYNC_SENT.ROW_ID,
                        SYNC_SENT.WORKSITE_ID, SYNC_SENT.FIELDS, SYNC_SENT.VERSION, SYNC_SENT.BASE_CURSOR,
                        SYNC_SENT.CREATED_AT).from(SYNC_SENT).where(lost))
                .onConflictDoNothing().execute();
        sql.deleteFrom(SYNC_SENT).where(lost).execute();
        sql.update(SYNC_PENDING).set(SYNC_PENDING.BASE_CURSOR, rewind.lastCursor())
                .where(SYNC_PENDING.BASE_CURSOR.gt(rewind.lastCursor())).execute();
        fillHoles(tx, rewind.lastOperation());
        putState(sql, REJECTIONS_SEEN, String.valueOf(rewind.lastOperation()));
        return resent;
    }

    /**
     * A store restored from a backup is behind the hub: the hub has applied this laptop's operations up to
     * {@code hubApplied}, some numbered after the backup by the laptop as it was. The queued operations up to that
     * number were sent before (the same ones: numbered before the backup) and count as acknowledged; the next
     * numbers follow the hub's, else the hub would take the new changes for ones it already has and drop them.
     */
    public static void catchUpAfterRestore(StoreTransaction tx, long hubApplied, List<Rejection> rejections,
                                           long millis) {
        acknowledge(tx, hubApplied, rejections, millis);
        DSLContext sql = tx.sql();
        if (sql.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'sync_pending' AND seq < ?", hubApplied,
                hubApplied) == 0
                && !sql.fetchExists(sql.selectOne().from("sqlite_sequence").where("name = 'sync_pending'"))) {
            sql.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('sync_pending', ?)", hubApplied);
        }
    }

    /**
     * After a rewind, the numbers from {@code after} + 1 to the last this laptop issued that nothing in the queue
     * carries (refused then — their changes are in the quarantine —, or kept no longer) get a
     * {@link Operation#skip skip}: the hub takes numbers in sequence only, and would refuse every later one.
     */
    private static void fillHoles(StoreTransaction tx, long after) {
        DSLContext sql = tx.sql();
        Long issued = sql.fetchOptional("SELECT seq FROM sqlite_sequence WHERE name = 'sync_pending'")
                .map(r -> r.get(0, Long.class)).orElse(0L);
        Set<Integer> queued = new HashSet<>(sql.select(SYNC_PENDING.OP_NUMBER).from(SYNC_PENDING)
                .where(SYNC_PENDING.OP_NUMBER.gt((int) after)).fetch(SYNC_PENDING.OP_NUMBER));
        for (long number = after + 1; number <= issued; number++) {
            if (!queued.contains((int) number)) {
                sql.insertInto(SYNC_PENDING).set(SYNC_PENDING.OP_NUMBER, (int) number)
                        .set(SYNC_PENDING.CHANGE_ID, java.util.UUID.randomUUID().toString())
                        .set(SYNC_PENDING.TABLE_NAME, Operation.SKIP_TABLE).set(SYNC_PENDING.ROW_ID, "")
                        .set(SYNC_PENDING.WORKSITE_ID, "").set(SYNC_PENDING.FIELDS, "{}")
                        .set(SYNC_PENDING.VERSION, "").set(SYNC_PENDING.BASE_CURSOR, 0L)
                        .set(SYNC_PENDING.CREATED_AT, 0L).execute();
            }
        }
    }

    /** Acknowledged operations still kept for a restored hub. */
    public int sentKept() {
        return store.read(sql -> sql.fetchCount(SYNC_SENT));
    }

    /**
     * A refused row goes back to what the hub holds: the hub re-sends it whole if it has it; if it does not
     * (a refused creation), the local copy is removed — unless rows still hang on it. The change itself is
     * kept in the quarantine.
     */
    private static void dropRefusedRow(DSLContext sql, String tableName, String rowId) {
        Optional<SyncSchema.Table> table = SyncSchema.table(tableName);
        if (table.isEmpty() || hasChildren(sql, tableName, rowId)) {
            return;
        }
        Table<?> local = DefaultSchema.DEFAULT_SCHEMA.getTable(tableName);
        if (local != null && pendingFields(sql).getOrDefault(tableName + "/" + rowId, Set.of()).isEmpty()) {
            sql.deleteFrom(local).where(idField(local).eq(rowId)).execute();
        }
    }

    private static boolean hasChildren(DSLContext sql, String tableName, String rowId) {
        for (SyncSchema.Table child : SyncSchema.tables()) {
            for (SyncSchema.Field ref : child.references()) {
                if (ref.parent().equals(tableName)) {
                    Table<?> local = DefaultSchema.DEFAULT_SCHEMA.getTable(child.name());
                    if (sql.fetchExists(local, DSL.field(DSL.name(ref.name()), String.class).eq(rowId))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Table/row → fields with a change not yet acknowledged by the hub: a page must not overwrite those. */
    static Map<String, Set<String>> pendingFields(DSLContext sql) {
        Map<String, Set<String>> pending = new HashMap<>();
        sql.select(SYNC_PENDING.TABLE_NAME, SYNC_PENDING.ROW_ID, SYNC_PENDING.FIELDS).from(SYNC_PENDING)
                .forEach(r -> pending.computeIfAbsent(r.value1() + "/" + r.value2(), k -> new HashSet<>())
                        .addAll(fields(r.value3()).keySet()));
        sql.select(OUTBOX.TABLE_NAME, OUTBOX.ROW_ID, OUTBOX.FIELDS).from(OUTBOX)
                .forEach(r -> pending.computeIfAbsent(r.value1() + "/" + r.value2(), k -> new HashSet<>())
                        .addAll(fields(r.value3()).keySet()));
        return pending;
    }

    /**
     * For each erasure tombstone among {@code changes}: removes the person's file from this laptop and drops the
     * changes about them still queued, refused or kept as sent. Called before the answer's refusals are quarantined
     * (so that changes the hub refused because the person is erased are dropped, not quarantined — and the rows they
     * touched are still here to tell they were about that person), and again by {@link #applyPage} (then finding
     * nothing left). Returns rows removed and changes dropped.
     */
    public static int[] applyErasures(StoreTransaction tx, List<TableChanges> changes) {
        int removed = 0;
        int dropped = 0;
        for (TableChanges group : changes) {
            if (group.table().equals(SyncSchema.ERASURE_TABLE) && group.columns().get(0).equals(SyncSchema.ID)) {
                for (List<Object> row : group.rows()) {
                    ParticipantErasure.Removed erased = ParticipantErasure.removeFile(tx.sql(), (String) row.get(0));
                    removed += erased.rows();
                    dropped += erased.operationsDropped();
                }
            }
        }
        return new int[] {removed, dropped};
    }

    /**
     * Applies one page of hub changes: rows (parents first), then removals (children first), then erasures: each
     * erasure tombstone received removes the person's whole file from this laptop, with the changes about them still
     * queued or refused here (dropped, not quarantined: the hub refuses them for good). Returns rows applied, rows
     * removed, and queued changes dropped by erasures.
     */
    public static int[] applyPage(StoreTransaction tx, List<TableChanges> changes, List<RowExit> exits) {
        DSLContext sql = tx.sql();
        sql.execute("PRAGMA defer_foreign_keys = ON");
        Map<String, Set<String>> pending = pendingFields(sql);
        List<TableChanges> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparingInt(c -> SyncSchema.order(c.table())));
        int applied = 0;
        for (TableChanges group : ordered) {
            Table<?> table = DefaultSchema.DEFAULT_SCHEMA.getTable(group.table());
            if (table == null || SyncSchema.table(group.table()).isEmpty()) {
                continue;
            }
            applied += applyGroup(sql, table, group, pending);
        }
        List<RowExit> removal = new ArrayList<>(exits);
        removal.sort(Comparator.comparingInt((RowExit e) -> SyncSchema.order(e.table())).reversed());
        int removed = 0;
        for (RowExit exit : removal) {
            removed += deleteCascade(sql, exit.table(), exit.rowId());
        }
        int[] erased = applyErasures(tx, changes);
        // A person erased here after this page was asked for (their tombstone not yet sent): the hub still had them
        // and may have sent their rows; removed again, so that the laptop never holds them back.
        int again = 0;
        for (String erasedHere : sql.select(DSL.field(DSL.name("erasure", "id"), String.class))
                .from(DSL.table(DSL.name("erasure"))).join(DSL.table(DSL.name("participant")))
                .on(DSL.field(DSL.name("participant", "id"), String.class)
                        .eq(DSL.field(DSL.name("erasure", "id"), String.class))).fetch(0, String.class)) {
            again += ParticipantErasure.removeFile(sql, erasedHere).rows();
        }
        return new int[] {applied, removed + erased[0] + again, erased[1]};
    }

    /**
     * Applies one group: rows new to this laptop are inserted in JDBC batches (an initial sync is tens of thousands
     * of them), the others updated one by one, field by field, around the laptop's unsent changes. In a group that
     * carries every required field (new rows always come whole), a new row is told from a known one by its insert
     * itself ({@code ON CONFLICT (id) DO NOTHING} counts 0 for a known id), so no id is looked up beforehand. A group
     * of some fields only holds rows this laptop has: each is applied field by field (an insert would miss fields).
     */
    private static int applyGroup(DSLContext sql, Table<?> table, TableChanges group,
                                  Map<String, Set<String>> pending) {
        List<List<Object>> maybeNew = new ArrayList<>(group.rows().size());
        List<List<Object>> fieldByField = new ArrayList<>();
        boolean wholeRows = group.columns().get(0).equals(SyncSchema.ID) && SyncSchema.table(group.table())
                .map(t -> t.fields().stream().allMatch(f -> !f.required() || group.columns().contains(f.name())))
                .orElse(false);
        for (List<Object> values : group.rows()) {
            if (wholeRows && !pending.containsKey(table.getName() + "/" + values.get(0))) {
                maybeNew.add(values);
            } else {
                fieldByField.add(values);
            }
        }
        if (!maybeNew.isEmpty()) {
            int[] inserted = insertUnlessKnown(sql, table, group.columns(), maybeNew);
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] == 0) {
                    fieldByField.add(maybeNew.get(i));
                }
            }
        }
        for (List<Object> values : fieldByField) {
            applyRow(sql, table, group.columns(), values, pending);
        }
        return group.rows().size();
    }

    /** Rows per JDBC batch: large enough that a batch costs little more than its rows. */
    private static final int INSERT_BATCH = 2_000;

    /**
     * Inserts {@code rows} (their first column the id) with one prepared statement on the transaction's connection,
     * in batches, values converted as jOOQ would bind them and the personal fields sealed as the jOOQ bindings seal
     * them (ADR 0005: nothing readable at rest); returns, per row, 1 if it was inserted, 0 if its id was already
     * here. Plain JDBC because this is the first sync's hot path: jOOQ's batch costs more than SQLite's insert.
     */
    private static int[] insertUnlessKnown(DSLContext sql, Table<?> table, List<String> columns,
                                           List<List<Object>> rows) {
        List<Integer> positions = new ArrayList<>();
        List<Field<?>> fields = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Field<?> field = table.field(columns.get(i));
            if (field != null) {
                positions.add(i);
                fields.add(field);
                labels.add(SealedColumns.label(table.getName(), field.getName()).orElse(null));
            }
        }
        Field<?> deleted = table.field(SyncSchema.DELETED);
        boolean addDeleted = deleted != null && !fields.contains(deleted);
        StringBuilder insert = new StringBuilder("INSERT INTO \"").append(table.getName()).append("\" (");
        StringBuilder placeholders = new StringBuilder();
        for (Field<?> field : fields) {
            insert.append('"').append(field.getName()).append("\", ");
            placeholders.append("?, ");
        }
        if (addDeleted) {
            insert.append('"').append(SyncSchema.DELETED).append("\", ");
            placeholders.append("?, ");
        }
        insert.setLength(insert.length() - 2);
        placeholders.setLength(placeholders.length() - 2);
        insert.append(") VALUES (").append(placeholders).append(") ON CONFLICT (\"").append(SyncSchema.ID)
                .append("\") DO NOTHING");
        int[] inserted = new int[rows.size()];
        sql.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(insert.toString())) {
                int from = 0;
                for (int r = 0; r < rows.size(); r++) {
                    List<Object> values = rows.get(r);
                    for (int f = 0; f < fields.size(); f++) {
                        Object value = fields.get(f).getDataType().convert(values.get(positions.get(f)));
                        if (labels.get(f) != null && value != null) {
                            value = SealedColumns.seal(sql.configuration(), labels.get(f), value.toString());
                        }
                        bind(statement, f + 1, value);
                    }
                    if (addDeleted) {
                        statement.setInt(fields.size() + 1, 0);
                    }
                    statement.addBatch();
                    if (r + 1 - from == INSERT_BATCH || r == rows.size() - 1) {
                        int[] counts = statement.executeBatch();
                        System.arraycopy(counts, 0, inserted, from, counts.length);
                        from = r + 1;
                    }
                }
            }
        });
        return inserted;
    }

    /** One value as jOOQ binds it in SQLite: dates as ISO text, booleans as 0 or 1. */
    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setInt(index, flag ? 1 : 0);
        } else if (value instanceof LocalDate date) {
            statement.setString(index, date.toString());
        } else {
            throw new IllegalArgumentException("Type de valeur non prévu pour la synchronisation\u00a0: "
                    + value.getClass().getName());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void applyRow(DSLContext sql, Table<?> table, List<String> columns, List<Object> values,
                                 Map<String, Set<String>> pending) {
        String id = (String) values.get(0);
        Set<String> mine = pending.getOrDefault(table.getName() + "/" + id, Set.of());
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        for (int i = 1; i < columns.size(); i++) {
            String name = columns.get(i);
            if (mine.contains(name) && !name.equals(SyncSchema.VERSION) && !name.equals(SyncSchema.UPDATED_BY)) {
                continue;
            }
            Field<?> field = table.field(name);
            if (field == null) {
                continue;
            }
            set.put(field, field.getDataType().convert(values.get(i)));
        }
        if (!mine.isEmpty()) {
            // The local, unsent change is newer than what this page knows of the row: keep its version too.
            set.remove(table.field(SyncSchema.VERSION));
            set.remove(table.field(SyncSchema.UPDATED_BY));
        }
        Field<String> idField = idField(table);
        boolean exists = sql.fetchExists(table, idField.eq(id));
        if (exists) {
            if (!set.isEmpty()) {
                var update = sql.update(table).set((Map) set);
                ((org.jooq.UpdateSetMoreStep<?>) update).where(idField.eq(id)).execute();
            }
        } else {
            set.put(idField, id);
            Field<Boolean> deleted = (Field<Boolean>) table.field(SyncSchema.DELETED);
            set.putIfAbsent(deleted, false);
            sql.insertInto(table).set((Map) set).execute();
        }
    }

    /** Removes a row and whatever hangs on it (the hub sends children first; this also covers unsent ones). */
    static int deleteCascade(DSLContext sql, String tableName, String rowId) {
        int removed = 0;
        for (SyncSchema.Table child : SyncSchema.removalOrder()) {
            for (SyncSchema.Field ref : child.references()) {
                if (ref.parent().equals(tableName)) {
                    Table<?> local = DefaultSchema.DEFAULT_SCHEMA.getTable(child.name());
                    for (String childId : sql.select(idField(local)).from(local)
                            .where(DSL.field(DSL.name(ref.name()), String.class).eq(rowId)).fetch(idField(local))) {
                        removed += deleteCascade(sql, child.name(), childId);
                    }
                }
            }
        }
        Table<?> table = DefaultSchema.DEFAULT_SCHEMA.getTable(tableName);
        if (table != null) {
            removed += sql.deleteFrom(table).where(idField(table).eq(rowId)).execute();
        }
        return removed;
    }

    /** Forgets every synced row (the hub said the cursor is too old): the next pages bring the scope back. */
    public static void wipeScope(StoreTransaction tx) {
        DSLContext sql = tx.sql();
        sql.execute("PRAGMA defer_foreign_keys = ON");
        for (SyncSchema.Table table : SyncSchema.removalOrder()) {
            sql.deleteFrom(DefaultSchema.DEFAULT_SCHEMA.getTable(table.name())).execute();
        }
        putState(sql, CURSOR, "0");
        putState(sql, WHOLE_ROWS_UP_TO, "0");
        putState(sql, REBUILDING, "true");
    }

    /** How many changes wait in the quarantine, and when the oldest came in (null when none): for the hub's console. */
    public record QuarantineCount(int count, Long oldestAt) {
    }

    /** {@link QuarantineCount} without reading the changes themselves (nothing decrypted). */
    public QuarantineCount quarantineCount() {
        return store.read(sql -> sql.select(DSL.count(), DSL.min(SYNC_QUARANTINE.QUARANTINED_AT)).from(SYNC_QUARANTINE)
                .fetchOne(r -> new QuarantineCount(r.value1(), r.value2())));
    }

    public List<Quarantined> quarantine() {
        return store.read(sql -> sql.selectFrom(SYNC_QUARANTINE).orderBy(SYNC_QUARANTINE.OP_NUMBER)
                .fetch(r -> new Quarantined(r.getOpNumber(), r.getTableName(), r.getRowId(), r.getWorksiteId(),
                        fields(r.getFields()), r.getReasonCode(), r.getReason(), r.getQuarantinedAt())));
    }

    /** Re-applies a quarantined change as a new local edit (new version, new operation), e.g. after a fix. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void retry(String userId, long number) {
        store.write(userId, tx -> {
            var q = tx.sql().selectFrom(SYNC_QUARANTINE).where(SYNC_QUARANTINE.OP_NUMBER.eq(number)).fetchOne();
            if (q == null) {
                return null;
            }
            Table table = DefaultSchema.DEFAULT_SCHEMA.getTable(q.getTableName());
            if (table == null) {
                throw new StoreException("Cette modification ne peut pas être rejouée\u00a0: type de donnée inconnu.");
            }
            TableRecord record = (TableRecord) tx.sql().selectFrom(table).where(idField(table).eq(q.getRowId()))
                    .fetchOne();
            if (record == null) {
                record = (TableRecord) tx.sql().newRecord(table);
                record.set(idField(table), q.getRowId());
            }
            Map<String, Object> fields = fields(q.getFields());
            for (Map.Entry<String, Object> entry : fields.entrySet()) {
                Field field = table.field(entry.getKey());
                if (field != null) {
                    record.set(field, field.getDataType().convert(entry.getValue()));
                }
            }
            if (Boolean.TRUE.equals(fields.get(SyncSchema.DELETED))) {
                tx.tombstone(table, q.getRowId());
            } else {
                tx.save(record);
            }
            tx.sql().deleteFrom(SYNC_QUARANTINE).where(SYNC_QUARANTINE.OP_NUMBER.eq(number)).execute();
            return null;
        });
    }

    /** Drops a quarantined change for good (the user decided it should not reach the hub). */
    public void discard(long number) {
        store.write("system", tx -> tx.sql().deleteFrom(SYNC_QUARANTINE).where(SYNC_QUARANTINE.OP_NUMBER.eq(number))
                .execute());
    }

    public List<Conflict> openConflicts() {
        return store.read(sql -> sql.selectFrom(SYNC_CONFLICT)
                .where(SYNC_CONFLICT.RESOLVED.isFalse(), SYNC_CONFLICT.DELETED.isFalse())
                .orderBy(SYNC_CONFLICT.CREATED_AT).fetch(r -> new Conflict(r.getId(), r.getWorksiteId(),
                        r.getTableName(), r.getRowId(), r.getFieldName(), r.getBaseValue(), r.getKeptValue(),
                        r.getOtherValue(), r.getCreatedAt(), r.getKeptVersion(), r.getOtherVersion())));
    }

    /**
     * Resolves a conflict with {@code value} (one of both, or an edited one): the row's field is saved as a new
     * edit and the conflict marked resolved; both travel to the hub like any change.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void resolve(String userId, String conflictId, String value) {
        store.write(userId, tx -> {
            SyncConflictRecord conflict = tx.sql().selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.ID.eq(conflictId))
                    .fetchOne();
            if (conflict == null) {
                throw new StoreException("Ce conflit n’existe plus.");
            }
            Table table = DefaultSchema.DEFAULT_SCHEMA.getTable(conflict.getTableName());
            TableRecord row = table == null ? null
                    : (TableRecord) tx.sql().selectFrom(table).where(idField(table).eq(conflict.getRowId())).fetchOne();
            if (row != null) {
                if (conflict.getFieldName().equals(SyncSchema.DELETED)) {
                    if (Boolean.parseBoolean(value)) {
                        tx.tombstone(table, conflict.getRowId());
                    } else {
                        tx.save(row);
                    }
                } else {
                    Field field = table.field(conflict.getFieldName());
                    row.set(field, field.getDataType().convert(value));
                    tx.save(row);
                }
            }
            conflict.setResolved(true);
            conflict.setResolution(value);
            tx.save(conflict);
            return null;
        });
    }

    /**
     * One synced row as column name → value (dates as {@code LocalDate}), or empty if this laptop does not hold
     * it: the sync page reads it to say which participant, day or referral a conflict or a refusal is about.
     */
    public Optional<Map<String, Object>> row(String tableName, String rowId) {
        if (SyncSchema.table(tableName).isEmpty()) {
            return Optional.empty();
        }
        Table<?> table = DefaultSchema.DEFAULT_SCHEMA.getTable(tableName);
        if (table == null) {
            return Optional.empty();
        }
        return store.read(sql -> sql.selectFrom(table).where(idField(table).eq(rowId)).fetchOptional()
                .map(r -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (Field<?> field : r.fields()) {
                        values.put(field.getName(), r.get(field));
                    }
                    return values;
                }));
    }

    @SuppressWarnings("unchecked")
    private static Field<String> idField(Table<?> table) {
        return (Field<String>) table.field(SyncSchema.ID);
    }

    static Map<String, Object> fields(String json) {
        try {
            return SyncCodec.json().readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new StoreException("Modification illisible dans la file de synchronisation", e);
        }
    }

    /** Every synced row of the store as table/id → column values (tests compare replicas with it). */
    public Map<String, Map<String, Object>> snapshot() {
        return store.read(sql -> {
            Map<String, Map<String, Object>> rows = new java.util.TreeMap<>();
            for (SyncSchema.Table table : SyncSchema.tables()) {
                Table<?> local = DefaultSchema.DEFAULT_SCHEMA.getTable(table.name());
                for (Record r : sql.selectFrom(local).fetch()) {
                    Map<String, Object> values = new java.util.TreeMap<>();
                    for (SyncSchema.Field f : table.fields()) {
                        Object v = r.get(f.name());
                        values.put(f.name(), v == null ? null : v.toString());
                    }
                    values.put(SyncSchema.DELETED, String.valueOf(r.get(SyncSchema.DELETED)));
                    rows.put(table.name() + "/" + r.get(SyncSchema.ID), values);
                }
            }
            return rows;
        });
    }
}
