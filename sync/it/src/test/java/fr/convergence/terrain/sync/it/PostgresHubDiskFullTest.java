package fr.convergence.terrain.sync.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The hub's full disk on PostgreSQL (TERRAIN_TEST_PG_URL; mandatory when CI=true): a trigger raises PostgreSQL's
 * own disk-full error ({@code 53100}, « could not extend file ») once the hub's transaction has written forty rows of
 * hours — in the middle of the laptop's batch —; dropping it is the room coming back, with no restart.
 */
class PostgresHubDiskFullTest extends HubDiskFullTest {

    @Override
    String jdbcUrl(Path dir) {
        return PostgresSupport.freshSchemaUrl();
    }

    @Override
    void fillTheDisk(SyncWorld world) throws Exception {
        long hoursBefore;
        try (Connection connection = connect(world); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(
                     "SELECT count(*) FROM hub_row WHERE table_name = 'hours_entry'")) {
            count.next();
            hoursBefore = count.getLong(1);
        }
        execute(world, """
                CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF (SELECT count(*) FROM hub_row WHERE table_name = 'hours_entry') > %d THEN
                    RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100';
                  END IF;
                  RETURN NEW;
                END $$""".formatted(hoursBefore + 40));
        execute(world, "CREATE TRIGGER disk_full AFTER INSERT OR UPDATE ON hub_row FOR EACH ROW "
                + "EXECUTE FUNCTION disk_full()");
    }

    @Override
    void makeRoom(SyncWorld world) throws Exception {
        execute(world, "DROP TRIGGER disk_full ON hub_row");
    }

    private static void execute(SyncWorld world, String sql) throws Exception {
        try (Connection connection = connect(world); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(SyncWorld world) throws Exception {
        return DriverManager.getConnection(world.jdbcUrl, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
    }
}
