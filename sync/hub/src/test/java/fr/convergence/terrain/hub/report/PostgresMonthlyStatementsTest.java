package fr.convergence.terrain.hub.report;

import fr.convergence.terrain.hub.TestPostgres;
import fr.convergence.terrain.hub.store.JooqHubStore;
import org.junit.jupiter.api.AfterEach;

/** {@link MonthlyStatementsTest} on a PostgreSQL hub: each person’s hours summed with PostgreSQL’s JSON functions. */
class PostgresMonthlyStatementsTest extends MonthlyStatementsTest {

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
