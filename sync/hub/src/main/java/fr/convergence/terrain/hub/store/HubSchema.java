package fr.convergence.terrain.hub.store;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** The hub's tables, created with jOOQ's DDL so the same code builds them on PostgreSQL and SQLite. */
final class HubSchema {

    static final Table<Record> META = table(name("hub_meta"));
    static final Field<String> META_KEY = field(name("meta_key"), SQLDataType.VARCHAR(100));
    static final Field<String> META_VALUE = field(name("meta_value"), SQLDataType.VARCHAR(4000));

    static final Table<Record> COUNTER = table(name("hub_counter"));
    static final Field<Integer> COUNTER_ID = field(name("id"), SQLDataType.INTEGER);
    static final Field<Long> COUNTER_VALUE = field(name("counter_value"), SQLDataType.BIGINT);

    static final Table<Record> WORKSITE = table(name("hub_worksite"));
    static final Field<String> WORKSITE_ID = field(name("id"), SQLDataType.VARCHAR(64));
    static final Field<String> WORKSITE_TERRITORY = field(name("territory_id"), SQLDataType.VARCHAR(64));
    // Added after the first release (hubs made before have only id and territory_id): nullable, added on opening.
    static final Field<String> WORKSITE_NAME = field(name("name"), SQLDataType.VARCHAR(200));
    static final Field<String> WORKSITE_CITY = field(name("city"), SQLDataType.VARCHAR(200));
    static final Field<String> WORKSITE_REGION = field(name("region"), SQLDataType.VARCHAR(200));
    static final Field<Boolean> WORKSITE_RUNS_PHC = field(name("runs_phc"), SQLDataType.BOOLEAN);
    static final Field<Boolean> WORKSITE_RUNS_CVG = field(name("runs_cvg"), SQLDataType.BOOLEAN);
    /** The hub sequence when the worksite was added or last changed: laptops past it already have it. */
    static final Field<Long> WORKSITE_SEQ = field(name("seq"), SQLDataType.BIGINT);

    static final Table<Record> DEVICE = table(name("hub_device"));
    static final Field<String> DEVICE_ID = field(name("id"), SQLDataType.VARCHAR(64));
    static final Field<String> DEVICE_TOKEN = field(name("token_hash"), SQLDataType.VARCHAR(100));
    static final Field<String> DEVICE_SCOPE_KIND = field(name("scope_kind"), SQLDataType.VARCHAR(20));
    static final Field<String> DEVICE_SCOPE_ID = field(name("scope_id"), SQLDataType.VARCHAR(64));
    static final Field<String> DEVICE_LABEL = field(name("label"), SQLDataType.VARCHAR(200));
    static final Field<Long> DEVICE_ENROLLED = field(name("enrolled_at"), SQLDataType.BIGINT);
    static final Field<Long> DEVICE_REVOKED = field(name("revoked_at"), SQLDataType.BIGINT);
    static final Field<Long> DEVICE_LAST_OP = field(name("last_op"), SQLDataType.BIGINT);
    static final Field<Long> DEVICE_LAST_SEEN = field(name("last_seen"), SQLDataType.BIGINT);
    static final Field<Long> DEVICE_LAST_CURSOR = field(name("last_cursor"), SQLDataType.BIGINT);

    static final Table<Record> CODE = table(name("hub_enrolment_code"));
    static final Field<String> CODE_HASH = field(name("code_hash"), SQLDataType.VARCHAR(100));
    static final Field<String> CODE_SCOPE_KIND = field(name("scope_kind"), SQLDataType.VARCHAR(20));
    static final Field<String> CODE_SCOPE_ID = field(name("scope_id"), SQLDataType.VARCHAR(64));
    static final Field<String> CODE_LABEL = field(name("label"), SQLDataType.VARCHAR(200));
    static final Field<Long> CODE_CREATED = field(name("created_at"), SQLDataType.BIGINT);
    static final Field<Long> CODE_EXPIRES = field(name("expires_at"), SQLDataType.BIGINT);
    static final Field<String> CODE_USED_BY = field(name("used_by"), SQLDataType.VARCHAR(64));

