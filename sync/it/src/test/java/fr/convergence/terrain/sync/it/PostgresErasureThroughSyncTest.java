package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** Erasure through sync on PostgreSQL (TERRAIN_TEST_PG_URL; mandatory when CI=true). */
class PostgresErasureThroughSyncTest extends ErasureThroughSyncTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.postgres(dir);
    }
}
