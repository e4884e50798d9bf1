package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.HoursKind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store of every released schema version (the fixtures of {@code fixtures/}, see its README) opens in this
 * version: migrated to the current schema, every row it held still there, unchanged, readable by the repositories,
 * SQLite's integrity and foreign keys sound, and the copy kept before the upgrade equal to the fixture.
 */
class SchemaFixturesUpgradeTest {

    @TempDir
    Path dir;

    static List<Integer> versions() {
        List<Integer> versions = new ArrayList<>();
        for (int v = 1; v <= Migrations.STORE.latestVersion(); v++) {
            versions.add(v);
        }
        return versions;
    }

    @Test
    void everyReleasedSchemaHasItsFixture() {
        for (int version : versions()) {
            assertThat(SchemaFixturesUpgradeTest.class.getResource(SchemaFixtureGenerator.FOLDER
                    + SchemaFixtureGenerator.fileName(version)))
                    .as("fixture of schema %d: run SchemaFixtureGenerator (fixtures/README.md)", version).isNotNull();
        }
    }

    @ParameterizedTest(name = "schema {0}")
    @MethodSource("versions")
    void aStoreOfThisSchemaIsMigratedWithEveryRowIntact(int version) throws Exception {
        Path file = dir.resolve("terrain.db");
        try (InputStream in = getClass().getResourceAsStream(SchemaFixtureGenerator.FOLDER
                + SchemaFixtureGenerator.fileName(version))) {
            Files.copy(in, file);
        }
        Map<String, List<Map<String, Object>>> before = rows(file);
        assertThat(userVersion(file)).isEqualTo(version);

        try (TerrainStore store = TerrainStore.open(file)) {
            assertThat(new ParticipantRepository(store).find("p-nadia")).get()
                    .satisfies(p -> assertThat(p.address()).isEqualTo("12 rue des Lilas, 59000 Lille"));
            assertThat(new HoursRepository(store).ofParticipant("p-nadia", LocalDate.of(2024, 3, 18),
                    LocalDate.of(2024, 3, 24))).singleElement().satisfies(h -> {
                        assertThat(h.kind()).isEqualTo(HoursKind.TRAVAIL_CHANTIER);
                        assertThat(h.minutes()).isEqualTo(240);
                    });
            assertThat(new NoteRepository(store).ofParticipant("p-nadia")).singleElement()
                    .satisfies(n -> assertThat(n.currentText()).contains("« très motivée »"));
        }

        assertThat(userVersion(file)).isEqualTo(Migrations.STORE.latestVersion());
        Map<String, List<Map<String, Object>>> after = rows(file);
        for (var table : before.entrySet()) {
            if (table.getKey().equals("store_meta")) {
                // Opening adds what a store of that version lacked (row-id prefix), and changes none of its values.
                assertThat(after.get("store_meta")).as("store_meta").containsAll(table.getValue());
            } else {
                assertThat(after.get(table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
            }
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            try (ResultSet integrity = statement.executeQuery("PRAGMA integrity_check")) {
                assertThat(integrity.next() && "ok".equals(integrity.getString(1))).isTrue();
            }
            try (ResultSet orphans = statement.executeQuery("PRAGMA foreign_key_check")) {
                assertThat(orphans.next()).as("rows whose parent is missing").isFalse();
            }
        }
        if (version < Migrations.STORE.latestVersion()) {
            Path kept = dir.resolve("terrain.db.avant-schema-" + (version + 1) + ".bak");
            assertThat(rows(kept)).isEqualTo(before);
        }
    }

    private static int userVersion(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            return result.getInt(1);
        }
    }

    /** Every row of every table, by table, in primary-key order. */
    private static Map<String, List<Map<String, Object>>> rows(Path file) throws SQLException {
        Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            for (String name : names) {
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + name + " ORDER BY 1")) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int c = 1; c <= columns; c++) {
                            row.put(result.getMetaData().getColumnName(c), result.getObject(c));
                        }
                        rows.add(row);
                    }
                }
                tables.put(name, rows);
            }
        }
        return tables;
    }
}
