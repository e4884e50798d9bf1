package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.sync.client.HttpHubClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

/**
 * The same answers on PostgreSQL (TERRAIN_TEST_PG_URL; mandatory when CI=true), where a 5,000-character clock node
 * was a 500 ({@code varchar(120)}).
 */
class PostgresHubAnswersTest extends HubAnswersTest {
    @BeforeEach
    @Override
    void startHub() {
        world = SyncWorld.postgres(dir);
        client = new HttpHubClient(world.url(), null, Duration.ofSeconds(30));
    }
}
