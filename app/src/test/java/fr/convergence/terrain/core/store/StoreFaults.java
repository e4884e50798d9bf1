package fr.convergence.terrain.core.store;

/**
 * For the application's tests: the open store made unable to write, and able again. SQLite's {@code query_only} on
 * the store's writer connection refuses every write with {@code SQLITE_READONLY}, the very refusal a store on a
 * read-only disk or folder gets, without needing a file system the test user cannot write (root writes read-only
 * files anyway). Beside {@code TerrainStore} because only its package reaches the writer connection.
 */
public final class StoreFaults {

    private StoreFaults() {
    }

    public static void refuseWrites(TerrainStore store, boolean refuse) {
        store.writeJdbc(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA query_only = " + (refuse ? "ON" : "OFF"));
            }
            return null;
        });
    }
}
