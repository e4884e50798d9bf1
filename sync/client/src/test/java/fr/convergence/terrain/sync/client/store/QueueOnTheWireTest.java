package fr.convergence.terrain.sync.client.store;

import static fr.convergence.terrain.core.store.generated.Tables.SYNC_PENDING;
import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.generated.DefaultSchema;
import fr.convergence.terrain.sync.protocol.ColumnCodec;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue goes into a request as the outbox encoded it (issue 13: encoded once, not parsed and encoded again at each
 * sync), and the hub gets the very bytes it got before: the request is compared with the one made the former way, each
 * operation's fields parsed from the queue's JSON and encoded again, over every synced table and every wire type.
 */
class QueueOnTheWireTest {

    static final String WORKSITE = "abej-solidarite";
    /** Texts on which JSON encoders may differ: accents, characters outside the BMP, quotes, controls, separators. */
    static final List<String> TEXTS = List.of("Zoé N'Diaye-Lefèvre", "« guillemets » \"doubles\" \\ barre / oblique",
            "émoji 😀 et clef 𝄞 hors du plan de base", "ligne\r\nsuivante\ttab \u0001 \u001f \u007f \u0080 \u00a0",
            "séparateurs \u2028 \u2029, </script>&<>'=", "");

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theQueueGoesOnTheWireAsTheBytesTheHubGotWhenItsFieldsWereParsedAndEncodedAgain() {
        try (TerrainStore store = TerrainStore.open(dir.resolve("laptop.db"))) {
            new ReferenceRepository(store).install(ReferenceData.load());
            // Encrypted as an installed laptop is (ADR 0005): enrolment needs the data key.
            new fr.convergence.terrain.core.store.KeyRepository(store).encryptStore(null, null, 1000);
            Map<String, String> ids = new HashMap<>();
            // Every synced table: a creation (all fields), an edit (every field changed, the optional ones to null),
            // a tombstone.
            store.write("esp", tx -> {
                int n = 0;
                for (SyncSchema.Table table : SyncSchema.tables()) {
                    ids.put(table.name(), UUID.randomUUID().toString());
                    TableRecord row = (TableRecord) tx.sql().newRecord(local(table));
                    set(row, table, SyncSchema.ID, ids.get(table.name()));
                    for (SyncSchema.Field f : table.fields()) {
                        set(row, table, f.name(), value(f, n++, ids));
                    }
                    tx.save(row);
                }
                return null;
            });
            store.write("esp", tx -> {
                int n = 3;
                for (SyncSchema.Table table : SyncSchema.tables()) {
                    TableRecord row = (TableRecord) tx.sql().selectFrom(local(table))
                            .where(field(table, SyncSchema.ID).eq(ids.get(table.name()))).fetchOne();
                    for (SyncSchema.Field f : table.fields()) {
                        if (f.parent() == null && !f.name().equals(SyncSchema.WORKSITE_ID)) {
                            set(row, table, f.name(), f.required() ? edited(f, n++) : null);
                        }
                    }
                    tx.save(row);
                }
                return null;
            });
            store.write("esp", tx -> {
                SyncSchema.removalOrder().forEach(table -> tx.tombstone((Table) local(table), ids.get(table.name())));
                return null;
            });
            store.write("system", SyncRepository::numberOutbox);

            List<Operation> queue = new SyncRepository(store).nextBatch(Integer.MAX_VALUE);
            List<Operation> parsedAgain = store.read(sql -> sql.selectFrom(SYNC_PENDING)
                    .orderBy(SYNC_PENDING.OP_NUMBER).fetch(r -> new Operation(r.getOpNumber(), r.getTableName(),
                            r.getRowId(), r.getWorksiteId(), SyncRepository.fields(r.getFields()), r.getVersion(),
                            r.getBaseCursor())));

            assertThat(queue).hasSize(3 * SyncSchema.tables().size());
            assertThat(queue).anyMatch(op -> op.fields().containsValue(TEXTS.get(2)));
            byte[] sent = SyncCodec.encode(request(queue));
            byte[] before = SyncCodec.encode(request(parsedAgain));
            assertThat(new String(sent, StandardCharsets.UTF_8)).isEqualTo(new String(before, StandardCharsets.UTF_8));
            assertThat(sent).isEqualTo(before);
            assertThat(queue).isEqualTo(parsedAgain);
        }
    }

    private static SyncRequest request(List<Operation> operations) {
        return new SyncRequest(SyncCodec.PROTOCOL, "device", "hub", 12, 3, operations, false, 1 << 20, null,
                ColumnCodec.COLUMNS_3, 12L);
    }

    private static Object value(SyncSchema.Field f, int n, Map<String, String> ids) {
        if (f.parent() != null) {
            return ids.get(f.parent());
        }
        if (f.name().equals(SyncSchema.WORKSITE_ID)) {
            return WORKSITE;
        }
        return switch (f.type()) {
            case TEXT -> TEXTS.get(n % TEXTS.size());
            case DATE -> LocalDate.of(2026, 3, 18).plusDays(n);
            case INT -> 240 + n;
            case LONG -> 1_710_756_000_000L + n;
            case BOOL -> true;
        };
    }

    private static Object edited(SyncSchema.Field f, int n) {
        return switch (f.type()) {
            case TEXT -> TEXTS.get(n % TEXTS.size()) + " (modifié)";
            case DATE -> LocalDate.of(1970, 1, 1).minusDays(n);
            case INT -> Integer.MIN_VALUE + n;
            case LONG -> Long.MAX_VALUE - n;
            case BOOL -> false;
        };
    }

    private static void set(TableRecord<?> row, SyncSchema.Table table, String name, Object value) {
        Field<Object> field = field(table, name);
        row.set(field, field.getDataType().convert(value));
    }

    private static Table<?> local(SyncSchema.Table table) {
        return DefaultSchema.DEFAULT_SCHEMA.getTable(table.name());
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> field(SyncSchema.Table table, String name) {
        return (Field<Object>) local(table).field(name);
    }
}
