package fr.convergence.terrain.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.hub.LaptopSchema;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hub's view of the synced tables against the laptop's store as its migrations make it (ADR 0003): the wire
 * catalogue ({@link SyncSchema}) lists every column with the laptop's type, NOT NULL and parent, and the hub declares
 * exactly the laptop's synced tables ({@link SyncedTables}).
 */
class LaptopSchemaTest {

    private static final Set<String> SYNC_COLUMNS =
            Set.of(SyncSchema.ID, SyncSchema.VERSION, SyncSchema.UPDATED_BY, SyncSchema.DELETED);

    private static final Map<String, List<LaptopSchema.Column>> LAPTOP = LaptopSchema.syncedTables();

    @Test
    void theHubDeclaresEverySyncedTableOfTheLaptopAndNoOther() {
        assertThat(LAPTOP).isNotEmpty();
        assertThat(SyncedTables.all()).extracting(SyncedTable::name)
                .containsExactlyInAnyOrderElementsOf(LAPTOP.keySet());
        assertThat(SyncSchema.tables()).extracting(SyncSchema.Table::name)
                .containsExactlyInAnyOrderElementsOf(LAPTOP.keySet());
        // Parents first, as pages are applied and stores imported.
        assertThat(SyncedTables.all()).extracting(SyncedTable::name)
                .containsExactlyElementsOf(SyncSchema.tables().stream().map(SyncSchema.Table::name).toList());
        assertThat(SyncedTables.all()).allSatisfy(t -> assertThat(t.wire()).isEqualTo(
                SyncSchema.table(t.name()).orElseThrow()));
    }

    @Test
    void theWireCatalogueHasEveryColumnOfTheLaptopWithItsTypeRequirementAndParent() {
        for (Map.Entry<String, List<LaptopSchema.Column>> table : LAPTOP.entrySet()) {
            SyncSchema.Table wire = SyncSchema.table(table.getKey()).orElseThrow();
            List<LaptopSchema.Column> columns = table.getValue().stream()
                    .filter(c -> !SYNC_COLUMNS.contains(c.name())).toList();
            assertThat(wire.fields()).as(wire.name()).extracting(SyncSchema.Field::name)
                    .containsExactlyInAnyOrderElementsOf(columns.stream().map(LaptopSchema.Column::name).toList());
            for (LaptopSchema.Column column : columns) {
                SyncSchema.Field field = wire.field(column.name()).orElseThrow();
                String where = wire.name() + "." + column.name() + " " + column.type();
                assertThat(field.type()).as(where).isEqualTo(wireType(column.type()));
                assertThat(field.required()).as(where + " NOT NULL").isEqualTo(column.notNull());
                String syncedParent = LAPTOP.containsKey(column.references()) ? column.references() : null;
                assertThat(field.parent()).as(where + " REFERENCES").isEqualTo(syncedParent);
            }
            assertThat(table.getValue()).extracting(LaptopSchema.Column::name).containsAll(SYNC_COLUMNS);
        }
    }

    @Test
    void everyParentIsDeclaredBeforeItsChildren() {
        List<String> seen = new ArrayList<>();
        for (SyncedTable table : SyncedTables.all()) {
            assertThat(table.references()).as(table.name()).allSatisfy(ref -> assertThat(seen).contains(ref.parent()));
            seen.add(table.name());
        }
    }

    @Test
    void onlyTheParticipantTableHasAWorksiteOfItsOwnAndOnlyTheHubRecordsConflicts() {
        Map<SyncedTable.Scope, Set<String>> byScope = SyncedTables.all().stream().collect(Collectors.groupingBy(
                SyncedTable::scope, Collectors.mapping(SyncedTable::name, Collectors.toSet())));
        assertThat(byScope.get(SyncedTable.Scope.OWN_WORKSITE)).containsExactly("participant");
        assertThat(byScope.get(SyncedTable.Scope.CONFLICTED_ROW)).containsExactly(SyncSchema.CONFLICT_TABLE);
        // The audit journal keeps the worksite it was written in, and references no row (it outlives them).
        assertThat(byScope.get(SyncedTable.Scope.JOURNAL)).containsExactly(SyncSchema.AUDIT_TABLE);
        assertThat(SyncedTables.of(SyncSchema.AUDIT_TABLE).orElseThrow().references()).isEmpty();
        // Erasure tombstones belong to no participant, so that deleting the person's rows leaves them.
        assertThat(byScope.get(SyncedTable.Scope.ERASED_PARTICIPANT)).containsExactly(SyncSchema.ERASURE_TABLE);
        // A row that takes its parents' worksite has parents.
        assertThat(SyncedTables.all()).filteredOn(t -> t.scope() == SyncedTable.Scope.PARENTS)
                .allSatisfy(t -> assertThat(t.references()).as(t.name()).isNotEmpty());
    }

    private static SyncSchema.Type wireType(String sqlType) {
        if (sqlType.startsWith("VARCHAR")) {
            return SyncSchema.Type.TEXT;
        }
        return switch (sqlType) {
            case "DATE" -> SyncSchema.Type.DATE;
            case "INT", "INTEGER" -> SyncSchema.Type.INT;
            case "BIGINT" -> SyncSchema.Type.LONG;
            case "BOOLEAN" -> SyncSchema.Type.BOOL;
            default -> throw new AssertionError("No wire type for the laptop's SQL type " + sqlType);
        };
    }
}
