package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** The yearly table against the laptops, on PostgreSQL (TERRAIN_TEST_PG_URL; mandatory when CI=true). */
class PostgresYearlyTableSyncTest extends YearlyTableSyncTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.postgres(dir);
    }
}
