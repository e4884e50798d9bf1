package fr.convergence.terrain.hub.store;

import fr.convergence.terrain.hub.TestPostgres;
import org.junit.jupiter.api.AfterEach;

/** {@link EachDataTest} on a PostgreSQL hub: the fields read with {@code ->>}, a JSON true read as {@code true}. */
class PostgresEachDataTest extends EachDataTest {

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
