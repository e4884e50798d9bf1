package fr.convergence.terrain.hub.store;

import static fr.convergence.terrain.hub.store.HubSchema.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.convergence.terrain.core.security.PasswordHasher.PasswordHash;
import fr.convergence.terrain.hub.console.AuditEntry;
import fr.convergence.terrain.hub.console.AuditScope;
import fr.convergence.terrain.hub.console.Backlog;
import fr.convergence.terrain.hub.console.ConsoleAccount;
import fr.convergence.terrain.hub.console.ConsoleSession;
import fr.convergence.terrain.hub.console.ConsoleStore;
import fr.convergence.terrain.hub.report.HubMonthlyData;
import fr.convergence.terrain.hub.report.HubReportData;
import fr.convergence.terrain.hub.report.HubReportSource;
import fr.convergence.terrain.hub.sync.Audience;
import fr.convergence.terrain.hub.sync.Device;
import fr.convergence.terrain.hub.sync.DeviceReport;
import fr.convergence.terrain.hub.sync.FieldMeta;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.hub.sync.SyncExchange;
import fr.convergence.terrain.sync.protocol.ClientReport;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub store on PostgreSQL ({@code jdbc:postgresql:...}) or SQLite ({@code jdbc:sqlite:...}), with one jOOQ
 * code path. Sequence numbers are taken from a counter row at the end of each write transaction: its row lock
 * is held until commit, so transactions that write commit in sequence order and no reader ever sees a later
 * sequence before an earlier one.
 */
public final class JooqHubStore implements HubStore, ConsoleStore, HubReportSource {

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final Logger LOG = LoggerFactory.getLogger(JooqHubStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() {
    };
    /** Rows' data are read by the thousand for a page: the type is resolved once, not at each row. */
    private static final ObjectReader DATA_READER = JSON.readerFor(DATA);
    private static final TypeReference<LinkedHashMap<String, FieldMeta>> META_TYPE = new TypeReference<>() {
    };
    private static final String META_HUB_ID = "hub_id";
    private static final String META_PURGED = "purged_up_to";
    private static final int ATTEMPTS = 8;

    private final HikariDataSource dataSource;
    private final SQLDialect dialect;
    private final String hubId;
    private final HubReportQueries reportQueries = new HubReportQueries();

    private JooqHubStore(HikariDataSource dataSource, SQLDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        DSLContext sql = context(dataSource);
        try {
            sql.transaction(c -> HubSchema.migrate(c.dsl(), dialect));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        sql.transaction(c -> {
            DSLContext tx = c.dsl();
            tx.insertInto(COUNTER).set(COUNTER_ID, 1).set(COUNTER_VALUE, 0L).onConflictDoNothing().execute();
            tx.insertInto(META).set(META_KEY, META_HUB_ID).set(META_VALUE, UUID.randomUUID().toString())
                    .onConflictDoNothing().execute();
            tx.insertInto(META).set(META_KEY, META_PURGED).set(META_VALUE, "0").onConflictDoNothing().execute();
        });
        this.hubId = sql.select(META_VALUE).from(META).where(META_KEY.eq(META_HUB_ID)).fetchOne(META_VALUE);
    }

    /** Opens (creating its tables if needed) the hub database at a JDBC URL. */
    public static JooqHubStore open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("terrain-hub");
        SQLDialect dialect;
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            dialect = SQLDialect.SQLITE;
            // One connection: SQLite has one writer anyway, and this keeps transactions strictly one at a time.
            config.setMaximumPoolSize(1);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("synchronous", "FULL");
            config.setConnectionInitSql("PRAGMA journal_mode=WAL");
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            dialect = SQLDialect.POSTGRES;
            config.setMaximumPoolSize(Integer.getInteger("terrain.hub.pool", 16));
            if (user != null) {
                config.setUsername(user);
            }
            if (password != null) {
                config.setPassword(password);
            }
        } else {
            throw new IllegalArgumentException("Base non prise en charge : " + jdbcUrl
                    + " (jdbc:postgresql://… ou jdbc:sqlite:fichier)");
        }
        config.setAutoCommit(true);
        return new JooqHubStore(new HikariDataSource(config), dialect);
    }

