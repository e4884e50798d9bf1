package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** The cross-worksite attacks on the Postgres hub store (TERRAIN_TEST_PG_URL; mandatory when CI=true). */
class PostgresCrossWorksiteAttackTest extends CrossWorksiteAttackTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.postgres(dir);
    }
}
