package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** The audit journal through sync on the Sqlite hub store. */
class SqliteAuditJournalSyncTest extends AuditJournalSyncTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.sqlite(dir);
    }
}