    static final Table<Record> REJECTION = table(name("hub_rejection"));
    static final Field<String> REJ_DEVICE = field(name("device_id"), SQLDataType.VARCHAR(64));
    static final Field<Long> REJ_NUMBER = field(name("op_number"), SQLDataType.BIGINT);
    static final Field<String> REJ_CODE = field(name("code"), SQLDataType.VARCHAR(40));
    static final Field<String> REJ_REASON = field(name("reason"), SQLDataType.VARCHAR(2000));
    /** Step 5: when the hub refused it (null for refusals kept from before), for the age shown in the console. */
    static final Field<Long> REJ_AT = field(name("rejected_at"), SQLDataType.BIGINT);

    static final Table<Record> ROW = table(name("hub_row"));
    static final Field<String> ROW_TABLE = field(name("table_name"), SQLDataType.VARCHAR(60));
    static final Field<String> ROW_ID = field(name("row_id"), SQLDataType.VARCHAR(64));
    static final Field<String> ROW_WORKSITE = field(name("worksite_id"), SQLDataType.VARCHAR(64));
    static final Field<String> ROW_PARTICIPANT = field(name("participant_id"), SQLDataType.VARCHAR(64));
    static final Field<String> ROW_DATA = field(name("data"), SQLDataType.CLOB);
    static final Field<String> ROW_META = field(name("meta"), SQLDataType.CLOB);
    static final Field<String> ROW_VERSION = field(name("version"), SQLDataType.VARCHAR(120));
    static final Field<String> ROW_UPDATED_BY = field(name("updated_by"), SQLDataType.VARCHAR(64));
    static final Field<Long> ROW_SEQ = field(name("seq"), SQLDataType.BIGINT);
    static final Field<Long> ROW_CREATED_SEQ = field(name("created_seq"), SQLDataType.BIGINT);
    static final Field<Long> ROW_MOVED_SEQ = field(name("moved_seq"), SQLDataType.BIGINT);
    static final Field<Long> ROW_DELETED_AT = field(name("deleted_at"), SQLDataType.BIGINT);

    static final Table<Record> EXIT = table(name("hub_exit"));
    static final Field<Long> EXIT_SEQ = field(name("seq"), SQLDataType.BIGINT);
    static final Field<String> EXIT_TABLE = field(name("table_name"), SQLDataType.VARCHAR(60));
    static final Field<String> EXIT_ROW = field(name("row_id"), SQLDataType.VARCHAR(64));
    static final Field<String> EXIT_WORKSITE = field(name("worksite_id"), SQLDataType.VARCHAR(64));
    /** Null: every device of the worksite; {@code FILES_IN_USE}: worksite laptops only (an archived file leaving). */
    static final Field<String> EXIT_AUDIENCE = field(name("audience"), SQLDataType.VARCHAR(20));

    /**
     * The files (participants) archived on the hub's day: withheld from the laptops that receive files in use only
     * (docs/data-protection.md). An id and a day; the rows stay in {@link #ROW}.
     */
    static final Table<Record> ARCHIVED = table(name("hub_archived_file"));
    static final Field<String> ARCHIVED_PARTICIPANT = field(name("archived_participant"), SQLDataType.VARCHAR(64));
    static final Field<Long> ARCHIVED_AT = field(name("archived_at"), SQLDataType.BIGINT);

