package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

class SqliteConcurrentCursorTest extends ConcurrentCursorTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.sqlite(dir);
    }
}
