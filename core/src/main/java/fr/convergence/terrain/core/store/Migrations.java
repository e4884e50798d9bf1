package fr.convergence.terrain.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the versioned SQL scripts of {@code migrations/} in order, each in its own transaction, and records
 * the schema version in SQLite's {@code user_version}. Scripts are listed in {@code migrations/index.txt}
 * because a class-path folder cannot be listed reliably from a jar.
 */
final class Migrations {

    /** The application's schema history. */
    static final Migrations STORE = new Migrations("migrations/");

    private final String folder;
    /** The last version applied: the whole history, or the first scripts only (fixture stores of older versions). */
    private final int upTo;

    /** @param folder class-path folder relative to this package, holding index.txt and the scripts */
    Migrations(String folder) {
        this(folder, Integer.MAX_VALUE);
    }

    private Migrations(String folder, int upTo) {
        this.folder = folder;
        this.upTo = upTo;
    }

    /** The same history stopped at {@code version}: what a released application of that schema applied. */
    Migrations upTo(int version) {
        return new Migrations(folder, version);
    }

    List<String> scripts() {
        try (InputStream index = Migrations.class.getResourceAsStream(folder + "index.txt")) {
            if (index == null) {
                throw new IllegalStateException("migrations/index.txt is missing from the class path");
            }
            List<String> names = new ArrayList<>();
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.trim());
                }
            }
            return names.subList(0, Math.min(upTo, names.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int latestVersion() {
        return scripts().size();
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    /** Applies the scripts past the store's version; returns how many were applied. */
    int migrate(Connection connection) throws SQLException {
        List<String> scripts = scripts();
        int current = currentVersion(connection);
        if (current > scripts.size()) {
            throw new StoreException("Ce fichier de données a été créé par une version plus récente de "
                    + "Convergence Terrain (schéma " + current + "). Installez la dernière version de l’application.");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int version = current + 1; version <= scripts.size(); version++) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements(read(scripts.get(version - 1)))) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA user_version = " + version);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return scripts.size() - current;
    }

    private String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream(folder + script)) {
            if (in == null) {
                throw new IllegalStateException("Migration script missing: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script on ';' at line ends, dropping '--' comment lines (our scripts hold no ';' in literals). */
    static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String part : withoutComments.toString().split(";\\s*\n")) {
            String sql = part.strip();
            if (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1);
            }
            if (!sql.isEmpty()) {
                statements.add(sql);
            }
        }
        return statements;
    }
}