    /** People who sign in to the console (not devices): see {@code ConsoleAccount}. */
    static final Table<Record> ACCOUNT = table(name("hub_account"));
    static final Field<String> ACCOUNT_LOGIN = field(name("login"), SQLDataType.VARCHAR(64));
    static final Field<String> ACCOUNT_NAME = field(name("name"), SQLDataType.VARCHAR(200));
    static final Field<String> ACCOUNT_ROLE = field(name("role"), SQLDataType.VARCHAR(20));
    static final Field<String> ACCOUNT_TERRITORY = field(name("territory_id"), SQLDataType.VARCHAR(64));
    static final Field<String> ACCOUNT_HASH = field(name("password_hash"), SQLDataType.VARCHAR(200));
    static final Field<String> ACCOUNT_SALT = field(name("password_salt"), SQLDataType.VARCHAR(200));
    static final Field<Integer> ACCOUNT_ITERATIONS = field(name("password_iterations"), SQLDataType.INTEGER);
    static final Field<String> ACCOUNT_TOTP = field(name("totp_secret"), SQLDataType.VARCHAR(64));
    static final Field<Long> ACCOUNT_CREATED = field(name("created_at"), SQLDataType.BIGINT);
    static final Field<Long> ACCOUNT_DISABLED = field(name("disabled_at"), SQLDataType.BIGINT);
    static final Field<Integer> ACCOUNT_FAILURES = field(name("failed_attempts"), SQLDataType.INTEGER);
    static final Field<Long> ACCOUNT_LAST_FAILURE = field(name("last_failure_at"), SQLDataType.BIGINT);
    static final Field<Long> ACCOUNT_TOTP_STEP = field(name("last_totp_step"), SQLDataType.BIGINT);

    static final Table<Record> SESSION = table(name("hub_console_session"));
    static final Field<String> SESSION_ID = field(name("id_hash"), SQLDataType.VARCHAR(100));
    static final Field<String> SESSION_LOGIN = field(name("login"), SQLDataType.VARCHAR(64));
    static final Field<Boolean> SESSION_COMPLETE = field(name("complete"), SQLDataType.BOOLEAN);
    static final Field<String> SESSION_CSRF = field(name("csrf_token"), SQLDataType.VARCHAR(100));
    static final Field<Long> SESSION_CREATED = field(name("created_at"), SQLDataType.BIGINT);
    static final Field<Long> SESSION_SEEN = field(name("last_seen_at"), SQLDataType.BIGINT);

    /** The hub's audit journal: who did what in the console, when; identifiers only, never personal data. */
    static final Table<Record> AUDIT = table(name("hub_audit"));
    static final Field<String> AUDIT_ID = field(name("id"), SQLDataType.VARCHAR(36));
    static final Field<Long> AUDIT_AT = field(name("at"), SQLDataType.BIGINT);
    static final Field<String> AUDIT_ACTOR = field(name("actor"), SQLDataType.VARCHAR(64));
    static final Field<String> AUDIT_ACTION = field(name("action"), SQLDataType.VARCHAR(60));
    static final Field<String> AUDIT_DETAIL = field(name("detail"), SQLDataType.VARCHAR(400));

    /** Step 5: what each laptop last said of itself ({@code ClientReport}), one row per device. */
    static final Table<Record> REPORT = table(name("hub_device_report"));
    static final Field<String> REPORT_DEVICE = field(name("device_id"), SQLDataType.VARCHAR(64));
    static final Field<Long> REPORT_AT = field(name("reported_at"), SQLDataType.BIGINT);
    static final Field<String> REPORT_VERSION = field(name("app_version"), SQLDataType.VARCHAR(60));
    static final Field<String> REPORT_PERSON = field(name("person"), SQLDataType.VARCHAR(64));
    static final Field<Integer> REPORT_QUARANTINED = field(name("quarantined"), SQLDataType.INTEGER);
    static final Field<Long> REPORT_OLDEST = field(name("oldest_quarantined_at"), SQLDataType.BIGINT);

    /** Step 5: each device's recent sync exchanges (the last {@code SyncExchange.KEPT}), for the console. */
    static final Table<Record> HISTORY = table(name("hub_sync_history"));
    static final Field<String> HISTORY_ID = field(name("id"), SQLDataType.VARCHAR(36));
    static final Field<String> HISTORY_DEVICE = field(name("device_id"), SQLDataType.VARCHAR(64));
    static final Field<Long> HISTORY_AT = field(name("at"), SQLDataType.BIGINT);
    static final Field<Integer> HISTORY_OPERATIONS = field(name("operations"), SQLDataType.INTEGER);
    static final Field<Integer> HISTORY_ROWS = field(name("rows_sent"), SQLDataType.INTEGER);
    static final Field<Integer> HISTORY_REFUSED = field(name("refused"), SQLDataType.INTEGER);
    static final Field<Integer> HISTORY_CONFLICTS = field(name("conflicts"), SQLDataType.INTEGER);
    static final Field<String> HISTORY_OUTCOME = field(name("outcome"), SQLDataType.VARCHAR(20));

