package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** The cross-worksite attacks on the Sqlite hub store. */
class SqliteCrossWorksiteAttackTest extends CrossWorksiteAttackTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.sqlite(dir);
    }
}
