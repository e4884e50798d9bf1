package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.hub.Hub;
import java.nio.file.Path;

class PostgresConcurrentCursorTest extends ConcurrentCursorTest {
    @Override
    SyncWorld world(Path dir) {
        return SyncWorld.postgres(dir);
    }

    @Override
    Hub secondHub(SyncWorld world) {
        return world.secondHubProcess();
    }
}
