package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** {@link TokenAttackTest} on the Sqlite hub store. */
class SqliteTokenAttackTest extends TokenAttackTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.sqlite(dir);
    }
}
