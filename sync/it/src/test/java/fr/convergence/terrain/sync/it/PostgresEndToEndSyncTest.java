package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** The same end-to-end scenarios on PostgreSQL (TERRAIN_TEST_PG_URL; mandatory when CI=true). */
class PostgresEndToEndSyncTest extends EndToEndSyncTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.postgres(dir);
    }
}
