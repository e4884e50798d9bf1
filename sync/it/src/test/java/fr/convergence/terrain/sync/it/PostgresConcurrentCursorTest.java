package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

class PostgresConcurrentCursorTest extends ConcurrentCursorTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.postgres(dir);
    }
}
