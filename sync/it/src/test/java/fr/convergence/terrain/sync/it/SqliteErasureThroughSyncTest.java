package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** Erasure through sync on the embedded SQLite hub store. */
class SqliteErasureThroughSyncTest extends ErasureThroughSyncTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.sqlite(dir);
    }
}
