package fr.convergence.terrain.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.hub.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link StoreImporterTest} into a PostgreSQL hub: the rows once each, a second import adding nothing (the ids it asks
 * about written in the statement), the row indexes built again at the end and the loaded tables analysed, so that
 * the first plans after an import are not made for empty tables; the row indexes built again at the next start
 * if an import dies without them.
 */
class PostgresStoreImporterTest extends StoreImporterTest {

    private TestPostgres postgres;

    /** A fresh schema at the first call, the same at the next (a hub started again). */
    @Override
    JooqHubStore openHub() {
        if (postgres == null) {
            postgres = TestPostgres.freshSchema();
        }
        return JooqHubStore.open(postgres.url(), TestPostgres.user(), TestPostgres.password());
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    List<String> rowIndexes() {
        return strings("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'hub_row'"
                + " AND indexname <> 'hub_row_pk'");
    }

    @Override
    void assertLoadedTablesAnalysed() {
        assertThat(strings("SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() AND "
                + "coalesce(last_analyze, last_autoanalyze) IS NOT NULL")).contains("hub_row", "hub_hours_month",
                "hub_hours_person_month");
    }

    @Override
    void executeOnHub(String statement) {
        try (Connection c = DriverManager.getConnection(postgres.url(), TestPostgres.user(), TestPostgres.password())) {
            c.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String query) {
        try (Connection c = DriverManager.getConnection(postgres.url(), TestPostgres.user(), TestPostgres.password());
             ResultSet r = c.createStatement().executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
