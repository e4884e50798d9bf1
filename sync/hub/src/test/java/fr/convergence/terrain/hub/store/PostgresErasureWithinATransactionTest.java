package fr.convergence.terrain.hub.store;

import fr.convergence.terrain.hub.TestPostgres;
import org.junit.jupiter.api.AfterEach;

/** {@link ErasureWithinATransactionTest} on a PostgreSQL hub: the summaries kept by the PL/pgSQL trigger. */
class PostgresErasureWithinATransactionTest extends ErasureWithinATransactionTest {

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
