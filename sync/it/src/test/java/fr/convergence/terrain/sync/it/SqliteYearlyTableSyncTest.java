package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** The yearly table against the laptops, on the embedded SQLite hub store. */
class SqliteYearlyTableSyncTest extends YearlyTableSyncTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.sqlite(dir);
    }
}
