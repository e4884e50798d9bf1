package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.TableChecksum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub's rows of one device scope in figures: per synced table the row count and the {@link TableChecksum} a
 * laptop of that scope computes over its own store ({@code terrain check}), so the two can be compared without
 * reading any row. The scope's worksites are resolved as the hub resolves them for a sync, and a worksite scope
 * leaves out the archived files, as its laptops do ({@link Audience}).
 */
public final class ScopeCheck {

    private ScopeCheck() {
    }

    /** Per table, in {@link SyncSchema} order, on one snapshot. */
    public static List<TableChecksum.Result> of(HubStore store, String scopeKind, String scopeId) {
        return store.read(reader -> {
            Map<String, TableChecksum> tables = new LinkedHashMap<>();
            SyncSchema.tables().forEach(t -> tables.put(t.name(), TableChecksum.of(t)));
            for (HubRow row : reader.rowsAfter(reader.worksitesOf(scopeKind, scopeId), 0, Integer.MAX_VALUE, false,
                    Audience.of(scopeKind))) {
                TableChecksum table = tables.get(row.table());
                if (table != null) {
                    table.add(row.id(), row.data());
                }
            }
            List<TableChecksum.Result> results = new ArrayList<>();
            tables.values().forEach(t -> results.add(t.result()));
            return results;
        });
    }
}
