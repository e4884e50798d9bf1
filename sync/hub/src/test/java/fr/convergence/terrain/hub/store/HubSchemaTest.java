package fr.convergence.terrain.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.hub.LaptopSchema;
import fr.convergence.terrain.hub.TestPostgres;
import fr.convergence.terrain.hub.sync.FieldMeta;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hub's tables ({@link HubSchema}) against the laptop's synced tables, on the hub's database (ADR 0003): the
 * columns of {@code hub_row} and {@code hub_exit} that hold a synced row's own columns are as wide as the laptop's,
 * and a row of every synced table, each column as long or as large as the laptop declares it, comes back from the
 * hub's store as it went in.
 */
abstract class HubSchemaTest {

    private static final Map<String, List<LaptopSchema.Column>> LAPTOP = LaptopSchema.syncedTables();

    /** The JDBC URL of a new hub database. */
    abstract String hubUrl();

    @Test
    void theHubsRowAndExitColumnsAreAsWideAsTheLaptops() throws SQLException {
        String url = hubUrl();
        JooqHubStore.open(url, TestPostgres.user(), TestPostgres.password()).close();
        Map<String, Integer> row;
        Map<String, Integer> exit;
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password())) {
            row = widths(connection, "hub_row");
            exit = widths(connection, "hub_exit");
        }
        // The widths read are the ones the hub declares (not a driver's default).
        assertThat(row).containsEntry("row_id", HubSchema.ROW_ID.getDataType().length())
                .containsEntry("version", HubSchema.ROW_VERSION.getDataType().length());
        assertThat(exit).containsEntry("row_id", HubSchema.EXIT_ROW.getDataType().length());
        for (Map.Entry<String, List<LaptopSchema.Column>> table : LAPTOP.entrySet()) {
            Map<String, Integer> laptopWidth = new HashMap<>();
            table.getValue().forEach(c -> laptopWidth.put(c.name(), c.length()));
            String name = table.getKey();
            assertThat(row.get("table_name")).as(name).isGreaterThanOrEqualTo(name.length());
            assertThat(exit.get("table_name")).as(name).isGreaterThanOrEqualTo(name.length());
            assertThat(row.get("row_id")).as(name + ".id").isGreaterThanOrEqualTo(laptopWidth.get(SyncSchema.ID));
            assertThat(exit.get("row_id")).as(name + ".id").isGreaterThanOrEqualTo(laptopWidth.get(SyncSchema.ID));
            for (Map<String, Integer> hub : List.of(row, exit)) {
                assertThat(hub.get("worksite_id")).as(name + ".worksite_id")
                        .isGreaterThanOrEqualTo(laptopWidth.get(SyncSchema.WORKSITE_ID));
            }
            assertThat(row.get("version")).as(name + ".version")
                    .isGreaterThanOrEqualTo(laptopWidth.get(SyncSchema.VERSION));
            assertThat(row.get("updated_by")).as(name + ".updated_by")
                    .isGreaterThanOrEqualTo(laptopWidth.get(SyncSchema.UPDATED_BY));
        }
        int participantId = LAPTOP.get("participant").stream().filter(c -> c.name().equals(SyncSchema.ID))
                .findFirst().orElseThrow().length();
        assertThat(row.get("participant_id")).isGreaterThanOrEqualTo(participantId);
    }

    @Test
    void aRowOfEverySyncedTableAsLargeAsTheLaptopAllowsComesBackAsItWent() {
        String participant = text("p", 36);
        List<HubRow> written = new ArrayList<>();
        for (Map.Entry<String, List<LaptopSchema.Column>> table : LAPTOP.entrySet()) {
            Map<String, Object> values = new LinkedHashMap<>();
            table.getValue().forEach(c -> values.put(c.name(), largest(table.getKey(), c)));
            String id = (String) values.remove(SyncSchema.ID);
            String version = (String) values.remove(SyncSchema.VERSION);
            String updatedBy = (String) values.remove(SyncSchema.UPDATED_BY);
            values.put(SyncSchema.DELETED, false);
            Map<String, FieldMeta> meta = new LinkedHashMap<>();
            values.keySet().forEach(k -> meta.put(k, new FieldMeta(version, FieldMeta.PENDING, updatedBy, null)));
            written.add(new HubRow(table.getKey(), id, (String) values.get(SyncSchema.WORKSITE_ID), participant,
                    values, meta, version, updatedBy, FieldMeta.PENDING, FieldMeta.PENDING, 0, null));
        }
        try (JooqHubStore hub = JooqHubStore.open(hubUrl(), TestPostgres.user(), TestPostgres.password())) {
            hub.write(tx -> {
                written.forEach(tx::save);
                return null;
            });
            for (HubRow sent : written) {
                HubRow stored = hub.read(r -> r.row(sent.table(), sent.id())).orElseThrow();
                assertThat(stored.data()).as(sent.table()).isEqualTo(sent.data());
                assertThat(stored.worksiteId()).as(sent.table()).isEqualTo(sent.worksiteId());
                assertThat(stored.participantId()).as(sent.table()).isEqualTo(participant);
                assertThat(stored.version()).as(sent.table()).isEqualTo(sent.version());
                assertThat(stored.updatedBy()).as(sent.table()).isEqualTo(sent.updatedBy());
            }
        }
    }

    /** The largest value the laptop's column holds: text as long as declared (not only ASCII), the largest numbers. */
    private static Object largest(String table, LaptopSchema.Column column) {
        if (column.type().startsWith("VARCHAR")) {
            return text(table + "." + column.name() + " é", column.length());
        }
        return switch (column.type()) {
            case "DATE" -> "2024-02-29";
            case "INT", "INTEGER" -> Integer.MAX_VALUE;
            case "BIGINT" -> Long.MAX_VALUE;
            case "BOOLEAN" -> true;
            default -> throw new AssertionError("Unknown laptop type " + column.type() + " of " + column.name());
        };
    }

    private static String text(String start, int length) {
        StringBuilder text = new StringBuilder(start);
        while (text.length() < length) {
            text.append((char) ('a' + text.length() % 26));
        }
        return text.substring(0, length);
    }

    /** Each column's declared width (characters; large for unbounded text). */
    private static Map<String, Integer> widths(Connection connection, String table) throws SQLException {
        Map<String, Integer> widths = new HashMap<>();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet columns = connection.getMetaData().getColumns(connection.getCatalog(),
                    connection.getSchema(), name, null)) {
                while (columns.next()) {
                    widths.put(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), columns.getInt("COLUMN_SIZE"));
                }
            }
        }
        return widths;
    }
}