    public static JooqHubStore sqlite(Path file) {
        return open("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    }

    public SQLDialect dialect() {
        return dialect;
    }

    @Override
    public String hubId() {
        return hubId;
    }

    private DSLContext context(javax.sql.DataSource source) {
        return DSL.using(source, dialect, new Settings().withExecuteLogging(false).withRenderSchema(false));
    }

    @Override
    public <T> T write(Function<HubTransaction, T> work) {
        return write(work, false);
    }

    /**
     * {@inheritDoc} The hours summaries are added once for the transaction's new hours rows instead of by the
     * trigger row by row ({@link HoursSummary#suspendForNewRows}); an update of an existing row is refused.
     */
    @Override
    public <T> T addRows(Function<HubTransaction, T> work) {
        return write(work, true);
    }

    /**
     * {@inheritDoc} Into a hub without rows, the row indexes other than the key are dropped first and built again
     * after {@code work}, also when it fails (and at the next start if the process dies before): 27 million rows
     * of national × 10 inserted into three indexes of random keys rewrote thousands of index pages at every commit.
     * A hub serving at the same time answers from the same rows, without those indexes, until the end.
     */
    @Override
    public <T> T load(Function<Boolean, T> work) {
        if (context(dataSource).fetchExists(ROW)) {
            return work.apply(false);
        }
        context(dataSource).transaction(c -> HubSchema.dropRowIndexes(c.dsl()));
        try {
            return work.apply(true);
        } finally {
            context(dataSource).transaction(c -> HubSchema.createRowIndexes(c.dsl()));
            if (dialect == SQLDialect.POSTGRES) {
                // PostgreSQL plans from statistics its autovacuum gathers later, by itself: after a load of millions
                // of rows its first plans would be made for the empty tables (a first sync's incremental pushes took
                // 1.5 s at national × 10 until then).
                context(dataSource).execute("ANALYZE hub_row, hub_hours_month, hub_hours_person_month");
            }
        }
    }

    private <T> T write(Function<HubTransaction, T> work, boolean onlyNewRows) {
        DataAccessException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return context(dataSource).transactionResult(c -> {
                    Tx tx = new Tx(c.dsl(), true);
                    if (onlyNewRows) {
                        HoursSummary.suspendForNewRows(c.dsl(), dialect);
                        tx.newRows = new HoursSummary.NewRows();
                    }
                    T value = work.apply(tx);
                    tx.flush();
                    if (onlyNewRows) {
                        tx.newRows.addAndResume(c.dsl(), dialect);
                    }
                    return value;
                });
            } catch (DataAccessException e) {
                if (!retryable(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                last = e;
                LOG.debug("hub transaction retried after {}", e.sqlState());
                try {
                    Thread.sleep(5L * attempt + (long) (Math.random() * 10 * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    private static boolean retryable(DataAccessException e) {
        String state = e.sqlState();
        // unique violation (two laptops creating the same row at once), serialization failure, deadlock
        return "23505".equals(state) || "40001".equals(state) || "40P01".equals(state)
                || (e.getMessage() != null && e.getMessage().contains("SQLITE_BUSY"));
    }

    @Override
    public <T> T read(Function<HubReader, T> work) {
        return snapshot(sql -> work.apply(new Tx(sql, false)));
    }

    @Override
    public HubReportData reportData(java.time.LocalDate from, java.time.LocalDate to) {
        // The snapshot is opened under the reads' lock: a read on an older snapshot after a newer one would find
        // fewer rows than cached and drop from the cache rows it could not see, for good.
        synchronized (reportQueries) {
            return snapshot(sql -> reportQueries.read(sql, sql.selectFrom(WORKSITE).orderBy(WORKSITE_ID)
                    .fetch(JooqHubStore::worksite), from, to));
        }
    }

    /**
     * Where the hours summary the yearly table reads ({@code hub_hours_month}, kept by triggers) differs from the
     * hours rows recounted: empty when they agree. Reads every hours row (seconds on a national hub).
     */
    public List<String> hoursSummaryDifferences() {
        return snapshot(sql -> HoursSummary.differences(sql, dialect));
    }

    @Override
    public HubMonthlyData monthlyData(String worksiteId, java.time.LocalDate from, java.time.LocalDate to) {
        return snapshot(sql -> HubReportQueries.readWorksite(sql, worksiteId, from, to));
    }

    @Override
    public long dataVersion() {
        return read(HubReader::lastSequence);
    }

    /** Runs {@code work} on one consistent, read-only snapshot (PostgreSQL: repeatable read). */
    private <T> T snapshot(Function<DSLContext, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            try {
                if (dialect == SQLDialect.POSTGRES) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    connection.setReadOnly(true);
                }
                connection.setAutoCommit(false);
                T value = work.apply(DSL.using(connection, dialect,
                        new Settings().withExecuteLogging(false).withRenderSchema(false)));
                connection.commit();
                return value;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
                if (dialect == SQLDialect.POSTGRES) {
                    connection.setReadOnly(false);
                    connection.setTransactionIsolation(isolation);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("Lecture impossible dans la base du hub : " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    // The console's accounts, sessions and journal: small rows, one short transaction each, no sequence number.

    private <T> T console(Function<DSLContext, T> work) {
        return context(dataSource).transactionResult(c -> work.apply(c.dsl()));
    }

    @Override
    public boolean addAccount(ConsoleAccount a) {
        return console(sql -> sql.insertInto(ACCOUNT).set(ACCOUNT_LOGIN, a.login()).set(ACCOUNT_NAME, a.name())
                .set(ACCOUNT_ROLE, a.role().code()).set(ACCOUNT_TERRITORY, a.territoryId())
                .set(ACCOUNT_HASH, a.password().hash()).set(ACCOUNT_SALT, a.password().salt())
                .set(ACCOUNT_ITERATIONS, a.password().iterations()).set(ACCOUNT_TOTP, a.totpSecret())
                .set(ACCOUNT_CREATED, a.createdAt()).set(ACCOUNT_DISABLED, a.disabledAt())
                .set(ACCOUNT_FAILURES, 0).set(ACCOUNT_TOTP_STEP, 0L).onConflictDoNothing().execute() == 1);
    }

    @Override
    public Optional<ConsoleAccount> account(String login) {
        return console(sql -> sql.selectFrom(ACCOUNT).where(ACCOUNT_LOGIN.eq(login))
                .fetchOptional(JooqHubStore::account));
    }

    @Override
    public List<ConsoleAccount> accounts() {
        return console(sql -> sql.selectFrom(ACCOUNT).orderBy(ACCOUNT_LOGIN).fetch(JooqHubStore::account));
    }

    @Override
    public boolean disableAccount(String login, long millis) {
        return console(sql -> {
            sql.deleteFrom(SESSION).where(SESSION_LOGIN.eq(login)).execute();
            return sql.update(ACCOUNT).set(ACCOUNT_DISABLED, millis).where(ACCOUNT_LOGIN.eq(login)).execute() == 1;
        });
    }

    @Override
    public void recordAttempt(String login, boolean failed, long millis) {
        console(sql -> failed
                ? sql.update(ACCOUNT).set(ACCOUNT_FAILURES, ACCOUNT_FAILURES.plus(1)).set(ACCOUNT_LAST_FAILURE, millis)
                        .where(ACCOUNT_LOGIN.eq(login)).execute()
                : sql.update(ACCOUNT).set(ACCOUNT_FAILURES, 0).setNull(ACCOUNT_LAST_FAILURE)
                        .where(ACCOUNT_LOGIN.eq(login)).execute());
    }

    @Override
    public boolean useTotpStep(String login, long step) {
        // One statement: two requests racing with the same code cannot both pass.
        return console(sql -> sql.update(ACCOUNT).set(ACCOUNT_TOTP_STEP, step)
                .where(ACCOUNT_LOGIN.eq(login), ACCOUNT_TOTP_STEP.lt(step)).execute() == 1);
    }

    @Override
    public void addSession(ConsoleSession s) {
        console(sql -> sql.insertInto(SESSION).set(SESSION_ID, s.idHash()).set(SESSION_LOGIN, s.login())
                .set(SESSION_COMPLETE, s.complete()).set(SESSION_CSRF, s.csrfToken())
                .set(SESSION_CREATED, s.createdAt()).set(SESSION_SEEN, s.lastSeenAt()).execute());
    }

    @Override
    public Optional<ConsoleSession> session(String idHash) {
        return console(sql -> sql.selectFrom(SESSION).where(SESSION_ID.eq(idHash)).fetchOptional(r ->
                new ConsoleSession(r.get(SESSION_ID), r.get(SESSION_LOGIN), r.get(SESSION_COMPLETE),
                        r.get(SESSION_CSRF), r.get(SESSION_CREATED), r.get(SESSION_SEEN))));
    }

    @Override
    public void touchSession(String idHash, long millis) {
        console(sql -> sql.update(SESSION).set(SESSION_SEEN, millis).where(SESSION_ID.eq(idHash)).execute());
    }

    @Override
    public void deleteSession(String idHash) {
        console(sql -> sql.deleteFrom(SESSION).where(SESSION_ID.eq(idHash)).execute());
    }

    @Override
    public int deleteSessionsIdleSince(long millis) {
        return console(sql -> sql.deleteFrom(SESSION).where(SESSION_SEEN.lt(millis)).execute());
    }

    @Override
    public void audit(AuditEntry e) {
        console(sql -> sql.insertInto(AUDIT).set(AUDIT_ID, UUID.randomUUID().toString()).set(AUDIT_AT, e.at())
                .set(AUDIT_ACTOR, cut(e.actor(), 64)).set(AUDIT_ACTION, cut(e.action(), 60))
                .set(AUDIT_DETAIL, cut(e.detail(), 400)).execute());
    }

    @Override
    public List<AuditEntry> auditJournal(int limit) {
        return console(sql -> sql.selectFrom(AUDIT).orderBy(AUDIT_AT.desc()).limit(limit).fetch(r ->
                new AuditEntry(r.get(AUDIT_AT), r.get(AUDIT_ACTOR), r.get(AUDIT_ACTION), r.get(AUDIT_DETAIL))));
    }

    @Override
    public List<AuditEntry> auditJournal(AuditScope scope, int offset, int limit) {
        return console(sql -> sql.selectFrom(AUDIT).where(inScope(scope))
                .orderBy(AUDIT_AT.desc(), AUDIT_ID).limit(limit).offset(offset).fetch(r ->
                        new AuditEntry(r.get(AUDIT_AT), r.get(AUDIT_ACTOR), r.get(AUDIT_ACTION), r.get(AUDIT_DETAIL))));
    }

    @Override
    public int auditCount(AuditScope scope) {
        return console(sql -> sql.fetchCount(AUDIT, inScope(scope)));
    }

    /**
     * The journal's lines in {@code scope}: its actors' lines, and the outsiders' lines whose detail holds one of its
     * words whole (" worksite=a " is found in " device=d worksite=a ", not in " worksite=ab "; LIKE's wildcards in
     * an id are escaped by {@code contains}).
     */
    private static Condition inScope(AuditScope scope) {
        if (scope.everything()) {
            return DSL.noCondition();
        }
        Field<String> spaced = DSL.concat(DSL.inline(" "), AUDIT_DETAIL, DSL.inline(" "));
        Condition mentioned = DSL.or(scope.mentions().stream().map(word -> spaced.contains(" " + word + " "))
                .toList());
        return AUDIT_ACTOR.in(scope.actors()).or(AUDIT_ACTOR.in(scope.outsiders()).and(
                scope.mentions().isEmpty() ? DSL.falseCondition() : mentioned));
    }

    @Override
    public int changePassword(String login, PasswordHash password, String keptSession) {
        return console(sql -> {
            if (sql.update(ACCOUNT).set(ACCOUNT_HASH, password.hash()).set(ACCOUNT_SALT, password.salt())
                    .set(ACCOUNT_ITERATIONS, password.iterations()).where(ACCOUNT_LOGIN.eq(login)).execute() != 1) {
                return -1;
            }
            return sql.deleteFrom(SESSION).where(SESSION_LOGIN.eq(login),
                    keptSession == null ? DSL.noCondition() : SESSION_ID.ne(keptSession)).execute();
        });
    }

    @Override
    public Map<String, DeviceReport> deviceReports() {
        Map<String, DeviceReport> reports = new LinkedHashMap<>();
        console(sql -> sql.selectFrom(REPORT).fetch(r -> new DeviceReport(r.get(REPORT_DEVICE), r.get(REPORT_AT),
                r.get(REPORT_VERSION), r.get(REPORT_PERSON), r.get(REPORT_QUARANTINED), r.get(REPORT_OLDEST))))
                .forEach(report -> reports.put(report.deviceId(), report));
        return reports;
    }

    @Override
    public Map<String, Backlog> waitingRejections() {
        Map<String, Backlog> waiting = new LinkedHashMap<>();
        console(sql -> sql.select(REJ_DEVICE, DSL.count(), DSL.min(REJ_AT)).from(REJECTION).groupBy(REJ_DEVICE)
                .fetch()).forEach(r -> waiting.put(r.value1(), new Backlog(r.value2(), r.value3())));
        return waiting;
    }

    @Override
    public List<SyncExchange> syncHistory(String deviceId, int limit) {
        return console(sql -> sql.selectFrom(HISTORY).where(HISTORY_DEVICE.eq(deviceId))
                .orderBy(HISTORY_AT.desc()).limit(limit).fetch(JooqHubStore::exchange));
    }

    @Override
    public Map<String, Backlog> openConflicts() {
        // Conflict records are synced rows (sync_conflict): their fields are JSON, read here; a hub has few of them.
        Map<String, Backlog> open = new java.util.TreeMap<>();
        console(sql -> sql.select(ROW_WORKSITE, ROW_DATA).from(ROW)
                .where(ROW_TABLE.eq("sync_conflict"), ROW_DELETED_AT.isNull()).fetch()).forEach(r -> {
                    Map<String, Object> data;
                    try {
                        data = DATA_READER.readValue(r.value2());
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("Unreadable conflict record of " + r.value1(), e);
                    }
                    if (!truthy(data.get("resolved")) && !truthy(data.get("deleted"))) {
                        Long created = data.get("created_at") instanceof Number n ? n.longValue() : null;
                        open.merge(r.value1(), new Backlog(1, created), Backlog::plus);
                    }
                });
        return open;
    }

    @Override
    public String databaseKind() {
        return dialect == SQLDialect.POSTGRES ? "PostgreSQL" : "SQLite";
    }

    private static boolean truthy(Object value) {
        return Boolean.TRUE.equals(value) || (value instanceof Number n && n.intValue() != 0);
    }

    @Override
    public Backlog tombstones() {
        return console(sql -> sql.select(DSL.count(), DSL.min(ROW_DELETED_AT)).from(ROW)
                .where(ROW_DELETED_AT.isNotNull()).fetchOne(r -> new Backlog(r.value1(), r.value2())));
    }

    private static SyncExchange exchange(Record r) {
        return new SyncExchange(r.get(HISTORY_DEVICE), r.get(HISTORY_AT), r.get(HISTORY_OPERATIONS),
                r.get(HISTORY_ROWS), r.get(HISTORY_REFUSED), r.get(HISTORY_CONFLICTS), r.get(HISTORY_OUTCOME));
    }

    @Override
    public List<WorksiteInfo> allWorksites() {
        return console(sql -> sql.selectFrom(WORKSITE).orderBy(WORKSITE_ID).fetch(r -> new WorksiteInfo(
                r.get(WORKSITE_ID), r.get(WORKSITE_NAME), r.get(WORKSITE_CITY), r.get(WORKSITE_REGION),
                r.get(WORKSITE_TERRITORY), r.get(WORKSITE_RUNS_PHC), r.get(WORKSITE_RUNS_CVG))));
    }

    private static String cut(String text, int length) {
        String value = text == null ? "" : text;
        return value.length() > length ? value.substring(0, length) : value;
    }

    private static ConsoleAccount account(Record r) {
        return new ConsoleAccount(r.get(ACCOUNT_LOGIN), r.get(ACCOUNT_NAME),
                ConsoleAccount.Role.of(r.get(ACCOUNT_ROLE)), r.get(ACCOUNT_TERRITORY),
                new PasswordHash(r.get(ACCOUNT_HASH), r.get(ACCOUNT_SALT), r.get(ACCOUNT_ITERATIONS)), r.get(ACCOUNT_TOTP), r.get(ACCOUNT_CREATED), r.get(ACCOUNT_DISABLED),
                r.get(ACCOUNT_FAILURES), r.get(ACCOUNT_LAST_FAILURE), r.get(ACCOUNT_TOTP_STEP));
    }

    private final class Tx implements HubTransaction {
        private final DSLContext sql;
        private final boolean writable;
        private final Map<String, HubRow> pending = new LinkedHashMap<>();
        private final List<String[]> exits = new ArrayList<>();
        /** The people erased earlier in this transaction: a later write about them is erased too. */
        private final Set<String> erased = new HashSet<>();
        /** In a transaction that only adds rows ({@link #addRows}): the sums of its new hours rows, else null. */
        private HoursSummary.NewRows newRows;

        Tx(DSLContext sql, boolean writable) {
            this.sql = sql;
            this.writable = writable;
        }

        void flush() {
            if (pending.isEmpty() && exits.isEmpty()) {
                return;
            }
            int count = pending.size() + exits.size();
            // The counter's row lock is held until commit: sequences become visible in order.
            sql.update(COUNTER).set(COUNTER_VALUE, COUNTER_VALUE.plus((long) count)).where(COUNTER_ID.eq(1)).execute();
            long end = sql.select(COUNTER_VALUE).from(COUNTER).where(COUNTER_ID.eq(1)).fetchOne(COUNTER_VALUE);
            long next = end - count + 1;
            for (String[] exit : exits) {
                sql.insertInto(EXIT).set(EXIT_SEQ, next++).set(EXIT_TABLE, exit[0]).set(EXIT_ROW, exit[1])
                        .set(EXIT_WORKSITE, exit[2]).set(EXIT_AUDIENCE, exit[3]).execute();
            }
            // New rows go in with one prepared statement, bound row after row: an import or a first push of
            // thousands of rows no longer prepares one statement per row.
            var inserts = sql.batch(sql.insertInto(ROW, ROW_TABLE, ROW_ID, ROW_WORKSITE, ROW_PARTICIPANT, ROW_DATA,
                    ROW_META, ROW_VERSION, ROW_UPDATED_BY, ROW_SEQ, ROW_CREATED_SEQ, ROW_MOVED_SEQ, ROW_DELETED_AT)
                    .values(java.util.Collections.nCopies(12, null)));
            int inserted = 0;
            for (HubRow row : pending.values()) {
                long seq = next++;
                boolean isNew = row.createdSeq() == FieldMeta.PENDING;
                row.seq(seq);
                if (isNew) {
                    row.createdSeq(seq);
                }
                if (row.movedSeq() == FieldMeta.PENDING) {
                    row.movedSeq(seq);
                }
                row.meta().replaceAll((k, m) -> m.seq() == FieldMeta.PENDING ? m.withSeq(seq) : m);
                String data = json(row.data());
                String meta = json(row.meta());
                if (isNew) {
                    inserts.bind(row.table(), row.id(), row.worksiteId(), row.participantId(), data, meta,
                            row.version(), row.updatedBy(), seq, seq, row.movedSeq(), row.deletedAt());
                    inserted++;
                    if (newRows != null) {
                        newRows.add(row.table(), row.worksiteId(), row.data(), row.deletedAt());
                    }
                } else if (newRows != null) {
                    // The hours summaries' trigger is set aside for new rows only (PostgreSQL: for every event).
                    throw new IllegalStateException("Une transaction d’ajout ne modifie pas de ligne existante : "
                            + row.table() + "/" + row.id());
                } else {
                    sql.update(ROW).set(ROW_WORKSITE, row.worksiteId()).set(ROW_PARTICIPANT, row.participantId())
                            .set(ROW_DATA, data).set(ROW_META, meta).set(ROW_VERSION, row.version())
                            .set(ROW_UPDATED_BY, row.updatedBy()).set(ROW_SEQ, seq)
                            .set(ROW_MOVED_SEQ, row.movedSeq()).set(ROW_DELETED_AT, row.deletedAt())
                            .where(ROW_TABLE.eq(row.table()), ROW_ID.eq(row.id())).execute();
                }
            }
            if (inserted > 0) {
                inserts.execute();
            }
        }

        @Override
        public Optional<Device> deviceByTokenHash(String tokenHash) {
            return sql.selectFrom(DEVICE).where(DEVICE_TOKEN.eq(tokenHash)).fetchOptional(JooqHubStore::device);
        }

        @Override
        public Optional<Device> device(String id) {
            return sql.selectFrom(DEVICE).where(DEVICE_ID.eq(id)).fetchOptional(JooqHubStore::device);
        }

        @Override
        public List<Device> devices() {
            return sql.selectFrom(DEVICE).orderBy(DEVICE_ENROLLED).fetch(JooqHubStore::device);
        }

        @Override
        public Set<String> worksitesOf(String scopeKind, String scopeId) {
            if ("worksite".equals(scopeKind)) {
                return Set.of(scopeId);
            }
            return new TreeSet<>(sql.select(WORKSITE_ID).from(WORKSITE).where(WORKSITE_TERRITORY.eq(scopeId))
                    .fetch(WORKSITE_ID));
        }

        @Override
        public boolean worksiteKnown(String worksiteId) {
            return sql.fetchExists(WORKSITE, WORKSITE_ID.eq(worksiteId));
        }

        @Override
        public Optional<WorksiteInfo> worksite(String worksiteId) {
            return sql.selectFrom(WORKSITE).where(WORKSITE_ID.eq(worksiteId)).fetchOptional(JooqHubStore::worksite);
        }

        @Override
        public WorksiteList worksitesChangedAfter(Collection<String> worksiteIds, long cursor, boolean all) {
            List<Record> found = sql.selectFrom(WORKSITE).where(WORKSITE_ID.in(worksiteIds))
                    .and(all ? DSL.noCondition() : WORKSITE_SEQ.gt(cursor)).orderBy(WORKSITE_ID).fetch()
                    .map(r -> (Record) r);
            long last = found.stream().map(r -> r.get(WORKSITE_SEQ)).filter(java.util.Objects::nonNull)
                    .mapToLong(Long::longValue).max().orElse(0L);
            return new WorksiteList(found.stream().map(JooqHubStore::worksite).toList(), last);
        }

        @Override
        public long lastSequence() {
            return sql.select(COUNTER_VALUE).from(COUNTER).where(COUNTER_ID.eq(1)).fetchOne(COUNTER_VALUE);
        }

        @Override
        public long purgedUpTo() {
            return Long.parseLong(sql.select(META_VALUE).from(META).where(META_KEY.eq(META_PURGED))
                    .fetchOne(META_VALUE));
        }

        @Override
        public List<HubRow> rowsAfter(Collection<String> worksites, long cursor, int limit, boolean withMeta,
                                      Audience audience) {
            org.jooq.Condition which = ROW_WORKSITE.in(worksites).and(ROW_SEQ.gt(cursor)).and(filesOf(audience));
            if (withMeta) {
                return sql.selectFrom(ROW).where(which).orderBy(ROW_SEQ).limit(limit).fetch(JooqHubStore::row);
            }
            return sql.select(ROW_TABLE, ROW_ID, ROW_WORKSITE, ROW_PARTICIPANT, ROW_DATA, ROW_VERSION, ROW_UPDATED_BY,
                            ROW_SEQ, ROW_CREATED_SEQ, ROW_MOVED_SEQ, ROW_DELETED_AT)
                    .from(ROW).where(which).orderBy(ROW_SEQ)
                    .limit(limit).fetch(r -> {
                        try {
                            String table = r.value1();
                            String id = r.value2();
                            return new HubRow(table, id, r.value3(), r.value4(), DATA_READER.readValue(r.value5()),
                                    new HubRow.StoredMeta() {
                                        @Override
                                        public Map<String, FieldMeta> parse() {
                                            throw new IllegalStateException("Meta not read for " + table + "/" + id);
                                        }

                                        @Override
                                        public boolean mayName(String device) {
                                            throw new IllegalStateException("Meta not read for " + table + "/" + id);
                                        }
                                    }, r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11());
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException("Unreadable hub row " + r.value1() + "/" + r.value2(), e);
                        }
                    });
        }

        /** The rows of the files {@code audience} receives: archived files' rows are for every-file devices only. */
        private org.jooq.Condition filesOf(Audience audience) {
            return audience == Audience.EVERY_FILE ? DSL.noCondition()
                    : ROW_PARTICIPANT.isNull().or(ROW_PARTICIPANT.notIn(
                            DSL.select(ARCHIVED_PARTICIPANT).from(ARCHIVED)));
        }

        @Override
        public long countRowsAfter(Collection<String> worksites, long cursor, Audience audience) {
            return sql.fetchCount(ROW, ROW_WORKSITE.in(worksites).and(ROW_SEQ.gt(cursor)).and(filesOf(audience)));
        }

        @Override
        public List<Exit> exitsAfter(Collection<String> worksites, long cursor, int limit, Audience audience) {
            return sql.selectFrom(EXIT).where(EXIT_WORKSITE.in(worksites), EXIT_SEQ.gt(cursor))
                    .and(audience == Audience.FILES_IN_USE ? DSL.noCondition() : EXIT_AUDIENCE.isNull())
                    .orderBy(EXIT_SEQ)
                    .limit(limit).fetch(r -> new Exit(r.get(EXIT_SEQ), r.get(EXIT_TABLE), r.get(EXIT_ROW),
                            r.get(EXIT_WORKSITE)));
        }

        @Override
        public boolean archived(String participantId) {
            return sql.fetchExists(ARCHIVED, ARCHIVED_PARTICIPANT.eq(participantId));
        }

        @Override
        public Set<String> archivedFiles() {
            return new java.util.HashSet<>(sql.select(ARCHIVED_PARTICIPANT).from(ARCHIVED)
                    .fetch(ARCHIVED_PARTICIPANT));
        }

        @Override
        public void eachData(String table, List<String> fields, java.util.function.Consumer<HubStore.RowData> each) {
            List<String> names = new ArrayList<>(fields);
            names.add(SyncSchema.DELETED);
            // This transaction's writes instead of the stored rows they replace, then its new rows.
            Set<String> given = new HashSet<>();
            try (Cursor<Record> rows = fieldsOf(table, names).fetchSize(1_000).fetchLazy()) {
                for (Record stored : rows) {
                    HubRow written = pending.get(table + "/" + stored.get(ROW_ID));
                    if (written != null) {
                        given.add(written.id());
                        each.accept(HubStore.RowData.of(written));
                        continue;
                    }
                    Map<String, Object> data = new HashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        data.put(names.get(i), stored.get(i + 2, String.class));
                    }
                    // A JSON true: 1 from SQLite, true from PostgreSQL.
                    Object deleted = data.get(SyncSchema.DELETED);
                    data.put(SyncSchema.DELETED, "1".equals(deleted) || "true".equals(deleted));
                    each.accept(new HubStore.RowData(stored.get(ROW_ID), stored.get(ROW_WORKSITE), data));
                }
            }
            for (HubRow row : pending.values()) {
                if (row.table().equals(table) && !given.contains(row.id())) {
                    each.accept(HubStore.RowData.of(row));
                }
            }
        }

        /**
         * Each row's id, worksite and the {@code names} of its JSON data as text, read by the database: PostgreSQL
         * parses each row's JSON once ({@code json_to_record}; three times faster than {@code ->>} per field, which
         * parses it again for each), SQLite with {@code json_extract}.
         */
        private org.jooq.ResultQuery<Record> fieldsOf(String table, List<String> names) {
            if (dialect != SQLDialect.POSTGRES) {
                List<Field<String>> columns = new ArrayList<>(List.of(ROW_ID, ROW_WORKSITE));
                names.forEach(name -> columns.add(DSL.field("json_extract(" + ROW_DATA.getName() + ", {0})",
                        String.class, DSL.inline("$." + name))));
                return sql.select(columns).from(ROW).where(ROW_TABLE.eq(table));
            }
            List<org.jooq.QueryPart> columns = new ArrayList<>();
            List<org.jooq.QueryPart> definitions = new ArrayList<>();
            for (String name : names) {
                columns.add(DSL.field(DSL.name("r", name)));
                definitions.add(DSL.sql("{0} text", DSL.name(name)));
            }
            // hub_row's own columns qualified: the record's fields may bear the same names.
            return sql.resultQuery("SELECT {0}, {1}, {2} FROM {3}, json_to_record({4}::json) AS r({5}) WHERE {6} = {7}",
                    own(ROW_ID), own(ROW_WORKSITE), DSL.list(columns.toArray(new org.jooq.QueryPart[0])), ROW,
                    own(ROW_DATA), DSL.list(definitions.toArray(new org.jooq.QueryPart[0])), own(ROW_TABLE),
                    DSL.val(table));
        }

        private static Field<String> own(Field<String> column) {
            return DSL.field(DSL.name(ROW.getName(), column.getName()), String.class);
        }

        @Override
        public Set<String> existingIds(String table, Collection<String> ids) {
            Set<String> found = new HashSet<>();
            for (String id : ids) {
                if (pending.containsKey(table + "/" + id)) {
                    found.add(id);
                }
            }
            List<String> all = new ArrayList<>(ids);
            for (int from = 0; from < all.size(); from += 1_000) {
                // The ids written into the statement, not bound: PostgreSQL would soon plan a statement it sees often
                // once for any values, and that plan, made while the table was small, read every row of the table
                // for each query (the national × 10 import slowed down to a crawl; ids are escaped by jOOQ).
                found.addAll(sql.select(ROW_ID).from(ROW).where(ROW_TABLE.eq(table),
                        ROW_ID.in(all.subList(from, Math.min(all.size(), from + 1_000)).stream().map(DSL::inline)
                                .toList())).fetch(ROW_ID));
            }
            return found;
        }

        @Override
        public Optional<HubRow> row(String table, String id) {
            HubRow buffered = pending.get(table + "/" + id);
            if (buffered != null) {
                return Optional.of(buffered);
            }
            return sql.selectFrom(ROW).where(ROW_TABLE.eq(table), ROW_ID.eq(id)).fetchOptional(JooqHubStore::row);
        }

        @Override
        public Map<String, Long> rowCounts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            sql.select(ROW_TABLE, DSL.count()).from(ROW).groupBy(ROW_TABLE).orderBy(ROW_TABLE)
                    .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
            return counts;
        }

        @Override
        public long lockDevice(String deviceId) {
            var query = sql.select(DEVICE_LAST_OP).from(DEVICE).where(DEVICE_ID.eq(deviceId));
            Long last = dialect == SQLDialect.POSTGRES ? query.forUpdate().fetchOne(DEVICE_LAST_OP)
                    : query.fetchOne(DEVICE_LAST_OP);
            if (last == null) {
                throw new IllegalStateException("Unknown device " + deviceId);
            }
            return last;
        }

        @Override
        public void deviceSynced(String deviceId, long lastOperation, long cursor, long millis) {
            sql.update(DEVICE).set(DEVICE_LAST_OP, DSL.greatest(DEVICE_LAST_OP, DSL.val(lastOperation)))
                    // The highest cursor ever given: a device presenting a higher one proves the hub went back.
                    .set(DEVICE_LAST_CURSOR, DSL.greatest(DEVICE_LAST_CURSOR, DSL.val(cursor)))
                    .set(DEVICE_LAST_SEEN, millis).where(DEVICE_ID.eq(deviceId))
                    .execute();
        }

        @Override
        public void addRejection(String deviceId, long number, String code, String reason, long millis) {
            sql.insertInto(REJECTION).set(REJ_DEVICE, deviceId).set(REJ_NUMBER, number).set(REJ_CODE, code)
                    .set(REJ_REASON, reason.length() > 2000 ? reason.substring(0, 2000) : reason).set(REJ_AT, millis)
                    .onConflictDoNothing().execute();
        }

        @Override
        public void recordExchange(SyncExchange e, ClientReport report) {
            requireWritable();
            sql.insertInto(HISTORY).set(HISTORY_ID, UUID.randomUUID().toString()).set(HISTORY_DEVICE, e.deviceId())
                    .set(HISTORY_AT, e.at()).set(HISTORY_OPERATIONS, e.operations()).set(HISTORY_ROWS, e.rowsSent())
                    .set(HISTORY_REFUSED, e.refused()).set(HISTORY_CONFLICTS, e.conflicts())
                    .set(HISTORY_OUTCOME, e.outcome()).execute();
            // The device's exchanges past the last KEPT go: the table stays small whatever the laptops do.
            Long cut = sql.select(HISTORY_AT).from(HISTORY).where(HISTORY_DEVICE.eq(e.deviceId()))
                    .orderBy(HISTORY_AT.desc()).limit(1).offset(SyncExchange.KEPT).fetchOne(HISTORY_AT);
            if (cut != null) {
                sql.deleteFrom(HISTORY).where(HISTORY_DEVICE.eq(e.deviceId()), HISTORY_AT.le(cut)).execute();
            }
            if (report != null) {
                // What a laptop says is only shown (escaped), but kept short whatever it sends.
                String version = report.appVersion() == null ? null : cut(report.appVersion(), 60);
                String person = report.person() == null ? null : cut(report.person(), 64);
                Integer quarantined = report.quarantined() == null ? null : Math.max(0, report.quarantined());
                sql.insertInto(REPORT).set(REPORT_DEVICE, e.deviceId()).set(REPORT_AT, e.at())
                        .set(REPORT_VERSION, version).set(REPORT_PERSON, person)
                        .set(REPORT_QUARANTINED, quarantined).set(REPORT_OLDEST, report.oldestQuarantinedAt())
                        .onConflict(REPORT_DEVICE).doUpdate().set(REPORT_AT, e.at()).set(REPORT_VERSION, version)
                        .set(REPORT_PERSON, person).set(REPORT_QUARANTINED, quarantined)
                        .set(REPORT_OLDEST, report.oldestQuarantinedAt()).execute();
            }
        }

        @Override
        public List<StoredRejection> rejections(String deviceId, long after) {
            return sql.selectFrom(REJECTION).where(REJ_DEVICE.eq(deviceId), REJ_NUMBER.gt(after)).orderBy(REJ_NUMBER)
                    .fetch(r -> new StoredRejection(r.get(REJ_NUMBER), r.get(REJ_CODE), r.get(REJ_REASON)));
        }

        @Override
        public void forgetRejections(String deviceId, long upTo) {
            sql.deleteFrom(REJECTION).where(REJ_DEVICE.eq(deviceId), REJ_NUMBER.le(upTo)).execute();
        }

        @Override
        public Optional<HubRow> rowForUpdate(String table, String id) {
            HubRow buffered = pending.get(table + "/" + id);
            if (buffered != null) {
                return Optional.of(buffered);
            }
            var query = sql.selectFrom(ROW).where(ROW_TABLE.eq(table), ROW_ID.eq(id));
            return (dialect == SQLDialect.POSTGRES ? query.forUpdate() : query).fetchOptional(JooqHubStore::row);
        }

        @Override
        public List<HubRow> rowsOfParticipant(String participantId) {
            Map<String, HubRow> rows = new LinkedHashMap<>();
            var query = sql.selectFrom(ROW).where(ROW_PARTICIPANT.eq(participantId),
                    ROW_TABLE.ne("sync_conflict"));
            for (HubRow row : (dialect == SQLDialect.POSTGRES ? query.forUpdate() : query).fetch(JooqHubStore::row)) {
                String key = row.table() + "/" + row.id();
                HubRow current = pending.getOrDefault(key, row);
                // Written earlier in this transaction for another person: theirs now, not this one's.
                if (participantId.equals(current.participantId())) {
                    rows.put(key, current);
                }
            }
            pending.forEach((key, row) -> {
                if (participantId.equals(row.participantId()) && !row.table().equals("sync_conflict")) {
                    rows.putIfAbsent(key, row);
                }
            });
            return new ArrayList<>(rows.values());
        }

        @Override
        public void lockParticipant(String participantId) {
            if (dialect == SQLDialect.POSTGRES) {
                sql.select(ROW_SEQ).from(ROW).where(ROW_TABLE.eq("participant"), ROW_ID.eq(participantId)).forUpdate()
                        .fetch();
            }
        }

        @Override
        public List<HubStore.RowData> dataOfParticipant(String participantId, String table) {
            return withPending(table, sql.select(ROW_ID, ROW_WORKSITE, ROW_DATA).from(ROW)
                    .where(ROW_PARTICIPANT.eq(participantId), ROW_TABLE.eq(table)).fetch(JooqHubStore::rowData),
                    row -> participantId.equals(row.participantId()));
        }

        @Override
        public List<HubStore.RowData> data(String table, Collection<String> ids) {
            return withPending(table, sql.select(ROW_ID, ROW_WORKSITE, ROW_DATA).from(ROW)
                    .where(ROW_TABLE.eq(table), ROW_ID.in(ids)).fetch(JooqHubStore::rowData),
                    row -> ids.contains(row.id()));
        }

        /** Stored rows of {@code table} replaced by their version written in this transaction, plus new ones. */
        private List<HubStore.RowData> withPending(String table, List<HubStore.RowData> stored,
                                                   java.util.function.Predicate<HubRow> wanted) {
            Map<String, HubStore.RowData> rows = new LinkedHashMap<>();
            for (HubStore.RowData row : stored) {
                HubRow written = pending.get(table + "/" + row.id());
                if (written == null) {
                    rows.put(row.id(), row);
                } else if (wanted.test(written)) {
                    // Its place kept; left out when it was written for another person earlier in this transaction.
                    rows.put(row.id(), HubStore.RowData.of(written));
                }
            }
            for (HubRow row : pending.values()) {
                if (row.table().equals(table) && wanted.test(row)) {
                    rows.put(row.id(), HubStore.RowData.of(row));
                }
            }
            return new ArrayList<>(rows.values());
        }

        @Override
        public int eraseParticipant(String participantId) {
            requireWritable();
            erased.add(participantId);
            // The person's rows as they stand at this point of the transaction: a row written earlier in it is
            // theirs by its written participant, whatever the stored one says (it may have been moved either way).
            int unsaved = 0;
            Map<String, List<String>> writtenTheirs = new LinkedHashMap<>();
            boolean othersWritten = false;
            for (var it = pending.values().iterator(); it.hasNext(); ) {
                HubRow row = it.next();
                boolean stored = row.createdSeq() != FieldMeta.PENDING;
                if (participantId.equals(row.participantId())) {
                    it.remove();
                    if (stored) {
                        writtenTheirs.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row.id());
                    } else {
                        unsaved++;
                    }
                } else {
                    othersWritten |= stored;
                }
            }
            Map<String, List<String>> movedAway = new LinkedHashMap<>();
            if (othersWritten) {
                sql.select(ROW_TABLE, ROW_ID).from(ROW).where(ROW_PARTICIPANT.eq(participantId)).fetch()
                        .forEach(r -> {
                            if (pending.containsKey(r.value1() + "/" + r.value2())) {
                                movedAway.computeIfAbsent(r.value1(), t -> new ArrayList<>()).add(r.value2());
                            }
                        });
            }
            // Nothing of the person stays, not even the mark that their file was archived.
            sql.deleteFrom(ARCHIVED).where(ARCHIVED_PARTICIPANT.eq(participantId)).execute();
            int deleted = sql.deleteFrom(ROW).where(ROW_PARTICIPANT.eq(participantId),
                    movedAway.isEmpty() ? DSL.noCondition() : DSL.not(rows(movedAway))).execute();
            if (!writtenTheirs.isEmpty()) {
                deleted += sql.deleteFrom(ROW).where(rows(writtenTheirs)).execute();
            }
            return unsaved + deleted;
        }

        /** The stored rows with these ids, table by table. */
        private static Condition rows(Map<String, List<String>> idsByTable) {
            return DSL.or(idsByTable.entrySet().stream()
                    .map(ids -> ROW_TABLE.eq(ids.getKey()).and(ROW_ID.in(ids.getValue()))).toList());
        }

        @Override
        public void save(HubRow row) {
            requireWritable();
            String key = row.table() + "/" + row.id();
            if (row.participantId() != null && erased.contains(row.participantId())) {
                // A write about a person erased earlier in this transaction: the erasure wins, as the sync refuses
                // any change about an erased person; a stored row moved to them goes with them.
                pending.remove(key);
                if (row.createdSeq() != FieldMeta.PENDING) {
                    sql.deleteFrom(ROW).where(ROW_TABLE.eq(row.table()), ROW_ID.eq(row.id())).execute();
                }
                return;
            }
            pending.putIfAbsent(key, row);
            pending.put(key, row);
        }

        @Override
        public void exit(String table, String rowId, String worksiteId) {
            requireWritable();
            exits.add(new String[] {table, rowId, worksiteId, null});
        }

        @Override
        public void archivedExit(String table, String rowId, String worksiteId) {
            requireWritable();
            exits.add(new String[] {table, rowId, worksiteId, Audience.FILES_IN_USE.name()});
        }

        @Override
        public void archive(String participantId, long millis) {
            requireWritable();
            sql.insertInto(ARCHIVED).set(ARCHIVED_PARTICIPANT, participantId).set(ARCHIVED_AT, millis)
                    .onConflict(ARCHIVED_PARTICIPANT).doNothing().execute();
        }

        @Override
        public void unarchive(String participantId) {
            requireWritable();
            sql.deleteFrom(ARCHIVED).where(ARCHIVED_PARTICIPANT.eq(participantId)).execute();
        }

        @Override
        public Map<String, List<HubRow>> rowsWrittenByParticipant() {
            Map<String, List<HubRow>> people = new LinkedHashMap<>();
            pending.values().forEach(row -> {
                if (row.participantId() != null) {
                    people.computeIfAbsent(row.participantId(), p -> new ArrayList<>()).add(row);
                }
            });
            return people;
        }

        @Override
        public void addDevice(String id, String tokenHash, String scopeKind, String scopeId, String label,
                              long millis) {
            sql.insertInto(DEVICE).set(DEVICE_ID, id).set(DEVICE_TOKEN, tokenHash).set(DEVICE_SCOPE_KIND, scopeKind)
                    .set(DEVICE_SCOPE_ID, scopeId).set(DEVICE_LABEL, label).set(DEVICE_ENROLLED, millis)
                    .set(DEVICE_LAST_OP, 0L).set(DEVICE_LAST_CURSOR, 0L).execute();
        }

        @Override
        public void reenrolDevice(String id, String tokenHash, String scopeKind, String scopeId, String label,
                                  long millis) {
            sql.update(DEVICE).set(DEVICE_TOKEN, tokenHash).set(DEVICE_SCOPE_KIND, scopeKind)
                    .set(DEVICE_SCOPE_ID, scopeId).set(DEVICE_LABEL, label).set(DEVICE_ENROLLED, millis)
                    .setNull(DEVICE_REVOKED).where(DEVICE_ID.eq(id)).execute();
        }

        @Override
        public void revokeDevice(String id, long millis) {
            sql.update(DEVICE).set(DEVICE_REVOKED, millis).where(DEVICE_ID.eq(id), DEVICE_REVOKED.isNull()).execute();
        }

        @Override
        public void addEnrolmentCode(String codeHash, String scopeKind, String scopeId, String label, long createdAt,
                                     long expiresAt) {
            sql.insertInto(CODE).set(CODE_HASH, codeHash).set(CODE_SCOPE_KIND, scopeKind).set(CODE_SCOPE_ID, scopeId)
                    .set(CODE_LABEL, label).set(CODE_CREATED, createdAt).set(CODE_EXPIRES, expiresAt).execute();
        }

        @Override
        public Optional<EnrolmentCode> useEnrolmentCode(String codeHash, String deviceId, long millis) {
            int used = sql.update(CODE).set(CODE_USED_BY, deviceId).where(CODE_HASH.eq(codeHash),
                    CODE_USED_BY.isNull().or(CODE_USED_BY.eq(deviceId)), CODE_EXPIRES.gt(millis)).execute();
            if (used == 0) {
                return Optional.empty();
            }
            return sql.selectFrom(CODE).where(CODE_HASH.eq(codeHash)).fetchOptional(r ->
                    new EnrolmentCode(r.get(CODE_SCOPE_KIND), r.get(CODE_SCOPE_ID), r.get(CODE_LABEL)));
        }

        @Override
        public void addWorksite(String worksiteId, String territoryId) {
            putWorksite(new WorksiteInfo(worksiteId, null, null, null, territoryId, null, null));
        }

        @Override
        public boolean putWorksite(WorksiteInfo w) {
            Optional<WorksiteInfo> old = worksite(w.id());
            WorksiteInfo merged = old.map(o -> new WorksiteInfo(w.id(), or(w.name(), o.name()), or(w.city(), o.city()),
                    or(w.region(), o.region()), w.territoryId(), or(w.runsPhc(), o.runsPhc()),
                    or(w.runsCvg(), o.runsCvg()))).orElse(w);
            if (old.isPresent() && old.get().equals(merged)) {
                return false;
            }
            // A sequence of its own, under the counter's lock like rows: a laptop before it is sent the worksite.
            sql.update(COUNTER).set(COUNTER_VALUE, COUNTER_VALUE.plus(1L)).where(COUNTER_ID.eq(1)).execute();
            long seq = sql.select(COUNTER_VALUE).from(COUNTER).where(COUNTER_ID.eq(1)).fetchOne(COUNTER_VALUE);
            sql.insertInto(WORKSITE).set(WORKSITE_ID, merged.id()).set(WORKSITE_TERRITORY, merged.territoryId())
                    .set(WORKSITE_NAME, merged.name()).set(WORKSITE_CITY, merged.city())
                    .set(WORKSITE_REGION, merged.region()).set(WORKSITE_RUNS_PHC, merged.runsPhc())
                    .set(WORKSITE_RUNS_CVG, merged.runsCvg()).set(WORKSITE_SEQ, seq)
                    .onConflict(WORKSITE_ID).doUpdate().set(WORKSITE_TERRITORY, merged.territoryId())
                    .set(WORKSITE_NAME, merged.name()).set(WORKSITE_CITY, merged.city())
                    .set(WORKSITE_REGION, merged.region()).set(WORKSITE_RUNS_PHC, merged.runsPhc())
                    .set(WORKSITE_RUNS_CVG, merged.runsCvg()).set(WORKSITE_SEQ, seq).execute();
            return true;
        }

        @Override
        public int purgeTombstones(long deletedBefore) {
            Long horizon = sql.select(DSL.max(ROW_SEQ)).from(ROW)
                    .where(ROW_DELETED_AT.isNotNull(), ROW_DELETED_AT.lt(deletedBefore)).fetchOne(0, Long.class);
            int purged = sql.deleteFrom(ROW).where(ROW_DELETED_AT.isNotNull(), ROW_DELETED_AT.lt(deletedBefore))
                    .execute();
            if (horizon != null) {
                sql.update(META).set(META_VALUE, DSL.val(String.valueOf(Math.max(horizon, purgedUpTo()))))
                        .where(META_KEY.eq(META_PURGED)).execute();
            }
            return purged;
        }

        private void requireWritable() {
            if (!writable) {
                throw new IllegalStateException("read-only hub transaction");
            }
        }
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static WorksiteInfo worksite(Record r) {
        return new WorksiteInfo(r.get(WORKSITE_ID), r.get(WORKSITE_NAME), r.get(WORKSITE_CITY), r.get(WORKSITE_REGION),
                r.get(WORKSITE_TERRITORY), r.get(WORKSITE_RUNS_PHC), r.get(WORKSITE_RUNS_CVG));
    }

    private static Device device(Record r) {
        return new Device(r.get(DEVICE_ID), r.get(DEVICE_SCOPE_KIND), r.get(DEVICE_SCOPE_ID), r.get(DEVICE_LABEL),
                r.get(DEVICE_ENROLLED), r.get(DEVICE_REVOKED), r.get(DEVICE_LAST_OP), r.get(DEVICE_LAST_SEEN),
                r.get(DEVICE_LAST_CURSOR));
    }

    private static HubRow row(Record r) {
        try {
            String table = r.get(ROW_TABLE);
            String id = r.get(ROW_ID);
            String meta = r.get(ROW_META);
            return new HubRow(table, id, r.get(ROW_WORKSITE), r.get(ROW_PARTICIPANT),
                    DATA_READER.readValue(r.get(ROW_DATA)), new HubRow.StoredMeta() {
                        @Override
                        public Map<String, FieldMeta> parse() {
                            try {
                                return JSON.readValue(meta, META_TYPE);
                            } catch (JsonProcessingException e) {
                                throw new IllegalStateException("Unreadable hub row meta " + table + "/" + id, e);
                            }
                        }

                        @Override
                        public boolean mayName(String device) {
                            // A field this device wrote holds its id in the text ("d"); other text may hold it too.
                            return meta.contains(device);
                        }
                    }, r.get(ROW_VERSION), r.get(ROW_UPDATED_BY), r.get(ROW_SEQ), r.get(ROW_CREATED_SEQ),
                    r.get(ROW_MOVED_SEQ), r.get(ROW_DELETED_AT));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable hub row " + r.get(ROW_TABLE) + "/" + r.get(ROW_ID), e);
        }
    }

    private static HubStore.RowData rowData(Record r) {
        try {
            return new HubStore.RowData(r.get(ROW_ID), r.get(ROW_WORKSITE), DATA_READER.readValue(r.get(ROW_DATA)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable hub row " + r.get(ROW_ID), e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
