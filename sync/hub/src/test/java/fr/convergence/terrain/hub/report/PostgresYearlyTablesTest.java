package fr.convergence.terrain.hub.report;

import fr.convergence.terrain.hub.TestPostgres;
import fr.convergence.terrain.hub.store.JooqHubStore;
import org.junit.jupiter.api.AfterEach;

/** {@link YearlyTablesTest} on a PostgreSQL hub: the hours summed by its trigger (hub_hours_month). */
class PostgresYearlyTablesTest extends YearlyTablesTest {

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
