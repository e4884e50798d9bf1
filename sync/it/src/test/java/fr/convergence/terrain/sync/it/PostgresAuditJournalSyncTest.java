package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** The audit journal through sync on the Postgres hub store (TERRAIN_TEST_PG_URL; mandatory when CI=true). */
class PostgresAuditJournalSyncTest extends AuditJournalSyncTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.postgres(dir);
    }
}
