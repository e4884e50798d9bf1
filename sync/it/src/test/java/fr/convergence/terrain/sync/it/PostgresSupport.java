package fr.convergence.terrain.sync.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * PostgreSQL for tests: {@code TERRAIN_TEST_PG_URL} (e.g. {@code jdbc:postgresql://localhost/terrain_test},
 * credentials in {@code PGUSER}/{@code PGPASSWORD}). Each test gets a fresh schema. Without the variable the
 * PostgreSQL tests are skipped on a developer machine, but FAIL when {@code CI=true}: CI must never silently
 * skip them.
 */
final class PostgresSupport {

    private PostgresSupport() {
    }

    static String freshSchemaUrl() {
        String url = System.getenv("TERRAIN_TEST_PG_URL");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (url == null || url.isBlank()) {
            if (ci) {
                throw new AssertionError("CI=true but TERRAIN_TEST_PG_URL is not set: .ci/run must start PostgreSQL");
            }
            Assumptions.abort("TERRAIN_TEST_PG_URL not set: PostgreSQL tests skipped on this machine");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(url, System.getenv("PGUSER"),
                System.getenv("PGPASSWORD")); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (Exception e) {
            if (ci) {
                throw new AssertionError("PostgreSQL unreachable at " + url + " (CI=true): " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL unreachable at " + url + ": " + e.getMessage());
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
