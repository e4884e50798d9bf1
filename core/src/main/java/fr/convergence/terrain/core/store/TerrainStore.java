package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.clock.Hlc;
import fr.convergence.terrain.core.clock.HybridLogicalClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import static fr.convergence.terrain.core.store.generated.Tables.STORE_META;

/**
 * The laptop's local SQLite store. Writes run one at a time on a single writer thread, each in one transaction
 * that also fills the outbox; reads use a small pool of separate connections, which WAL lets run beside the
 * writer. Nothing here may be called from the JavaFX thread.
 */
public final class TerrainStore implements AutoCloseable {

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final Logger LOG = LoggerFactory.getLogger(TerrainStore.class);
    private static final int READ_CONNECTIONS = 4;
    static final String META_DEVICE_ID = "device_id";
    static final String META_HLC = "hlc_last";
    static final String META_ROW_ID_PREFIX = "row_id_prefix";
    static final String META_ROW_ID_LAST = "row_id_last";

    private final Path file;
    private final Clock clock;
    private final Connection writeConnection;
    /** Made on first write, on the writer thread: building jOOQ's context costs ~0.4 s the first time in a JVM. */
    private DSLContext writeContext;
    private final ExecutorService writer;
    private final BlockingQueue<Connection> readPool = new ArrayBlockingQueue<>(READ_CONNECTIONS);
    private final AtomicInteger readConnectionsOpened = new AtomicInteger();
    private final HybridLogicalClock hlc;
    private final String deviceId;
    private final RowIds rowIds;
    /** The highest row counter saved in the store; read and written on the writer thread only. */
    private long savedRowId;
    /** The clock state saved in the store; read and written on the writer thread only. */
    private Hlc savedHlc;
    private volatile Thread writerThread;
    private volatile boolean closed;
    /** Encrypted or not, and the data key while unlocked (ADR 0005); given to every jOOQ context of this store. */
    private final StoreKey key;

