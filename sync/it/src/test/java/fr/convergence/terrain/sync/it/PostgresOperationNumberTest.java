package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** {@link OperationNumberTest} on the Postgres hub store (TERRAIN_TEST_PG_URL; mandatory when CI=true). */
class PostgresOperationNumberTest extends OperationNumberTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.postgres(dir);
    }
}
