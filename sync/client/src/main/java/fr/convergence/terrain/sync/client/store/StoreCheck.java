package fr.convergence.terrain.sync.client.store;

import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.TableChecksum;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of a laptop's store in figures only, for support and the black-box scenarios: schema version, SQLite's
 * integrity check, per synced table a row count and a {@link TableChecksum} that the hub computes alike for the
 * laptop's scope, and what waits to be synced. Reads no personal field into anything it returns.
 *
 * <p>Read with plain JDBC in one read transaction ({@link TerrainStore#readPlain}), values as SQLite holds them, which
 * {@link TableChecksum} takes as it takes jOOQ's typed values: {@code terrain check} on a small store then never
 * waits for the query library's first use (≈ 0.2 s of its 0.5 s target).
 */
public final class StoreCheck {

    /**
     * @param integrity       {@code ok}, or SQLite's findings joined by "; "
     * @param pendingChanges  changes not yet acknowledged by the hub (outbox and numbered queue)
     * @param lastSyncMillis  the last complete sync, if any
     * @param scope           the enrolled scope as {@code worksite:ID} or {@code territory:ID}, if enrolled
     */
    public record Report(int schemaVersion, String integrity, List<TableChecksum.Result> tables, int pendingChanges,
                         Optional<Long> lastSyncMillis, Optional<String> scope) {
    }

    private StoreCheck() {
    }

    public static Report of(TerrainStore store, int schemaVersion) {
        return store.readPlain(connection -> {
            List<String> findings = new ArrayList<>();
            try (PreparedStatement check = connection.prepareStatement("PRAGMA integrity_check");
                 ResultSet result = check.executeQuery()) {
                while (result.next()) {
                    findings.add(result.getString(1));
                }
            }
            List<TableChecksum.Result> tables = new ArrayList<>();
            for (SyncSchema.Table table : SyncSchema.tables()) {
                tables.add(checksum(store, connection, table));
            }
            // As SyncRepository.pendingCount: the journal's own lines are not changes a person waits for.
            int pending = count(connection, "sync_pending") + count(connection, "outbox");
            return new Report(schemaVersion, String.join("; ", findings), tables, pending,
                    state(connection, SyncRepository.LAST_SYNC).map(Long::parseLong),
                    state(connection, SyncRepository.SCOPE));
        });
    }

    private static TableChecksum.Result checksum(TerrainStore store, Connection connection, SyncSchema.Table table)
            throws SQLException {
        TableChecksum checksum = TableChecksum.of(table);
        // The table's name comes from SyncSchema, never from input.
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table.name());
             ResultSet result = select.executeQuery()) {
            ResultSetMetaData columns = result.getMetaData();
            Map<String, Object> row = new HashMap<>();
            while (result.next()) {
                row.clear();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    String column = columns.getColumnName(i);
                    Object value = result.getObject(i);
                    row.put(column, value instanceof String stored
                            ? store.openStored(table.name(), column, stored) : value);
                }
                checksum.add((String) row.get(SyncSchema.ID), row::get);
            }
        }
        return checksum.result();
    }

    private static int count(Connection connection, String queue) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM " + queue + " WHERE table_name <> ?")) {
            count.setString(1, SyncSchema.AUDIT_TABLE);
            try (ResultSet result = count.executeQuery()) {
                return result.next() ? result.getInt(1) : 0;
            }
        }
    }

    private static Optional<String> state(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state_value FROM sync_state WHERE state_key = ?")) {
            select.setString(1, key);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.ofNullable(result.getString(1)) : Optional.empty();
            }
        }
    }
}