    private HubSchema() {
    }

    /** Adds the worksite description columns to a hub made before they existed; true if it did. */
    private static boolean addMissingColumns(DSLContext sql) {
        return addMissingColumns(sql, WORKSITE, "hub_worksite", List.of(WORKSITE_NAME, WORKSITE_CITY, WORKSITE_REGION,
                WORKSITE_RUNS_PHC, WORKSITE_RUNS_CVG, WORKSITE_SEQ));
    }

    /** Adds those of {@code columns} that {@code tableName} lacks, nullable; true if it added any. */
    private static boolean addMissingColumns(DSLContext sql, Table<Record> tableRef, String tableName,
                                             List<Field<?>> columns) {
        Set<String> present = columnsOf(sql, tableName);
        boolean added = false;
        for (Field<?> column : columns) {
            if (!present.contains(column.getName())) {
                sql.alterTable(tableRef).addColumn(column.getName(), column.getDataType().nullable(true)).execute();
                added = true;
            }
        }
        return added;
    }

    /** The lower-case column names of {@code table} in the connection's own schema. */
    private static Set<String> columnsOf(DSLContext sql, String table) {
        Set<String> present = new HashSet<>();
        sql.connection(c -> {
            for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                // The connection's own schema only: other hubs (or test schemas) on the same database have their own.
                try (ResultSet columns = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), name, null)) {
                    while (columns.next()) {
                        present.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        });
        return present;
    }

    /** The schema this hub's code reads and writes; kept in {@code hub_meta} under {@link #VERSION_KEY}. */
    static final int VERSION = 6;
    static final String VERSION_KEY = "schema_version";
    /** Any constant: the PostgreSQL advisory lock that makes hub processes starting together migrate one at a time. */
    private static final long MIGRATION_LOCK = 0x7465727261696eL;

