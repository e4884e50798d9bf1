package fr.convergence.terrain.sync.client.store;

import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.generated.DefaultSchema;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.TableChecksum;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The state of a laptop's store in figures only, for support and the black-box scenarios: schema version, SQLite's
 * integrity check, per synced table a row count and a {@link TableChecksum} that the hub computes alike for the
 * laptop's scope, and what waits to be synced. Reads no personal field into anything it returns.
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
        int pending = new SyncRepository(store).pendingCount();
        return store.read(sql -> {
            String integrity = String.join("; ", sql.fetch("PRAGMA integrity_check").getValues(0, String.class));
            List<TableChecksum.Result> tables = new ArrayList<>();
            for (SyncSchema.Table table : SyncSchema.tables()) {
                Table<?> local = DefaultSchema.DEFAULT_SCHEMA.getTable(table.name());
                TableChecksum checksum = TableChecksum.of(table);
                for (Record row : sql.selectFrom(local).fetch()) {
                    checksum.add(row.get(SyncSchema.ID, String.class), row::get);
                }
                tables.add(checksum.result());
            }
            return new Report(schemaVersion, integrity, tables, pending,
                    SyncRepository.state(sql, SyncRepository.LAST_SYNC).map(Long::parseLong),
                    SyncRepository.state(sql, SyncRepository.SCOPE));
        });
    }
}
