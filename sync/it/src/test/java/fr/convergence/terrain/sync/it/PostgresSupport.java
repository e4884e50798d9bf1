package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.hub.TestPostgres;

/**
 * PostgreSQL for tests, as the hub's own tests get it ({@link TestPostgres}): a fresh schema per test, skipped
 * without {@code TERRAIN_TEST_PG_URL} on a developer machine, failing when {@code CI=true}.
 */
final class PostgresSupport {

    private PostgresSupport() {
    }

    static String freshSchemaUrl() {
        return TestPostgres.freshSchema().url();
    }
}
