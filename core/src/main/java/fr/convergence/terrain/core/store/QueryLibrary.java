package fr.convergence.terrain.core.store;

import static fr.convergence.terrain.core.store.generated.Tables.STORE_META;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.LoggerFactory;

/**
 * What a command-line call that opens a store loads first, started ahead on the other core: the log, then the query
 * library (jOOQ, its data types, this store's generated schema), whose first-use initialisation costs ≈ 0.2 s and
 * otherwise runs after the JVM, the command line's parser and SQLite have started, on the same thread (the desktop
 * application does the same once its sign-in screen is shown: {@link TerrainStore#prepareQueries}).
 */
public final class QueryLibrary {

    private QueryLibrary() {
    }

    /**
     * Starts loading on a daemon thread, and returns. Nothing is read or written: the threads that use these classes
     * next wait for their initialisation instead of doing it, and a failure here only means they pay for it, as before.
     */
    public static void loadInBackground() {
        Thread loader = new Thread(QueryLibrary::load, "terrain-query-library");
        loader.setDaemon(true);
        loader.start();
    }

    static void load() {
        try {
            LoggerFactory.getILoggerFactory();
            DSL.using(SQLDialect.SQLITE).selectCount().from(STORE_META).getSQL();
        } catch (RuntimeException | LinkageError e) {
            // the store's first query will load the library, and say what is wrong with it
        }
    }
}
