package fr.convergence.terrain.hub.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link HubSchemaTest} on a SQLite hub. */
class SqliteHubSchemaTest extends HubSchemaTest {

    @TempDir
    Path dir;

    @Override
    String hubUrl() {
        return "jdbc:sqlite:" + dir.resolve("hub.db").toAbsolutePath();
    }
}
