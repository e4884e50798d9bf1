package fr.convergence.terrain.hub;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema of the test PostgreSQL for one test, as sync/it's tests get theirs: {@code TERRAIN_TEST_PG_URL}
 * (credentials in {@code PGUSER}/{@code PGPASSWORD}). Without it the test is skipped on a developer machine, but
 * fails when {@code CI=true}: CI never skips PostgreSQL in silence.
 */
public final class TestPostgres implements AutoCloseable {

    private final String baseUrl;
    private final String schema;

    private TestPostgres(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    public static TestPostgres freshSchema() {
        String url = System.getenv("TERRAIN_TEST_PG_URL");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (url == null || url.isBlank()) {
            if (ci) {
                throw new AssertionError("CI=true but TERRAIN_TEST_PG_URL is not set: .ci/run must start PostgreSQL");
            }
            Assumptions.abort("TERRAIN_TEST_PG_URL not set: PostgreSQL tests skipped on this machine");
        }
        TestPostgres postgres = new TestPostgres(url, "t_" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12));
        try {
            postgres.execute("CREATE SCHEMA " + postgres.schema);
        } catch (SQLException e) {
            if (ci) {
                throw new AssertionError("PostgreSQL unreachable at " + url + " (CI=true): " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL unreachable at " + url + ": " + e.getMessage());
        }
        return postgres;
    }

    /** The JDBC URL of the schema. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String user() {
        return System.getenv("PGUSER");
    }

    public static String password() {
        return System.getenv("PGPASSWORD");
    }

    /** Drops the schema. */
    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private void execute(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(baseUrl, user(), password())) {
            connection.createStatement().execute(statement);
        }
    }
}
