package fr.convergence.terrain.sync.it;

/**
 * {@link RestoredHubTest} on PostgreSQL (TERRAIN_TEST_PG_URL; mandatory when CI=true), backed up with the real
 * {@code pg_dump --format=custom} while the hub runs and put back with {@code pg_restore}, as docs/hub-operations.md
 * §5 tells an administrator: laptops send again what the restored hub lost.
 */
class PostgresRestoredHubTest extends RestoredHubTest {
    @Override
    SyncWorld world() throws Exception {
        return SyncWorld.postgres(dir);
    }
}
