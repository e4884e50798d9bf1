package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** {@link ConsoleAfterSyncTest} on the embedded SQLite hub store. */
class SqliteConsoleAfterSyncTest extends ConsoleAfterSyncTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.sqlite(dir);
    }
}
