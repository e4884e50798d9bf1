package fr.convergence.terrain.sync.it;

import java.nio.file.Path;

/** The hub killed during pushes, on PostgreSQL (TERRAIN_TEST_PG_URL; mandatory when CI=true). */
class PostgresHubKillTest extends HubKillTest {
    @Override
    String jdbcUrl(Path dir) {
        return PostgresSupport.freshSchemaUrl();
    }
}
