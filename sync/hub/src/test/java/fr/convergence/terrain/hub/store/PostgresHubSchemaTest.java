package fr.convergence.terrain.hub.store;

import fr.convergence.terrain.hub.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link HubSchemaTest} on a PostgreSQL hub (TERRAIN_TEST_PG_URL; mandatory when CI=true). */
class PostgresHubSchemaTest extends HubSchemaTest {

    private TestPostgres postgres;

    @BeforeEach
    void freshSchema() {
        postgres = TestPostgres.freshSchema();
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    String hubUrl() {
        return postgres.url();
    }
}
