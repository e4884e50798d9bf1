package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** The hub killed during pushes, on its embedded SQLite store. */
class SqliteHubKillTest extends HubKillTest {
    @Override
    String jdbcUrl(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("hub.db");
    }
}
