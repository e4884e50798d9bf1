package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.Hub;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.hub.sync.Audience;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.HubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/** A hub on loopback (port 0) and the laptops enrolled with it, for end-to-end tests. */
final class SyncWorld implements AutoCloseable {

    static final String SITE_A = "abej-solidarite";
    static final String SITE_B = "eole";
    static final String TERRITORY = "lille";

    final Path dir;
    final String jdbcUrl;
    final HubConfig config;
    final Clock hubClock;
    JooqHubStore hubStore;
    Hub hub;
    final List<Laptop> laptops = new ArrayList<>();
    /** Each laptop store's recovery key, to open it again after a restart as a person signing in would (ADR 0005). */
    private static final Map<Path, fr.convergence.terrain.core.security.RecoveryKey> KEYS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A laptop's store opened again (a restart), unlocked. */
    static TerrainStore reopen(Path file, Clock clock) {
        TerrainStore store = TerrainStore.open(file, clock);
        new fr.convergence.terrain.core.store.KeyRepository(store).unlockWithRecoveryKey(
                KEYS.get(file.toAbsolutePath()));
        return store;
    }
    private final List<AutoCloseable> closeLater = new ArrayList<>();
    /** The cluster of {@link #postgresPointInTime}, else null. */
    private ArchivingPostgres archiving;

    /** The recovery key of a laptop store made by {@link #laptop}, for a process of its own to open it. */
    static fr.convergence.terrain.core.security.RecoveryKey recoveryKey(Path file) {
        return KEYS.get(file.toAbsolutePath());
    }

