package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.hub.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of a test's own, archiving its WAL as docs/hub-operations.md §5.4 sets a production one up,
 * for the hub's point-in-time recovery: a base backup ({@code pg_basebackup}), a named restore point, then the
 * cluster put back to that point from the base backup and the archived WAL. A cluster of its own because a recovery
 * rewinds the whole cluster, not one schema. Its programs run as the {@code postgres} user (PostgreSQL refuses
 * root); where that cannot be (not root, no PostgreSQL server installed) the test is skipped on a developer machine
 * and fails when {@code CI=true}, as {@link TestPostgres} does.
 */
final class ArchivingPostgres implements AutoCloseable {

    private final Path root;
    private final Path bin;
    private final int port;
    private final String user;
    /** Stops the cluster if the test JVM ends without closing it (pg_ctl detaches the server from this process). */
    private final Thread stopAtExit;

    private ArchivingPostgres(Path root, Path bin, int port, String user) {
        this.root = root;
        this.bin = bin;
        this.port = port;
        this.user = user;
        this.stopAtExit = new Thread(this::stopImmediately, "stop-archiving-postgres");
    }

    static ArchivingPostgres start() throws Exception {
        // The same rule as every PostgreSQL test: it runs where PostgreSQL is meant to be (CI), else it may skip.
        TestPostgres.freshSchema().close();
        Path bin = serverPrograms();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (bin == null || !"root".equals(System.getProperty("user.name"))) {
            String why = bin == null ? "no PostgreSQL server programs under /usr/lib/postgresql"
                    : "runs its cluster as the postgres user, which needs root";
            if (ci) {
                throw new AssertionError("CI=true but the point-in-time recovery test cannot run: " + why);
            }
            Assumptions.abort(why);
        }
        Path root = Files.createTempDirectory("terrain-pitr-");
        String user = TestPostgres.user() == null ? "terrain" : TestPostgres.user();
        ArchivingPostgres cluster = new ArchivingPostgres(root, bin, freePort(), user);
        Runtime.getRuntime().addShutdownHook(cluster.stopAtExit);
        try {
            cluster.init();
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The database the hub uses, on the loopback (trust authentication: a throwaway cluster). */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/terrain_hub";
    }

    private Path data() {
        return root.resolve("data");
    }

    private Path archive() {
        return root.resolve("wal-archive");
    }

    private Path base() {
        return root.resolve("base");
    }

    private void init() throws Exception {
        Files.createDirectories(archive());
        run(List.of("chown", "-R", "postgres:postgres", root.toString()));
        asPostgresProgram("initdb", "-D", data().toString(), "--username=" + user, "--auth=trust",
                "--encoding=UTF8", "--locale=C.UTF-8");
        // What §5.4 adds to postgresql.conf, plus this cluster's own port and socket.
        Files.writeString(data().resolve("postgresql.conf"), String.join("\n",
                "", "port = " + port, "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + root + "'",
                "wal_level = replica", "archive_mode = on",
                "archive_command = 'test ! -f " + archive() + "/%f && cp %p " + archive() + "/%f'", ""),
                java.nio.file.StandardOpenOption.APPEND);
        startServer();
        execute("postgres", "CREATE DATABASE terrain_hub");
    }

    /** {@code pg_basebackup} of the running cluster, as §5.4's weekly base backup. */
    void baseBackup() throws Exception {
        asPostgresProgram("pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", user,
                "-D", base().toString(), "--checkpoint=fast", "--wal-method=stream");
    }

    /**
     * A named point to recover to — the moment an administrator would name by its time — and its WAL segment
     * archived (a segment is archived when full or switched).
     */
    void restorePoint(String name) throws Exception {
        String segment;
        try (Connection connection = connect("terrain_hub"); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_create_restore_point('" + name.replace("'", "''") + "')");
            try (ResultSet switched = statement.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
                switched.next();
                segment = switched.getString(1);
            }
        }
        String switched = segment;
        await("WAL segment " + switched + " archived", Duration.ofMinutes(1),
                () -> Files.exists(archive().resolve(switched)));
    }

    /**
     * The cluster stopped and put back to the restore point {@code name}: the base backup in place of its data, the
     * archived WAL replayed up to that point, then promoted (§5.4's recovery).
     */
    void recoverTo(String name) throws Exception {
        asPostgresProgram("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "stop");
        asPostgres("mv", data().toString(), root.resolve("data-lost").toString());
        asPostgres("cp", "-a", base().toString(), data().toString());
        Files.writeString(data().resolve("postgresql.conf"), String.join("\n", "",
                "restore_command = 'cp " + archive() + "/%f %p'",
                "recovery_target_name = '" + name.replace("'", "''") + "'",
                "recovery_target_action = 'promote'", ""), java.nio.file.StandardOpenOption.APPEND);
        asPostgres("touch", data().resolve("recovery.signal").toString());
        startServer();
        await("recovery to " + name + " ended", Duration.ofMinutes(2), () -> {
            try (Connection connection = connect("terrain_hub"); Statement statement = connection.createStatement();
                 ResultSet recovering = statement.executeQuery("SELECT pg_is_in_recovery()")) {
                recovering.next();
                return !recovering.getBoolean(1);
            } catch (SQLException stillStarting) {
                return false; // the server accepts connections only once it is consistent
            }
        });
    }

    /** A state of the cluster, read from outside. */
    private interface ClusterState {
        boolean reached() throws Exception;
    }

    /**
     * Waits for {@code state}: the cluster is another process and signals nothing this JVM could block on (the
     * archiver copies a file, recovery ends in the server), so it is read every 50 ms, up to {@code limit}.
     */
    private void await(String what, Duration limit, ClusterState state) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!state.reached()) {
            if (System.nanoTime() > deadline) {
                Path log = root.resolve("server.log");
                throw new IllegalStateException("not " + what + " within " + limit + ": "
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(50);
        }
    }

    private void startServer() throws Exception {
        asPostgresProgram("pg_ctl", "-D", data().toString(), "-l", root.resolve("server.log").toString(), "-w",
                "-t", "120", "start");
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, user, "");
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
        try {
            stopImmediately();
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void stopImmediately() {
        if (Files.exists(data().resolve("postmaster.pid"))) {
            try {
                asPostgresProgram("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
            } catch (Exception e) {
                throw new IllegalStateException("the test's PostgreSQL cluster in " + root + " did not stop", e);
            }
        }
    }

    private void asPostgresProgram(String program, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(bin.resolve(program).toString()));
        command.addAll(List.of(arguments));
        asPostgres(command.toArray(String[]::new));
    }

    private void asPostgres(String... command) throws Exception {
        List<String> asUser = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asUser.addAll(List.of(command));
        run(asUser);
    }

    private void run(List<String> command) throws Exception {
        Path output = Files.createTempFile("terrain-pitr-command", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " still running after 3 minutes: "
                        + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The newest PostgreSQL server's programs (Debian's layout), or null. */
    private static Path serverPrograms() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return null;
        }
        try (Stream<Path> each = Files.list(versions)) {
            return each.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0")))).orElse(null);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
