package fr.convergence.terrain.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.sync.HubRow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code terrain-hub import}: every synced row of a laptop store, read a chunk at a time, each with its person. SQLite
 * here, PostgreSQL in the subclass.
 */
class StoreImporterTest {

    private static final PasswordHasher HASHER = new PasswordHasher(1000);
    private static final List<String> TABLES = List.of("participant", "enrolment", "phc_step", "hours_entry",
            "support_note", "support_note_revision", "referral", "referral_status_change", "follow_up");

    @TempDir
    Path dir;

    @Test
    void everyRowArrivesOnceWithItsPersonAndASecondImportAddsNothing() {
        try (TerrainStore source = TerrainStore.open(dir.resolve("demo.db"))) {
            new DemoDataGenerator(5, LocalDate.of(2026, 3, 18)).generate(source, DemoSize.SITE, 2, HASHER);
        }
        try (TerrainStore source = TerrainStore.open(dir.resolve("demo.db"));
             JooqHubStore hub = openHub()) {
            new AuthService(source, HASHER).signIn("admin", DemoDataGenerator.DEMO_PASSWORD.toCharArray())
                    .orElseThrow();
            Map<String, Long> expected = new LinkedHashMap<>();
            for (String table : TABLES) {
                expected.put(table, source.read(sql -> sql.fetchOne("SELECT count(*) FROM " + table)
                        .get(0, Long.class)));
            }
            // More hours than one chunk of the import, so the stream is read in several pieces.
            assertThat(expected.get("hours_entry")).isGreaterThan(5_000L);

            Map<String, Integer> imported = StoreImporter.importStore(source, hub);

            // Set aside during the load into an empty hub, built again at its end.
            assertThat(rowIndexes()).containsExactlyInAnyOrderElementsOf(HubSchema.ROW_INDEXES);

            Map<String, Long> onHub = hub.read(r -> r.rowCounts());
            for (String table : TABLES) {
                assertThat(imported.get(table).longValue()).as(table).isEqualTo(expected.get(table));
                assertThat(onHub.getOrDefault(table, 0L)).as(table).isEqualTo(expected.get(table));
            }
            // The person of a row two references away (a referral's status change, through its referral) and of
            // the many hours rows, whose parents are not kept in memory.
            List<Record> changes = source.read(sql -> sql.fetch("SELECT c.id, r.participant_id FROM "
                    + "referral_status_change c JOIN referral r ON r.id = c.referral_id"));
            List<Record> hours = source.read(sql -> sql.fetch("SELECT id, participant_id FROM hours_entry "
                    + "ORDER BY id LIMIT 200"));
            assertThat(changes).isNotEmpty();
            for (Record change : changes) {
                HubRow row = hub.read(r -> r.row("referral_status_change", change.get(0, String.class))).orElseThrow();
                assertThat(row.participantId()).isEqualTo(change.get(1, String.class));
            }
            for (Record cell : hours) {
                HubRow row = hub.read(r -> r.row("hours_entry", cell.get(0, String.class))).orElseThrow();
                assertThat(row.participantId()).isEqualTo(cell.get(1, String.class));
            }
            long rowsOnHub = hub.read(r -> r.rowCounts()).values().stream().mapToLong(Long::longValue).sum();

            Map<String, Integer> again = StoreImporter.importStore(source, hub);

            assertThat(again.values()).containsOnly(0);
            assertThat(rowIndexes()).containsExactlyInAnyOrderElementsOf(HubSchema.ROW_INDEXES);
            assertThat(hub.read(r -> r.rowCounts()).values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(rowsOnHub);
            assertLoadedTablesAnalysed();
        }
    }

    JooqHubStore openHub() {
        return JooqHubStore.sqlite(dir.resolve("hub.db"));
    }

    /** SQLite plans well without statistics; PostgreSQL's are checked in the subclass. */
    void assertLoadedTablesAnalysed() {
    }

    /** An import killed while the row indexes were set aside: the hub builds them at its next start. */
    @Test
    void aHubWhoseImportDiedWithoutItsRowIndexesHasThemAgainAtItsNextStart() {
        try (JooqHubStore hub = openHub()) {
            hub.read(r -> r.rowCounts());
        }
        for (String index : HubSchema.ROW_INDEXES) {
            executeOnHub("DROP INDEX " + index);
        }
        assertThat(rowIndexes()).isEmpty();
        try (JooqHubStore hub = openHub()) {
            assertThat(rowIndexes()).containsExactlyInAnyOrderElementsOf(HubSchema.ROW_INDEXES);
        }
    }

    /** A statement on the hub's database, outside the hub. */
    void executeOnHub(String statement) {
        try (java.sql.Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + dir.resolve("hub.db"),
                new java.util.Properties())) {
            c.createStatement().execute(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The indexes of hub_row besides its key, read from the file as it is on disk. */
    List<String> rowIndexes() {
        try (java.sql.Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + dir.resolve("hub.db"),
                new java.util.Properties());
             java.sql.ResultSet names = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE "
                     + "type = 'index' AND tbl_name = 'hub_row' AND name NOT LIKE 'sqlite_autoindex%'")) {
            List<String> found = new java.util.ArrayList<>();
            while (names.next()) {
                found.add(names.getString(1));
            }
            return found;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
