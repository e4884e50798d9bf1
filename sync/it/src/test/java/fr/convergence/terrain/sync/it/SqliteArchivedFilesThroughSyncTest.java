package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** Archived files through sync on the embedded SQLite hub store. */
class SqliteArchivedFilesThroughSyncTest extends ArchivedFilesThroughSyncTest {
    @Override
    String jdbcUrl(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("hub.db");
    }
}
