package fr.convergence.terrain.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void theIndexListsEveryMigrationScriptInOrder() throws IOException {
        Path folder = Path.of("src/main/resources/fr/convergence/terrain/core/store/migrations");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted())
                    .containsExactlyElementsOf(Migrations.STORE.scripts());
        }
        assertThat(Migrations.STORE.scripts()).allMatch(n -> n.matches("V\\d{3}__[a-z0-9_]+\\.sql"));
    }

    @Test
    void reopeningAStoreAppliesNothingAgain() throws Exception {
        Path file = dir.resolve("t.db");
        TerrainStore.open(file).close();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(Migrations.currentVersion(connection)).isEqualTo(Migrations.STORE.latestVersion());
            assertThat(Migrations.STORE.migrate(connection)).isZero();
        }
    }

    @Test
    void aStoreFromANewerVersionIsRefusedWithAClearMessage() throws Exception {
        Path file = dir.resolve("t.db");
        TerrainStore.open(file).close();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 999");
        }
        assertThatThrownBy(() -> TerrainStore.open(file)).hasMessageContaining("version plus récente");
    }

    @Test
    void anOlderStoreIsBackedUpBeforeItIsMigrated() throws Exception {
        Path file = dir.resolve("t.db");
        TerrainStore.open(file, java.time.Clock.systemUTC(), new Migrations("testmigrations/v1/")).close();
        try (TerrainStore upgraded = TerrainStore.open(file, java.time.Clock.systemUTC(),
                new Migrations("testmigrations/v2/"))) {
            int rows = upgraded.read(sql -> sql.fetchCount(org.jooq.impl.DSL.table("added_in_v2")));
            assertThat(rows).isZero();
        }
        Path backup = dir.resolve("t.db.avant-schema-2.bak");
        assertThat(backup).exists();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + backup)) {
            assertThat(Migrations.currentVersion(connection)).isEqualTo(1);
        }
    }

    @Test
    void scriptsAreSplitIntoStatementsWithoutComments() {
        assertThat(Migrations.statements("-- a comment; with a semicolon\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)");
    }
}