    /**
     * Brings the database to {@link #VERSION}, in one transaction: 1 = the first release's tables, 2 = worksite
     * descriptions and their sequence stamp, 3 = the console's accounts, sessions and audit journal, 4 = archived
     * files and exits meant for worksite laptops only, 5 = what laptops report of themselves, their sync history and
     * the time of each refusal (for the console's Devices and Sync health pages), 6 = the hours summed by worksite,
     * month and kind, and by worksite, month, person and kind, kept by triggers ({@link HoursSummary}). A later change adds a step {@code if (found < 7) …}
     * and bumps {@link #VERSION}. A database already at a newer schema (a
     * newer hub ran on it) is refused: this hub would not know what the newer one writes.
     */
    static void migrate(DSLContext sql, SQLDialect dialect) {
        if (dialect == SQLDialect.POSTGRES) {
            sql.fetch("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
        }
        sql.createTableIfNotExists(META).column(META_KEY.getName(), SQLDataType.VARCHAR(100).nullable(false))
                .column(META_VALUE.getName(), SQLDataType.VARCHAR(4000).nullable(false))
                .constraint(constraint("hub_meta_pk").primaryKey(META_KEY)).execute();
        String stored = sql.select(META_VALUE).from(META).where(META_KEY.eq(VERSION_KEY)).fetchOne(META_VALUE);
        int found = stored == null ? 0 : Integer.parseInt(stored);
        if (found > VERSION) {
            throw new IllegalStateException("La base du hub est au schéma " + found + ", plus récent que celui de ce "
                    + "hub (" + VERSION + ") : un hub plus récent l'a mise à jour. Installez cette version de "
                    + "terrain-hub avant de le démarrer.");
        }
        if (found < VERSION) {
            // Steps 1 to 5 are written to be replayed: tables created if missing, columns added if missing.
            create(sql);
            createSyncReportTables(sql);
            if (found < 6) {
                // Refills the summary from every hours row (seconds on a national hub): at the upgrade only.
                HoursSummary.create(sql, dialect);
            }
            sql.insertInto(META).set(META_KEY, VERSION_KEY).set(META_VALUE, String.valueOf(VERSION))
                    .onConflict(META_KEY).doUpdate().set(META_VALUE, String.valueOf(VERSION)).execute();
        }
        // At every start, not only at an upgrade: an import stopped before it built them again leaves none.
        createRowIndexes(sql);
    }

    /** Steps 1 to 4, replayable; {@code hub_meta} already exists ({@link #migrate} makes it first). */
    private static void create(DSLContext sql) {
        sql.createTableIfNotExists(COUNTER).column(COUNTER_ID.getName(), SQLDataType.INTEGER.nullable(false))
                .column(COUNTER_VALUE.getName(), SQLDataType.BIGINT.nullable(false))
                .constraint(constraint("hub_counter_pk").primaryKey(COUNTER_ID)).execute();
        sql.createTableIfNotExists(WORKSITE).column(WORKSITE_ID.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(WORKSITE_TERRITORY.getName(), SQLDataType.VARCHAR(64).nullable(true))
                .constraint(constraint("hub_worksite_pk").primaryKey(WORKSITE_ID)).execute();
        addMissingColumns(sql);
        sql.createTableIfNotExists(DEVICE).column(DEVICE_ID.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(DEVICE_TOKEN.getName(), SQLDataType.VARCHAR(100).nullable(false))
                .column(DEVICE_SCOPE_KIND.getName(), SQLDataType.VARCHAR(20).nullable(false))
                .column(DEVICE_SCOPE_ID.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(DEVICE_LABEL.getName(), SQLDataType.VARCHAR(200).nullable(false))
                .column(DEVICE_ENROLLED.getName(), SQLDataType.BIGINT.nullable(false))
                .column(DEVICE_REVOKED.getName(), SQLDataType.BIGINT.nullable(true))
                .column(DEVICE_LAST_OP.getName(), SQLDataType.BIGINT.nullable(false))
                .column(DEVICE_LAST_SEEN.getName(), SQLDataType.BIGINT.nullable(true))
                .column(DEVICE_LAST_CURSOR.getName(), SQLDataType.BIGINT.nullable(false))
                .constraint(constraint("hub_device_pk").primaryKey(DEVICE_ID))
                .constraint(constraint("hub_device_token").unique(DEVICE_TOKEN)).execute();
        sql.createTableIfNotExists(CODE).column(CODE_HASH.getName(), SQLDataType.VARCHAR(100).nullable(false))
                .column(CODE_SCOPE_KIND.getName(), SQLDataType.VARCHAR(20).nullable(false))
                .column(CODE_SCOPE_ID.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(CODE_LABEL.getName(), SQLDataType.VARCHAR(200).nullable(false))
                .column(CODE_CREATED.getName(), SQLDataType.BIGINT.nullable(false))
                .column(CODE_EXPIRES.getName(), SQLDataType.BIGINT.nullable(false))
                .column(CODE_USED_BY.getName(), SQLDataType.VARCHAR(64).nullable(true))
                .constraint(constraint("hub_code_pk").primaryKey(CODE_HASH)).execute();
        sql.createTableIfNotExists(REJECTION).column(REJ_DEVICE.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(REJ_NUMBER.getName(), SQLDataType.BIGINT.nullable(false))
                .column(REJ_CODE.getName(), SQLDataType.VARCHAR(40).nullable(false))
                .column(REJ_REASON.getName(), SQLDataType.VARCHAR(2000).nullable(false))
                .constraint(constraint("hub_rejection_pk").primaryKey(REJ_DEVICE, REJ_NUMBER)).execute();
        sql.createTableIfNotExists(ROW).column(ROW_TABLE.getName(), SQLDataType.VARCHAR(60).nullable(false))
                .column(ROW_ID.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(ROW_WORKSITE.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(ROW_PARTICIPANT.getName(), SQLDataType.VARCHAR(64).nullable(true))
                .column(ROW_DATA.getName(), SQLDataType.CLOB.nullable(false))
                .column(ROW_META.getName(), SQLDataType.CLOB.nullable(false))
                .column(ROW_VERSION.getName(), SQLDataType.VARCHAR(120).nullable(false))
                .column(ROW_UPDATED_BY.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(ROW_SEQ.getName(), SQLDataType.BIGINT.nullable(false))
                .column(ROW_CREATED_SEQ.getName(), SQLDataType.BIGINT.nullable(false))
                .column(ROW_MOVED_SEQ.getName(), SQLDataType.BIGINT.nullable(false))
                .column(ROW_DELETED_AT.getName(), SQLDataType.BIGINT.nullable(true))
                .constraint(constraint("hub_row_pk").primaryKey(ROW_TABLE, ROW_ID)).execute();
        createRowIndexes(sql);
        sql.createTableIfNotExists(EXIT).column(EXIT_SEQ.getName(), SQLDataType.BIGINT.nullable(false))
                .column(EXIT_TABLE.getName(), SQLDataType.VARCHAR(60).nullable(false))
                .column(EXIT_ROW.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(EXIT_WORKSITE.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .constraint(constraint("hub_exit_pk").primaryKey(EXIT_SEQ)).execute();
        sql.createIndexIfNotExists("hub_exit_scope").on(EXIT, EXIT_WORKSITE, EXIT_SEQ).execute();
        createConsoleTables(sql);
        createArchiveTables(sql);
    }

    /** The indexes of {@code hub_row} besides its key: a worksite's rows by sequence, a person's rows, tombstones. */
    static void createRowIndexes(DSLContext sql) {
        sql.createIndexIfNotExists(ROW_INDEXES.get(0)).on(ROW, ROW_WORKSITE, ROW_SEQ).execute();
        sql.createIndexIfNotExists(ROW_INDEXES.get(1)).on(ROW, ROW_PARTICIPANT).execute();
        sql.createIndexIfNotExists(ROW_INDEXES.get(2)).on(ROW, ROW_DELETED_AT).execute();
    }

    static final List<String> ROW_INDEXES = List.of("hub_row_scope", "hub_row_participant", "hub_row_deleted");

    /** Sets {@link #createRowIndexes}' indexes aside, for a load into an empty hub ({@link JooqHubStore#load}). */
    static void dropRowIndexes(DSLContext sql) {
        ROW_INDEXES.forEach(index -> sql.dropIndexIfExists(index).execute());
    }

    /** Step 4: archived files, and the exits that only worksite laptops receive. */
    private static void createArchiveTables(DSLContext sql) {
        sql.createTableIfNotExists(ARCHIVED)
                .column(ARCHIVED_PARTICIPANT.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(ARCHIVED_AT.getName(), SQLDataType.BIGINT.nullable(false))
                .constraint(constraint("hub_archived_file_pk").primaryKey(ARCHIVED_PARTICIPANT)).execute();
        if (!columnsOf(sql, "hub_exit").contains(EXIT_AUDIENCE.getName())) {
            sql.alterTable(EXIT).addColumn(EXIT_AUDIENCE.getName(), EXIT_AUDIENCE.getDataType().nullable(true))
                    .execute();
        }
    }

    /** Step 5: laptops' reports, their sync history, and when each refusal was made. */
    private static void createSyncReportTables(DSLContext sql) {
        addMissingColumns(sql, REJECTION, "hub_rejection", List.of(REJ_AT));
        sql.createTableIfNotExists(REPORT).column(REPORT_DEVICE.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(REPORT_AT.getName(), SQLDataType.BIGINT.nullable(false))
                .column(REPORT_VERSION.getName(), SQLDataType.VARCHAR(60).nullable(true))
                .column(REPORT_PERSON.getName(), SQLDataType.VARCHAR(64).nullable(true))
                .column(REPORT_QUARANTINED.getName(), SQLDataType.INTEGER.nullable(true))
                .column(REPORT_OLDEST.getName(), SQLDataType.BIGINT.nullable(true))
                .constraint(constraint("hub_device_report_pk").primaryKey(REPORT_DEVICE)).execute();
        sql.createTableIfNotExists(HISTORY).column(HISTORY_ID.getName(), SQLDataType.VARCHAR(36).nullable(false))
                .column(HISTORY_DEVICE.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(HISTORY_AT.getName(), SQLDataType.BIGINT.nullable(false))
                .column(HISTORY_OPERATIONS.getName(), SQLDataType.INTEGER.nullable(false))
                .column(HISTORY_ROWS.getName(), SQLDataType.INTEGER.nullable(false))
                .column(HISTORY_REFUSED.getName(), SQLDataType.INTEGER.nullable(false))
                .column(HISTORY_CONFLICTS.getName(), SQLDataType.INTEGER.nullable(false))
                .column(HISTORY_OUTCOME.getName(), SQLDataType.VARCHAR(20).nullable(false))
                .constraint(constraint("hub_sync_history_pk").primaryKey(HISTORY_ID)).execute();
        sql.createIndexIfNotExists("hub_sync_history_device").on(HISTORY, HISTORY_DEVICE, HISTORY_AT).execute();
    }

    /** Step 3: the console's accounts, their sessions, and the audit journal. */
    private static void createConsoleTables(DSLContext sql) {
        sql.createTableIfNotExists(ACCOUNT).column(ACCOUNT_LOGIN.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(ACCOUNT_NAME.getName(), SQLDataType.VARCHAR(200).nullable(false))
                .column(ACCOUNT_ROLE.getName(), SQLDataType.VARCHAR(20).nullable(false))
                .column(ACCOUNT_TERRITORY.getName(), SQLDataType.VARCHAR(64).nullable(true))
                .column(ACCOUNT_HASH.getName(), SQLDataType.VARCHAR(200).nullable(false))
                .column(ACCOUNT_SALT.getName(), SQLDataType.VARCHAR(200).nullable(false))
                .column(ACCOUNT_ITERATIONS.getName(), SQLDataType.INTEGER.nullable(false))
                .column(ACCOUNT_TOTP.getName(), SQLDataType.VARCHAR(64).nullable(true))
                .column(ACCOUNT_CREATED.getName(), SQLDataType.BIGINT.nullable(false))
                .column(ACCOUNT_DISABLED.getName(), SQLDataType.BIGINT.nullable(true))
                .column(ACCOUNT_FAILURES.getName(), SQLDataType.INTEGER.nullable(false))
                .column(ACCOUNT_LAST_FAILURE.getName(), SQLDataType.BIGINT.nullable(true))
                .column(ACCOUNT_TOTP_STEP.getName(), SQLDataType.BIGINT.nullable(false))
                .constraint(constraint("hub_account_pk").primaryKey(ACCOUNT_LOGIN)).execute();
        sql.createTableIfNotExists(SESSION).column(SESSION_ID.getName(), SQLDataType.VARCHAR(100).nullable(false))
                .column(SESSION_LOGIN.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(SESSION_COMPLETE.getName(), SQLDataType.BOOLEAN.nullable(false))
                .column(SESSION_CSRF.getName(), SQLDataType.VARCHAR(100).nullable(false))
                .column(SESSION_CREATED.getName(), SQLDataType.BIGINT.nullable(false))
                .column(SESSION_SEEN.getName(), SQLDataType.BIGINT.nullable(false))
                .constraint(constraint("hub_console_session_pk").primaryKey(SESSION_ID)).execute();
        sql.createTableIfNotExists(AUDIT).column(AUDIT_ID.getName(), SQLDataType.VARCHAR(36).nullable(false))
                .column(AUDIT_AT.getName(), SQLDataType.BIGINT.nullable(false))
                .column(AUDIT_ACTOR.getName(), SQLDataType.VARCHAR(64).nullable(false))
                .column(AUDIT_ACTION.getName(), SQLDataType.VARCHAR(60).nullable(false))
                .column(AUDIT_DETAIL.getName(), SQLDataType.VARCHAR(400).nullable(false))
                .constraint(constraint("hub_audit_pk").primaryKey(AUDIT_ID)).execute();
        sql.createIndexIfNotExists("hub_audit_at").on(AUDIT, AUDIT_AT).execute();
    }
}