    SyncWorld(Path dir, String jdbcUrl, HubConfig config, Clock hubClock) {
        this.dir = dir;
        this.jdbcUrl = jdbcUrl;
        this.config = config;
        this.hubClock = hubClock;
        this.hubStore = JooqHubStore.open(jdbcUrl, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
        hubStore.write(tx -> {
            ReferenceData.load().worksites().forEach(w -> tx.addWorksite(w.id(), w.territoryId()));
            return null;
        });
        this.hub = Hub.create(config, hubStore, hubClock);
    }

    static SyncWorld sqlite(Path dir) {
        return new SyncWorld(dir, "jdbc:sqlite:" + dir.resolve("hub.db"), HubConfig.defaults(0), Clock.systemUTC());
    }

    static SyncWorld postgres(Path dir) {
        return new SyncWorld(dir, PostgresSupport.freshSchemaUrl(), HubConfig.defaults(0), Clock.systemUTC());
    }

    /**
     * A hub on a PostgreSQL cluster of its own that archives its WAL, base-backed-up once the hub's schema is made:
     * {@link #backup} names a restore point, {@link #restore} recovers the cluster to it (docs/hub-operations.md
     * §5.4).
     */
    static SyncWorld postgresPointInTime(Path dir) throws Exception {
        ArchivingPostgres cluster = ArchivingPostgres.start();
        SyncWorld world;
        try {
            world = new SyncWorld(dir, cluster.url(), HubConfig.defaults(0), Clock.systemUTC());
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        world.archiving = cluster;
        world.closeLater.add(cluster);
        try {
            cluster.baseBackup();
        } catch (Exception | AssertionError e) {
            world.close();
            throw e;
        }
        return world;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + hub.port());
    }

    Laptop laptop(String name, String scopeKind, String scopeId) throws Exception {
        return laptop(name, scopeKind, scopeId, url(), Clock.systemUTC());
    }

    Laptop laptop(String name, String scopeKind, String scopeId, URI hubUrl, Clock clock) throws Exception {
        return laptop(name, scopeKind, scopeId, hubUrl, clock, null);
    }

    /** @param tls the laptop's trust for an HTTPS hub (null: plain HTTP or the JDK's trust store) */
    Laptop laptop(String name, String scopeKind, String scopeId, URI hubUrl, Clock clock, SSLContext tls)
            throws Exception {
        TerrainStore store = TerrainStore.open(dir.resolve(name + ".db"), clock);
        new ReferenceRepository(store).install(ReferenceData.load());
        // Encrypted as an installed laptop is (ADR 0005): enrolment needs the data key.
        KEYS.put(dir.resolve(name + ".db").toAbsolutePath(),
                new fr.convergence.terrain.core.store.KeyRepository(store).encryptStore(null, null, 1000));
        HttpHubClient client = new HttpHubClient(hubUrl, tls, Duration.ofSeconds(30));
        SyncEngine engine = new SyncEngine(store, client);
        String code = hub.enrolments().issueCode(scopeKind, scopeId, name, Duration.ofDays(1));
        engine.enrol(hubUrl.toString(), code, name);
        Laptop laptop = new Laptop(name, store, client, engine, scopeKind.equals("worksite") ? Set.of(scopeId)
                : hubStore.read(r -> r.worksitesOf(scopeKind, scopeId)));
        laptops.add(laptop);
        return laptop;
    }

    /**
     * Another hub process on the same database, as a second server behind a load balancer would be: its own store
     * (connections) and HTTP server. The caller closes it; its store closes with it.
     */
    Hub secondHubProcess() {
        JooqHubStore store = JooqHubStore.open(jdbcUrl, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
        Hub second = Hub.create(config.withPort(0), store, hubClock);
        closeLater.add(store);
        return second;
    }

    /** A device without a store (protocol-level tests): enrolled through {@code client} with a fresh code. */
    EnrolResponse enrolDevice(HubClient client, String kind, String scope) throws IOException {
        String code = hub.enrolments().issueCode(kind, scope, "test", Duration.ofDays(1));
        return client.enrol(new EnrolRequest(SyncCodec.PROTOCOL, code, UUID.randomUUID().toString(), "poste"));
    }

    /** The hub's rows of these worksites, as the laptops' snapshots show them. */
    Map<String, Map<String, Object>> hubSnapshot(Set<String> worksites) {
        return snapshot(hubStore, worksites);
    }

    /** {@code store}'s rows of these worksites, as {@code SyncRepository.snapshot()} shows a laptop's. */
    static Map<String, Map<String, Object>> snapshot(HubStore store, Set<String> worksites) {
        return snapshot(store, worksites, Audience.EVERY_FILE);
    }

    /** {@link #snapshot(HubStore, Set)} of the files {@code audience} receives (no archived file for a worksite). */
    static Map<String, Map<String, Object>> snapshot(HubStore store, Set<String> worksites, Audience audience) {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        for (HubRow row : store.read(r -> r.rowsAfter(worksites, 0, Integer.MAX_VALUE, true, audience))) {
            Map<String, Object> values = new TreeMap<>();
            SyncSchema.Table table = SyncSchema.table(row.table()).orElseThrow();
            for (SyncSchema.Field f : table.fields()) {
                Object v = row.data().get(f.name());
                values.put(f.name(), v == null ? null : v.toString());
            }
            values.put(SyncSchema.DELETED, String.valueOf(row.deleted()));
            rows.put(row.table() + "/" + row.id(), values);
        }
        return rows;
    }

    /** The hub's one conflict record about the row {@code rowId}. */
    HubRow hubConflict(String rowId) {
        List<HubRow> conflicts = hubStore.read(r -> r.rowsAfter(Set.of(SITE_A, SITE_B), 0, Integer.MAX_VALUE)).stream()
                .filter(r -> r.table().equals(SyncSchema.CONFLICT_TABLE) && rowId.equals(r.data().get("row_id")))
                .toList();
        if (conflicts.size() != 1) {
            throw new AssertionError("one conflict expected about " + rowId + ", found " + conflicts.size());
        }
        return conflicts.get(0);
    }

    /**
     * A consistent copy of the hub database, taken while the hub runs (as a nightly backup would be): SQLite's
     * {@code VACUUM INTO}, or on PostgreSQL the {@code pg_dump --format=custom} of docs/hub-operations.md §5.1 (of
     * the test's schema); on an archiving cluster, a named restore point (the copy is its WAL, already archived).
     */
    Path backup(String name) throws Exception {
        Path copy = dir.resolve(name);
        if (archiving != null) {
            archiving.restorePoint(name);
            return copy;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            run("pg_dump", "--format=custom", "--file=" + copy, "--schema=" + postgresSchema(),
                    postgresDatabase());
            return copy;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + copy.toAbsolutePath() + "'");
        }
        return copy;
    }

    /**
     * Stops the hub, puts the backup in place of its database and starts it again on the same port. On PostgreSQL,
     * as §5.2 says: the schema dropped, then {@code pg_restore --exit-on-error}.
     */
    void restore(Path backup) throws Exception {
        int port = hub.port();
        hub.close();
        hubStore.close();
        if (archiving != null) {
            archiving.recoverTo(backup.getFileName().toString());
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, System.getenv("PGUSER"),
                    System.getenv("PGPASSWORD")); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + postgresSchema() + " CASCADE");
            }
            run("pg_restore", "--exit-on-error", "--no-owner", "--dbname=" + postgresDatabase(), backup.toString());
        } else {
            Path file = Path.of(jdbcUrl.substring("jdbc:sqlite:".length()));
            for (String suffix : List.of("-wal", "-shm")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
            Files.copy(backup, file, StandardCopyOption.REPLACE_EXISTING);
        }
        hubStore = JooqHubStore.open(jdbcUrl, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
        hub = Hub.create(config.withPort(port), hubStore, hubClock);
    }

    /** {@code jdbc:postgresql://host[:port]/database?…} as a libpq connection string, for pg_dump and pg_restore. */
    private String postgresDatabase() {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath();
    }

    private String postgresSchema() {
        for (String parameter : URI.create(jdbcUrl.substring("jdbc:".length())).getQuery().split("&")) {
            if (parameter.startsWith("currentSchema=")) {
                return parameter.substring("currentSchema=".length());
            }
        }
        throw new IllegalStateException("no schema in " + jdbcUrl);
    }

    /** Runs a PostgreSQL client program (credentials from PGUSER and PGPASSWORD, as the tests have them). */
    private void run(String... command) throws Exception {
        Path log = dir.resolve(command[0] + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    /**
     * Stops the hub and starts it again on the same port and database, opened through {@code url} (the same
     * database with other connection settings, such as SQLite's {@code max_page_count}).
     */
    void restartOn(String url) {
        int port = hub.port();
        hub.close();
        hubStore.close();
        hubStore = JooqHubStore.open(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
        hub = Hub.create(config.withPort(port), hubStore, hubClock);
    }

    @Override
    public void close() {
        laptops.forEach(l -> l.store().close());
        hub.close();
        hubStore.close();
        for (AutoCloseable other : closeLater) {
            try {
                other.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record Laptop(String name, TerrainStore store, HttpHubClient client, SyncEngine engine, Set<String> scope) {
        Map<String, Map<String, Object>> snapshot() {
            return engine.repository().snapshot();
        }
    }
}
