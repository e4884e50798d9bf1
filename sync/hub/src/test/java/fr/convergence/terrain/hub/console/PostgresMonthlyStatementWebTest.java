package fr.convergence.terrain.hub.console;

import fr.convergence.terrain.hub.TestPostgres;
import fr.convergence.terrain.hub.store.JooqHubStore;
import org.junit.jupiter.api.AfterEach;

/** {@link MonthlyStatementWebTest} on a PostgreSQL hub (TERRAIN_TEST_PG_URL; mandatory when CI=true). */
class PostgresMonthlyStatementWebTest extends MonthlyStatementWebTest {

    private TestPostgres postgres;

    @Override
    JooqHubStore openStore() {
        postgres = TestPostgres.freshSchema();
        return JooqHubStore.open(postgres.url(), TestPostgres.user(), TestPostgres.password());
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }
}