    private TerrainStore(Path file, Clock clock, Migrations migrations) throws SQLException {
        this.file = file;
        this.clock = clock;
        this.writeConnection = connect(file);
        Optional<Path> backup = backupBeforeMigration(writeConnection, file, migrations);
        int applied = migrations.migrate(writeConnection);
        if (applied > 0) {
            LOG.info("Store {}: {} migration(s) applied{}", file, applied,
                    backup.map(b -> ", backup kept at " + b).orElse(""));
        }
        writeConnection.setAutoCommit(true);
        this.key = new StoreKey(hasKeyWraps(writeConnection));
        // Plain JDBC here: opening the store need not wait for jOOQ's first-use initialisation.
        Optional<String> knownDevice = jdbcMeta(writeConnection, META_DEVICE_ID);
        if (knownDevice.isEmpty()) {
            knownDevice = Optional.of(UUID.randomUUID().toString());
            jdbcPutMeta(writeConnection, META_DEVICE_ID, knownDevice.get());
        }
        this.deviceId = knownDevice.get();
        Hlc persistedHlc = jdbcMeta(writeConnection, META_HLC).map(Hlc::parse).orElse(null);
        this.hlc = new HybridLogicalClock(clock, deviceId, persistedHlc);
        this.savedHlc = persistedHlc != null ? persistedHlc : new Hlc(0, 0, deviceId);
        Optional<String> prefix = jdbcMeta(writeConnection, META_ROW_ID_PREFIX);
        if (prefix.isEmpty()) {
            prefix = Optional.of(Long.toHexString(RowIds.prefixOf(new SecureRandom().nextLong())));
            jdbcPutMeta(writeConnection, META_ROW_ID_PREFIX, prefix.get());
        }
        this.savedRowId = jdbcMeta(writeConnection, META_ROW_ID_LAST).map(Long::parseLong).orElse(0L);
        this.rowIds = new RowIds(Long.parseUnsignedLong(prefix.get(), 16), savedRowId);
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "terrain-store-writer");
            thread.setDaemon(true);
            writerThread = thread;
            return thread;
        });
    }

    /** Opens (creating if needed) the store at {@code file} and applies pending migrations. */
    public static TerrainStore open(Path file) {
        return open(file, Clock.systemDefaultZone());
    }

    public static TerrainStore open(Path file, Clock clock) {
        return open(file, clock, Migrations.STORE);
    }

    static TerrainStore open(Path file, Clock clock, Migrations migrations) {
        // Before anything touches the file: a damaged one is refused as it is, never written over.
        StoreDiagnosis.check(file, migrations.latestVersion());
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                OwnerOnlyFiles.createFolders(parent);
            }
            OwnerOnlyFiles.restrictStore(file);
            return new TerrainStore(file, clock, migrations);
        } catch (SQLException | java.io.IOException e) {
            Optional<StoreException> french = sqliteFailure(e, file);
            if (french.isPresent()) {
                throw french.get();
            }
            throw new StoreException("Impossible d’ouvrir le fichier de données "
                    + "" + file + "\u00a0: " + e.getMessage(), e);
        }
    }

    /**
     * Loads SQLite's native library, as opening a store would: for a caller that must say why nothing opens before it
     * opens anything (the application's first screen).
     *
     * @throws SqliteUnavailableException saying what happened and what to do
     */
    public static void requireSqlite() {
        SqliteLibrary.requireLoaded();
    }

    /**
     * Refuses, in French, a data file that is damaged, not a store or of a newer schema, without writing to it (a
     * missing or empty file passes: opening makes a new store).
     *
     * @throws DamagedStoreException saying what happened and what to do
     */
    public static void checkOpenable(Path file) {
        StoreDiagnosis.check(file, Migrations.STORE.latestVersion());
    }

    /**
     * The schema version of the store at {@code file}, read without opening it for writing nor migrating it; empty
     * when there is no file or it is not a store of this application (another SQLite database, any other file).
     */
    public static OptionalInt schemaVersionOf(Path file) {
        if (!Files.isRegularFile(file)) {
            return OptionalInt.empty();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = SqliteLibrary.connect(config, file)) {
            int version = Migrations.currentVersion(connection);
            boolean hasMeta = jdbcMeta(connection, META_DEVICE_ID).isPresent();
            return version > 0 && hasMeta ? OptionalInt.of(version) : OptionalInt.empty();
        } catch (SQLException e) {
            return OptionalInt.empty();
        }
    }

    public Path file() {
        return file;
    }

    public Clock clock() {
        return clock;
    }

    /** This laptop's identity in sync, made once when the store is created. */
    public String deviceId() {
        return deviceId;
    }

    /** Whether the store has a data key (ADR 0005): then its personal fields are encrypted. */
    public boolean isEncrypted() {
        return key.encrypted();
    }

    /** Whether the data key is in memory (a person signed in since the store was opened). */
    public boolean isUnlocked() {
        return key.unlocked();
    }

    /** Forgets the data key: encrypted fields are refused until the next sign-in. */
    public void lock() {
        key.lock();
    }

    void unlock(fr.convergence.terrain.core.security.DataKey dataKey) {
        key.unlock(dataKey);
    }

    StoreKey key() {
        return key;
    }

    /**
     * A locked store or an unreadable encrypted field is reported as its own French {@link StoreException}, not as
     * jOOQ's wrapper around it (which names SQL and JDBC indexes).
     */
    private RuntimeException storeFailure(org.jooq.exception.DataAccessException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreException store) {
                return store;
            }
        }
        return sqliteFailure(e, file).map(RuntimeException.class::cast).orElse(e);
    }

    /**
     * SQLite's refusals a person can act on, in French: a full disk, a file or folder that cannot be written, a
     * damaged file. SQLite rolls the transaction back in each case, so the store is as it was before the write.
     */
    static Optional<StoreException> sqliteFailure(Throwable error, Path file) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("[SQLITE_FULL")) {
                return Optional.of(new StoreException("Le disque est plein : la dernière modification n’a pas "
                        + "été enregistrée (les précédentes le sont). Libérez de la place sur le disque, puis "
                        + "recommencez.", error));
            }
            if (message.contains("[SQLITE_READONLY") || message.contains("[SQLITE_CANTOPEN")
                    || message.contains("[SQLITE_PERM") || message.contains("[SQLITE_IOERR")) {
                return Optional.of(new StoreException("Le fichier de données " + file + " ne peut pas être écrit "
                        + "(disque en lecture seule, droits du fichier ou de son dossier, clé USB retirée) : la "
                        + "dernière modification n’a pas été enregistrée. Vérifiez le disque et les droits, puis "
                        + "recommencez.", error));
            }
            if (message.contains("[SQLITE_NOTADB")) {
                return Optional.of(StoreDiagnosis.notAStore(file, error));
            }
            if (message.contains("[SQLITE_CORRUPT")) {
                return Optional.of(StoreDiagnosis.damaged(file, error));
            }
        }
        return Optional.empty();
    }

    private static boolean hasKeyWraps(Connection connection) throws SQLException {
        // Test schemas (and stores not yet migrated) may have no such table: then there is no key either.
        try (var statement = connection.createStatement();
             var table = statement.executeQuery(
                     "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_key_wrap'")) {
            if (!table.next()) {
                return false;
            }
        }
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT count(*) FROM store_key_wrap")) {
            return result.next() && result.getInt(1) > 0;
        }
    }

    public HybridLogicalClock hlc() {
        return hlc;
    }

    /**
     * A new id for a row this laptop creates (see {@link RowIds}); may be taken before the write that saves the
     * row, from any thread: every write that commits saves the highest id issued so far.
     */
    public String newRowId() {
        return rowIds.next();
    }

    /** Runs read-only work on a pooled connection of the calling (background) thread. */
    public <T> T read(Function<DSLContext, T> work) {
        ensureOpen();
        Connection connection = borrowReadConnection();
        try {
            return work.apply(context(connection, key));
        } catch (org.jooq.exception.DataAccessException e) {
            throw storeFailure(e);
        } finally {
            if (!readPool.offer(connection)) {
                closeQuietly(connection);
            }
        }
    }

    /**
     * Runs read-only plain JDBC work on a pooled connection of the calling (background) thread. For the reads made
     * before the sign-in screen (accounts, the laptop's worksite, the demo marker): they must not wait for jOOQ's
     * first-use initialisation (≈ 0.5–1 s in a fresh JVM), which {@link #prepareQueries} does while the person types.
     */
    <T> T readJdbc(JdbcWork<T> work) {
        ensureOpen();
        Connection connection = borrowReadConnection();
        try {
            return work.run(connection);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw sqliteFailure(e, file).orElseGet(() -> new StoreException("Lecture impossible du fichier de "
                    + "données\u00a0: " + e.getMessage(), e));
        } finally {
            if (!readPool.offer(connection)) {
                closeQuietly(connection);
            }
        }
    }

    /**
     * Runs read-only plain JDBC work in one read transaction (one snapshot of the file), on a pooled connection: for
     * work that must not wait for the query library's first use (≈ 0.2 s of a command-line call), such as the store's
     * figures ({@code terrain check}). Values come as SQLite holds them — ISO text dates, 0/1 flags, whole numbers —
     * and personal columns as stored: {@link #openStored} gives their clear value.
     */
    public <T> T readPlain(JdbcWork<T> work) {
        return readJdbc(connection -> {
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        });
    }

    /**
     * The clear value of {@code stored}, read by {@link #readPlain} from {@code table}.{@code column}: itself for a
     * column stored in clear, else opened with this store's key (refused, in French, while the store is locked).
     */
    public String openStored(String table, String column, String stored) {
        Optional<String> label = SealedColumns.label(table, column);
        // An empty field opens to itself, even while the store is locked, as SealedColumns.open does.
        return label.isEmpty() || stored == null ? stored : SealedColumns.open(key.forField(), label.get(), stored);
    }

    /**
     * Loads and initialises the query library (jOOQ, this store's generated schema) with one read, on the calling
     * background thread: started once the sign-in screen is shown, so that signing in does not pay for it.
     */
    public void prepareQueries() {
        read(sql -> sql.fetchCount(STORE_META));
    }

    /**
     * Runs {@code work} in one transaction on the writer thread, on behalf of {@code userId}, and waits for it.
     * Synced rows saved through the {@link StoreTransaction} get their version and outbox row in that same
     * transaction: both commit, or neither does.
     */
    public <T> T write(String userId, Function<StoreTransaction, T> work) {
        ensureOpen();
        if (Thread.currentThread() == writerThread) {
            throw new IllegalStateException("Nested store write: call the StoreTransaction you already have");
        }
        Future<T> result = writer.submit(() -> {
            long[] savedOnCommit = {savedRowId};
            Hlc[] savedOnCommitHlc = {savedHlc};
            T value = writeContext().transactionResult(configuration -> {
                StoreTransaction transaction = new StoreTransaction(DSL.using(configuration), hlc, userId, deviceId,
                        clock);
                T done = work.apply(transaction);
                if (transaction.issuedVersions()) {
                    putMeta(DSL.using(configuration), META_HLC, hlc.tick().encode());
                } else if (!hlc.last().equals(savedHlc)) {
                    // Versions observed from the hub (a sync): kept, so that after a restart with a clock running
                    // behind, this laptop's next edit is still stamped after everything it has seen (and a clock taken
                    // back to the hub's time stays there).
                    putMeta(DSL.using(configuration), META_HLC, hlc.last().encode());
                }
                savedOnCommitHlc[0] = hlc.last();
                long issued = rowIds.lastIssued();
                if (issued > savedRowId) {
                    putMeta(DSL.using(configuration), META_ROW_ID_LAST, Long.toString(issued));
                    savedOnCommit[0] = issued;
                }
                return done;
            });
            // Only once committed: after a rollback the next write saves the counter again.
            savedRowId = savedOnCommit[0];
            savedHlc = savedOnCommitHlc[0];
            return value;
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Écriture interrompue", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof org.jooq.exception.DataAccessException dataAccess) {
                throw storeFailure(dataAccess);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            Optional<StoreException> french = sqliteFailure(cause, file);
            if (french.isPresent()) {
                throw french.get();
            }
            throw new StoreException("Échec de l’écriture\u00a0: " + cause.getMessage(), cause);
        }
    }

    /** A store-wide setting; plain JDBC, as it is read on the way to the sign-in screen ({@link #readJdbc}). */
    public Optional<String> meta(String key) {
        return readJdbc(connection -> jdbcMeta(connection, key));
    }

    /** Sets a store-wide setting (e.g. the demo marker), outside of sync. */
    public void putMeta(String key, String value) {
        write("system", tx -> {
            putMeta(tx.sql(), key, value);
            return null;
        });
    }

    private DSLContext writeContext() {
        if (writeContext == null) {
            writeContext = context(writeConnection, key);
        }
        return writeContext;
    }

    private static void jdbcPutMeta(Connection connection, String key, String value) throws SQLException {
        try (var statement = connection.prepareStatement(
                "INSERT INTO store_meta (meta_key, meta_value) VALUES (?, ?) "
                        + "ON CONFLICT (meta_key) DO UPDATE SET meta_value = excluded.meta_value")) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.executeUpdate();
        }
    }

    private static Optional<String> jdbcMeta(Connection connection, String key) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT meta_value FROM store_meta WHERE meta_key = ?")) {
            statement.setString(1, key);
            try (var result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    static void putMeta(DSLContext sql, String key, String value) {
        sql.insertInto(STORE_META, STORE_META.META_KEY, STORE_META.META_VALUE).values(key, value)
                .onConflict(STORE_META.META_KEY).doUpdate().set(STORE_META.META_VALUE, value).execute();
    }

    /** Runs raw JDBC work on the writer thread, for bulk loads that bypass jOOQ (demo data). */
    <T> T writeJdbc(JdbcWork<T> work) {
        ensureOpen();
        Future<T> result = writer.submit(() -> work.run(writeConnection));
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Écriture interrompue", e);
        } catch (ExecutionException e) {
            throw sqliteFailure(e.getCause(), file).orElseGet(() -> new StoreException("Échec de l’écriture\u00a0: "
                    + e.getCause().getMessage(), e.getCause()));
        }
    }

    /**
     * Copies the store, as of its last commit, into {@code target} with SQLite's online backup (writes go on
     * meanwhile). {@code target} is made owner-only first: SQLite writes into the existing file and keeps its
     * permissions. Its personal fields stay sealed, as in the store (ADR 0005).
     */
    void backupTo(Path target) {
        ensureOpen();
        if (target.toString().indexOf('"') >= 0) {
            throw new IllegalArgumentException("A backup path may not hold a double quote: " + target);
        }
        Connection connection = borrowReadConnection();
        try {
            OwnerOnlyFiles.restrict(target);
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("backup to \"" + target.toAbsolutePath() + "\"");
            }
        } catch (SQLException | java.io.IOException e) {
            throw sqliteFailure(e, target).orElseGet(() -> new StoreException("La sauvegarde n’a pas pu être "
                    + "écrite dans " + target + "\u00a0: " + e.getMessage(), e));
        } finally {
            if (!readPool.offer(connection)) {
                closeQuietly(connection);
            }
        }
    }

    /** Work on a JDBC connection of this store ({@link #readPlain}). */
    @FunctionalInterface
    public interface JdbcWork<T> {
        T run(Connection connection) throws Exception;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.shutdown();
        try {
            writer.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection connection;
        while ((connection = readPool.poll()) != null) {
            closeQuietly(connection);
        }
        closeQuietly(writeConnection);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Store closed: " + file);
        }
    }

    private Connection borrowReadConnection() {
        Connection connection = readPool.poll();
        if (connection != null) {
            return connection;
        }
        try {
            readConnectionsOpened.incrementAndGet();
            return connect(file);
        } catch (SQLException e) {
            throw new StoreException("Lecture impossible du fichier de données\u00a0: " + e.getMessage(), e);
        }
    }

    static DSLContext context(Connection connection) {
        return DSL.using(connection, SQLDialect.SQLITE, new Settings().withExecuteLogging(false)
                .withRenderSchema(false));
    }

    /** A context whose encrypted columns use this store's key ({@link SealedColumns}). */
    private static DSLContext context(Connection connection, StoreKey key) {
        DSLContext context = context(connection);
        context.configuration().data(StoreKey.CONFIGURATION_KEY, key);
        return context;
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        // FULL: a committed week of hours survives a power cut, not only an application crash.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.setDateClass("TEXT");
        config.setDateStringFormat("yyyy-MM-dd");
        // Deleted or overwritten content is zeroed in the file, and temporary tables and sorts never reach the
        // disk: no clear copy of a field outlives its encryption (ADR 0005).
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return SqliteLibrary.connect(config, file);
    }

    /** Before migrating an existing store, keep a consistent copy of it next to it (VACUUM INTO). */
    private static Optional<Path> backupBeforeMigration(Connection connection, Path file, Migrations migrations)
            throws SQLException {
        int current = Migrations.currentVersion(connection);
        if (current == 0 || current >= migrations.latestVersion()) {
            return Optional.empty();
        }
        Path backup = file.resolveSibling(file.getFileName() + ".avant-schema-" + (current + 1) + ".bak");
        try {
            Files.deleteIfExists(backup);
        } catch (java.io.IOException e) {
            throw new StoreException("Impossible de remplacer l’ancienne copie de sauvegarde " + backup, e);
        }
        try {
            // Made empty and owner-only first: VACUUM INTO writes into an empty file and keeps its permissions.
            OwnerOnlyFiles.restrict(backup);
        } catch (java.io.IOException e) {
            throw new StoreException("Impossible de créer la copie de sauvegarde " + backup, e);
        }
        try (var statement = connection.prepareStatement("VACUUM INTO ?")) {
            statement.setString(1, backup.toAbsolutePath().toString());
            statement.execute();
        }
        return Optional.of(backup);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing a store connection failed", e);
        }
    }
}
