package fr.convergence.terrain.sync.it;

/**
 * {@link RestoredHubTest} with PostgreSQL's point-in-time recovery (docs/hub-operations.md §5.4): the hub's cluster
 * archives its WAL and was base-backed-up when the hub's schema was made; the « backup » is a named point in the
 * WAL, taken while the hub runs, and the restore replays the archived WAL from the base backup up to that point —
 * later syncs lost, as after any restore, and sent again by the laptops.
 */
class PostgresPointInTimeRestoredHubTest extends RestoredHubTest {
    @Override
    SyncWorld world() throws Exception {
        return SyncWorld.postgresPointInTime(dir);
    }
}
