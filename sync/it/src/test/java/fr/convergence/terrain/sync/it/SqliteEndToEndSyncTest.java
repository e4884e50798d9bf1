package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** The end-to-end scenarios on the embedded SQLite hub store. */
class SqliteEndToEndSyncTest extends EndToEndSyncTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.sqlite(dir);
    }
}
