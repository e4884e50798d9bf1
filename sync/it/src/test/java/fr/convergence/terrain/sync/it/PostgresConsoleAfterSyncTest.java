package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** {@link ConsoleAfterSyncTest} on PostgreSQL (TERRAIN_TEST_PG_URL; mandatory when CI=true). */
class PostgresConsoleAfterSyncTest extends ConsoleAfterSyncTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.postgres(dir);
    }
}
