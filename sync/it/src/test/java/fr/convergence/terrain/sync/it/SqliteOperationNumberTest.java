package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** {@link OperationNumberTest} on the Sqlite hub store. */
class SqliteOperationNumberTest extends OperationNumberTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.sqlite(dir);
    }
}
