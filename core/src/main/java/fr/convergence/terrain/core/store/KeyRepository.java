package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.security.DataKey;
import fr.convergence.terrain.core.security.KeyWrapping.Wrap;
import fr.convergence.terrain.core.security.KeyWrapping;
import fr.convergence.terrain.core.security.RecoveryKey;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static fr.convergence.terrain.core.store.generated.Tables.STORE_KEY_WRAP;

/**
 * The wraps of the store's data key (ADR 0005): one per local account, by a key derived from its password, and one
 * by the recovery key. Unlocking puts the data key in the open {@link TerrainStore}; nothing here keeps a password.
 */
public final class KeyRepository {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRepository.class);
    static final String RECOVERY = "recovery";
    private static final String KIND_PASSWORD = "password";
    private static final String KIND_RECOVERY = "recovery";
    /** The sync client's state key of the hub token (SyncRepository.TOKEN), sealed with {@link SealedColumns#HUB_TOKEN}. */
    static final String TOKEN_STATE_KEY = "token";

    private final TerrainStore store;

    public KeyRepository(TerrainStore store) {
        this.store = store;
    }

    public boolean hasWrap(String userId) {
        return wrap(userId).isPresent();
    }

    /** Unlocks the store if {@code password} opens the wrap of {@code userId}; the GCM tag is the password check. */
    public boolean unlockWithPassword(String userId, char[] password) {
        Optional<DataKey> key = wrap(userId).flatMap(w -> KeyWrapping.unwrapWithPassword(w, password));
        key.ifPresent(store::unlock);
        return key.isPresent();
    }

    public boolean unlockWithRecoveryKey(RecoveryKey recovery) {
        Optional<DataKey> key = wrap(RECOVERY).flatMap(w -> KeyWrapping.unwrapWithRecoveryKey(w, recovery));
        key.ifPresent(store::unlock);
        return key.isPresent();
    }

    /** The data key in memory wrapped for a new password (slow: call it outside a write). Needs the store unlocked. */
    public Wrap wrapForPassword(char[] password, int iterations) {
        return KeyWrapping.wrapWithPassword(store.key().key(), password, iterations);
    }

    /** Saves (or replaces) the wrap of {@code userId}: a new password re-wraps the key, no data is re-encrypted. */
    public void saveWrap(StoreTransaction tx, String userId, Wrap wrap) {
        save(tx.sql(), userId, KIND_PASSWORD, wrap, tx.clock().millis());
    }

    /** A new recovery key replacing the previous one (which stops working). Needs the store unlocked. */
    public RecoveryKey renewRecoveryKey(String actingUserId) {
        RecoveryKey recovery = RecoveryKey.generate();
        Wrap wrap = KeyWrapping.wrapWithRecoveryKey(store.key().key(), recovery);
        store.write(actingUserId, tx -> {
            save(tx.sql(), RECOVERY, KIND_RECOVERY, wrap, tx.clock().millis());
            return null;
        });
        return recovery;
    }

    /**
     * Gives a store without a key its key, for a store being installed or an older store opened by an account:
     * a random data key, wrapped by the recovery key (returned, to be shown once) and by {@code password} for
     * {@code userId} when given; every encrypted column still clear is encrypted in place in one transaction; then
     * the clear copies are erased (VACUUM, WAL truncated, upgrade backups deleted). Leaves the store unlocked.
     */
    public RecoveryKey encryptStore(String userId, char[] password, int iterations) {
        if (store.isEncrypted()) {
            throw new IllegalStateException("The store already has its key");
        }
        DataKey key = DataKey.generate();
        RecoveryKey recovery = RecoveryKey.generate();
        Wrap recoveryWrap = KeyWrapping.wrapWithRecoveryKey(key, recovery);
        Wrap userWrap = userId == null ? null : KeyWrapping.wrapWithPassword(key, password, iterations);
        long now = store.clock().millis();
        int encrypted = store.writeJdbc(connection -> {
            boolean wasAutoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int count = encryptInPlace(connection, key);
                insertWrap(connection, RECOVERY, KIND_RECOVERY, recoveryWrap, now);
                if (userWrap != null) {
                    insertWrap(connection, userId, KIND_PASSWORD, userWrap, now);
                }
                connection.commit();
                // On the writer thread, before any other write can run: from now on every field is sealed.
                store.unlock(key);
                return count;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(wasAutoCommit);
            }
        });
        if (encrypted > 0) {
            LOG.info("Store {}: {} existing field(s) encrypted in place", store.file(), encrypted);
        }
        eraseClearCopies();
        return recovery;
    }

    private static int encryptInPlace(Connection connection, DataKey key) throws Exception {
        int count = 0;
        for (Map.Entry<String, List<String>> table : SealedColumns.COLUMNS.entrySet()) {
            for (String column : table.getValue()) {
                String label = SealedColumns.label(table.getKey(), column).orElseThrow();
                count += sealColumn(connection, key, table.getKey(), column, label, "");
            }
        }
        count += sealColumn(connection, key, "sync_state", "state_value", SealedColumns.HUB_TOKEN,
                " AND state_key = '" + TOKEN_STATE_KEY + "'");
        return count;
    }

    private static int sealColumn(Connection connection, DataKey key, String table, String column, String label,
                                  String condition) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT rowid, " + column + " FROM " + table + " WHERE " + column
                     + " IS NOT NULL AND " + column + " NOT LIKE '" + DataKey.PREFIX + "%'" + condition)) {
            while (result.next()) {
                rows.add(new Object[] {result.getLong(1), result.getString(2)});
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET " + column + " = ? WHERE rowid = ?")) {
            for (Object[] row : rows) {
                update.setString(1, key.seal((String) row[1], label));
                update.setLong(2, (Long) row[0]);
                update.addBatch();
            }
            update.executeBatch();
        }
        return rows.size();
    }

    /**
     * Makes the clear values just replaced unrecoverable from the folder: SQLite's secure_delete zeroes freed pages,
     * VACUUM rewrites the file, the WAL (which held the old pages) is checkpointed and truncated, and the copies
     * kept before schema upgrades, made while the store was clear, are deleted.
     */
    private void eraseClearCopies() {
        store.writeJdbc(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("VACUUM");
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
        Path file = store.file().toAbsolutePath();
        try (DirectoryStream<Path> backups = Files.newDirectoryStream(file.getParent(),
                file.getFileName() + ".avant-schema-*.bak")) {
            for (Path backup : backups) {
                Files.deleteIfExists(backup);
                LOG.info("Store {}: clear backup {} deleted after encryption", file, backup.getFileName());
            }
        } catch (IOException e) {
            throw new StoreException("Les copies de sauvegarde non chiffrées de " + file + " n’ont pas pu être "
                    + "supprimées\u00a0: supprimez les fichiers «\u00a0.avant-schema-*.bak\u00a0» à côté de lui.", e);
        }
    }

    private static void insertWrap(Connection connection, String wrapId, String kind, Wrap wrap, long now)
            throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO store_key_wrap (wrap_id, kind, "
                + "salt, iterations, wrapped_key, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, wrapId);
            insert.setString(2, kind);
            insert.setString(3, wrap.salt());
            insert.setInt(4, wrap.iterations());
            insert.setString(5, wrap.wrappedKey());
            insert.setLong(6, now);
            insert.executeUpdate();
        }
    }

    private static void save(org.jooq.DSLContext sql, String wrapId, String kind, Wrap wrap, long now) {
        sql.insertInto(STORE_KEY_WRAP).set(STORE_KEY_WRAP.WRAP_ID, wrapId).set(STORE_KEY_WRAP.KIND, kind)
                .set(STORE_KEY_WRAP.SALT, wrap.salt()).set(STORE_KEY_WRAP.ITERATIONS, wrap.iterations())
                .set(STORE_KEY_WRAP.WRAPPED_KEY, wrap.wrappedKey()).set(STORE_KEY_WRAP.CREATED_AT, now)
                .onConflict(STORE_KEY_WRAP.WRAP_ID).doUpdate()
                .set(STORE_KEY_WRAP.SALT, wrap.salt()).set(STORE_KEY_WRAP.ITERATIONS, wrap.iterations())
                .set(STORE_KEY_WRAP.WRAPPED_KEY, wrap.wrappedKey()).set(STORE_KEY_WRAP.CREATED_AT, now).execute();
    }

    private Optional<Wrap> wrap(String wrapId) {
        return store.read(sql -> sql.selectFrom(STORE_KEY_WRAP).where(STORE_KEY_WRAP.WRAP_ID.eq(wrapId))
                .fetchOptional(r -> new Wrap(r.getSalt(), r.getIterations(), r.getWrappedKey())));
    }
}
