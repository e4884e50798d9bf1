package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** {@link TokenAttackTest} on the Postgres hub store (TERRAIN_TEST_PG_URL; mandatory when CI=true). */
class PostgresTokenAttackTest extends TokenAttackTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.postgres(dir);
    }
}
