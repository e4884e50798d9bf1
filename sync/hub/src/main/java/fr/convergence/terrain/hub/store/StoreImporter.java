package fr.convergence.terrain.hub.store;

import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.generated.DefaultSchema;
import fr.convergence.terrain.hub.sync.Archives;
import fr.convergence.terrain.hub.sync.FieldMeta;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.hub.sync.SyncedTable;
import fr.convergence.terrain.hub.sync.SyncedTables;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Cursor;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Seeds a hub from a laptop store (an existing worksite's data, or demo data): its worksites and every synced
 * row, parents first, in transactions of a few thousand rows. Rows already on the hub are left as they are.
 */
public final class StoreImporter {

    private static final int CHUNK = 5_000;

    private StoreImporter() {
    }

    /** Told after each chunk: the table being read and how many of its rows were read so far. */
    @FunctionalInterface
    public interface Progress {
        void read(String table, long rowsRead);
    }

    /** Returns the number of rows imported per table. */
    public static Map<String, Integer> importStore(TerrainStore source, HubStore hub) {
        return importStore(source, hub, (table, rows) -> { });
    }

    /** Returns the number of rows imported per table, telling {@code progress} as it reads. */
    public static Map<String, Integer> importStore(TerrainStore source, HubStore hub, Progress progress) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        // The store's worksites, described: some are not in the shipped list (demo-only, opened later), and laptops
        // of their scope learn them from the hub.
        List<WorksiteInfo> worksites = source.read(sql -> sql.fetch(
                        "SELECT id, name, city, region, territory_id, runs_phc, runs_cvg FROM worksite")
                .map(r -> new WorksiteInfo(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, String.class), r.get(4, String.class), r.get(5, Boolean.class),
                        r.get(6, Boolean.class))));
        hub.write(tx -> {
            worksites.forEach(tx::putWorksite);
            return null;
        });
        // Whose file a row belongs to, kept only for the rows other rows refer to: memory grows with the people and
        // their notes and referrals, not with their hours.
        Set<String> parents = new HashSet<>();
        SyncedTables.all().forEach(t -> t.wire().references().forEach(r -> parents.add(r.parent())));
        Map<String, String> participantOf = new HashMap<>();
        hub.load(intoEmptyHub -> {
            for (SyncedTable synced : SyncedTables.all()) {
                // CONFLICTED_ROW: the hub's own records, a laptop's copies of them came from a hub.
                if (synced.scope() != SyncedTable.Scope.CONFLICTED_ROW) {
                    counts.put(synced.wire().name(), importTable(source, hub, synced, parents.contains(
                            synced.wire().name()), participantOf, progress, intoEmptyHub));
                }
            }
            return null;
        });
        // Files archived today leave the worksite laptops from their first sync (issue 14), not from tomorrow's.
        hub.write(tx -> Archives.review(tx, Archives.today(Clock.systemUTC()), System.currentTimeMillis()));
        return counts;
    }

    /**
     * One table's rows the hub does not have, read as a stream, a chunk at a time: the national demo times ten has 25
     * million hours rows. In the store's order, not by id: the hub numbers the rows in the order it receives them,
     * and a first sync's pages compress by neighbouring rows alike — a person's days (ColumnPageBoundTest: read by id,
     * a territory's first page held 17,000 rows instead of more than 20,000).
     */
    private static int importTable(TerrainStore source, HubStore hub, SyncedTable synced, boolean referenced,
                                   Map<String, String> participantOf, Progress progress, boolean intoEmptyHub) {
        SyncSchema.Table table = synced.wire();
        Table<?> local = DefaultSchema.DEFAULT_SCHEMA.getTable(table.name());
        return source.read(sql -> {
            int total = 0;
            long read = 0;
            try (Cursor<? extends Record> cursor = sql.selectFrom(local).fetchSize(CHUNK).fetchLazy()) {
                while (cursor.hasNext()) {
                    List<? extends Record> chunk = cursor.fetchNext(CHUNK);
                    total += hub.addRows(tx -> {
                        // Into an empty hub every row is new (a store holds each id of a table once).
                        Set<String> present = intoEmptyHub ? Set.of() : tx.existingIds(table.name(), chunk.stream()
                                .map(r -> r.get(SyncSchema.ID, String.class)).toList());
                        int added = 0;
                        for (Record record : chunk) {
                            HubRow row = toHubRow(synced, record, participantOf, referenced);
                            if (!present.contains(row.id())) {
                                tx.save(row);
                                added++;
                            }
                        }
                        return added;
                    });
                    read += chunk.size();
                    progress.read(table.name(), read);
                }
            }
            return total;
        });
    }

    private static HubRow toHubRow(SyncedTable synced, Record record, Map<String, String> participantOf,
                                   boolean referenced) {
        SyncSchema.Table table = synced.wire();
        String id = record.get(SyncSchema.ID, String.class);
        String version = record.get(SyncSchema.VERSION, String.class);
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, FieldMeta> meta = new LinkedHashMap<>();
        for (SyncSchema.Field field : table.fields()) {
            Field<?> column = record.field(field.name());
            Object value = column == null ? null : wire(field, record.get(column));
            data.put(field.name(), value);
            meta.put(field.name(), new FieldMeta(version, FieldMeta.PENDING, "import", null));
        }
        boolean deleted = Boolean.TRUE.equals(record.get(SyncSchema.DELETED, Boolean.class));
        data.put(SyncSchema.DELETED, deleted);
        meta.put(SyncSchema.DELETED, new FieldMeta(version, FieldMeta.PENDING, "import", null));
        String participant = synced.scope() == SyncedTable.Scope.OWN_WORKSITE ? id : null;
        for (SyncSchema.Field ref : table.references()) {
            if (participant == null) {
                participant = participantOf.get(ref.parent() + "/" + data.get(ref.name()));
            }
        }
        if (referenced) {
            participantOf.put(table.name() + "/" + id, participant);
        }
        return new HubRow(table.name(), id, (String) data.get(SyncSchema.WORKSITE_ID), participant, data, meta, version,
                record.get(SyncSchema.UPDATED_BY, String.class), FieldMeta.PENDING, FieldMeta.PENDING, 0,
                deleted ? System.currentTimeMillis() : null);
    }

    private static Object wire(SyncSchema.Field field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case DATE, TEXT -> value.toString();
            case INT -> ((Number) value).intValue();
            case LONG -> ((Number) value).longValue();
            case BOOL -> value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
        };
    }
}
