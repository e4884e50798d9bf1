package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** {@link HostileBodyTest} on the Sqlite hub store. */
class SqliteHostileBodyTest extends HostileBodyTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.sqlite(dir);
    }
}
