package fr.convergence.terrain.sync.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The hub's full disk on SQLite, simulated with SQLite's {@code max_page_count}, which refuses to grow the file
 * exactly as a full disk does ({@code SQLITE_FULL}) and needs no small file system (a loop mount needs root). The
 * limit belongs to the connection, so the hub is restarted with it, then without it; a real full disk needs no
 * restart (the next transaction finds the room).
 */
class SqliteHubDiskFullTest extends HubDiskFullTest {

    @Override
    String jdbcUrl(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("hub.db");
    }

    @Override
    void fillTheDisk(SyncWorld world) throws Exception {
        world.restartOn(world.jdbcUrl);
        long pages;
        try (Connection connection = DriverManager.getConnection(world.jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("PRAGMA page_count")) {
            pages = count.getLong(1);
        }
        // Room for a few pages: the batch of hours fills them in its middle.
        world.restartOn(world.jdbcUrl + "?max_page_count=" + (pages + 4));
    }

    @Override
    void makeRoom(SyncWorld world) {
        world.restartOn(world.jdbcUrl);
    }
}
