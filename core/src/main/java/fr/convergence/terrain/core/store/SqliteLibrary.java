package fr.convergence.terrain.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * SQLite's native library, loaded once before the first connection to a data file. Every such connection goes
 * through {@link #connect} so that a library that cannot be loaded is said the same way each time, in French
 * ({@link SqliteUnavailableException}): sqlite-jdbc itself throws an {@link SQLException} at the first connection,
 * then an {@link UnsatisfiedLinkError} at every later one.
 */
final class SqliteLibrary {

    private static String loadFailure;
    private static boolean loaded;

    private SqliteLibrary() {
    }

    /** Opens a connection to {@code file}, once SQLite's native library is known to load. */
    static Connection connect(SQLiteConfig config, Path file) throws SQLException {
        requireLoaded();
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /**
     * Loads SQLite's native library, once for the process.
     *
     * @throws SqliteUnavailableException when it cannot be loaded (then at every call)
     */
    static synchronized void requireLoaded() {
        if (loaded) {
            return;
        }
        if (loadFailure == null) {
            try {
                loaded = SQLiteJDBCLoader.initialize();
                if (!loaded) {
                    loadFailure = "SQLiteJDBCLoader.initialize() = false";
                }
            } catch (Exception | LinkageError e) {
                loadFailure = String.valueOf(e.getMessage());
                throw new SqliteUnavailableException(loadFailure, e);
            }
        }
        if (!loaded) {
            throw new SqliteUnavailableException(loadFailure, null);
        }
    }

    /** Where sqlite-jdbc copies its native library before loading it. */
    static String temporaryFolder() {
        return System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir"));
    }
}
