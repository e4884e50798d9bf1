package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.sync.client.HttpHubClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A running hub (SQLite) and a bare HTTP client, for tests that speak the protocol without a laptop store. */
abstract class ProtocolLevelTest {

    @TempDir
    Path dir;
    SyncWorld world;
    HttpHubClient client;

    @BeforeEach
    void startHub() {
        world = SyncWorld.sqlite(dir);
        client = new HttpHubClient(world.url(), null, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopHub() {
        if (world != null) {
            world.close(); // null when the PostgreSQL half was skipped outside CI
        }
    }
}
