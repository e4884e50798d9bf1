package fr.convergence.terrain.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes the fixture stores of {@code src/test/resources/…/store/fixtures/}: for each released schema version N, a
 * store made by applying the migration scripts 1 to N, as the application of that version did, then the rows of
 * {@code rows/V001.sql} to {@code rows/V00N.sql} (representative rows of the tables each version added). See the
 * folder's README for the command; run it once when a migration is added, and never regenerate an older fixture
 * with a newer script (they stand for stores already on laptops).
 */
public final class SchemaFixtureGenerator {

    static final String FOLDER = "/fr/convergence/terrain/core/store/fixtures/";

    private SchemaFixtureGenerator() {
    }

    /** @param args the fixtures folder, and optionally the one version to make (default: every version) */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int latest = Migrations.STORE.latestVersion();
        int from = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int to = args.length > 1 ? from : latest;
        for (int version = from; version <= to; version++) {
            Path file = folder.resolve(fileName(version));
            Files.deleteIfExists(file);
            make(file, version);
            System.out.println(file + " " + Files.size(file) + " bytes");
        }
    }

    static String fileName(int version) {
        return "store-schema-" + version + ".db";
    }

    static void make(Path file, int version) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement statement = connection.createStatement()) {
                // Small pages keep the checked-in files small; the schema and rows are what matters.
                statement.execute("PRAGMA page_size = 1024");
                statement.execute("PRAGMA journal_mode = DELETE");
            }
            Migrations.STORE.upTo(version).migrate(connection);
            try (Statement statement = connection.createStatement()) {
                for (int rows = 1; rows <= version; rows++) {
                    for (String sql : Migrations.statements(rows(rows))) {
                        statement.execute(sql);
                    }
                }
            }
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("VACUUM");
        }
    }

    private static String rows(int version) throws IOException {
        String name = FOLDER + "rows/V" + String.format("%03d", version) + ".sql";
        try (InputStream in = SchemaFixtureGenerator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name + ": write the rows of the new schema's tables");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
