package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.hub.sync.Device;
import fr.convergence.terrain.hub.sync.Enrolments;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.hub.sync.SyncService;
import fr.convergence.terrain.sync.client.HubClient;
import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The hub's sync service and enrolments on a SQLite file, called in the test's process without HTTP: what the
 * model-based test needs to run hundreds of schedules a minute. Every message still goes through the wire codec
 * (JSON, and the column page encoding the laptop asks for), so the laptop reads exactly what it would over HTTP;
 * the HTTP layer itself has its own tests (SyncWorld-based ones).
 */
final class InProcessHub implements AutoCloseable {

    private final String jdbcUrl;
    private final Clock clock;
    private JooqHubStore store;
    private SyncService sync;
    private Enrolments enrolments;

    /** A hub on the SQLite file {@code file}. */
    InProcessHub(Path file, Clock clock) {
        this("jdbc:sqlite:" + file, clock);
    }

    /** A hub on {@code jdbcUrl}: SQLite, or PostgreSQL (credentials from PGUSER and PGPASSWORD). */
    InProcessHub(String jdbcUrl, Clock clock) {
        this.jdbcUrl = jdbcUrl;
        this.clock = clock;
        open();
        store.write(tx -> {
            ReferenceData.load().worksites().forEach(w -> tx.addWorksite(w.id(), w.territoryId()));
            return null;
        });
    }

    private void open() {
        store = JooqHubStore.open(jdbcUrl, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
        HubConfig config = HubConfig.defaults(0);
        sync = new SyncService(store, clock, config.futureToleranceMillis(), config.pageBytes());
        enrolments = new Enrolments(store, clock);
    }

    HubStore store() {
        return store;
    }

    Enrolments enrolments() {
        return enrolments;
    }

    /** Where the hours summary the yearly table reads differs from the hours rows: empty when they agree. */
    List<String> hoursSummaryDifferences() {
        return store.hoursSummaryDifferences();
    }

    /** A consistent copy of the hub's database, as a nightly backup would take it (SQLite only). */
    synchronized Path backup(Path copy) throws Exception {
        Files.deleteIfExists(copy);
        try (Connection connection = DriverManager.getConnection(sqliteFile().map(f -> jdbcUrl).orElseThrow());
             Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + copy.toAbsolutePath() + "'");
        }
        return copy;
    }

    /** The hub restarted on {@code backup}: everything after it is lost. */
    synchronized void restore(Path backup) throws Exception {
        Path file = sqliteFile().orElseThrow();
        store.close();
        for (String suffix : List.of("-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        Files.copy(backup, file, StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    /** The database file when the hub is on SQLite: backups and restores are file copies, here. */
    Optional<Path> sqliteFile() {
        return jdbcUrl.startsWith("jdbc:sqlite:") ? Optional.of(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())))
                : Optional.empty();
    }

    /**
     * A laptop's view of this hub. Exchanges take turns (pages asked ahead come from other threads), and never
     * overlap a backup or a restore.
     */
    HubClient client() {
        return new HubClient() {
            @Override
            public SyncResponse exchange(String token, SyncRequest request) throws IOException {
                synchronized (InProcessHub.this) {
                    return answer(token, request);
                }
            }

            private SyncResponse answer(String token, SyncRequest request) throws IOException {
                Optional<Device> device = enrolments.authenticate(token);
                if (device.isEmpty() || device.get().revoked()) {
                    throw new IOException("refused: not enrolled or revoked");
                }
                try {
                    SyncRequest received = SyncCodec.decode(SyncCodec.encode(request), SyncRequest.class);
                    return SyncCodec.decode(sync.sync(device.get(), received).json(), SyncResponse.class);
                } catch (SyncCodec.MalformedMessageException e) {
                    throw new IOException(e);
                }
            }

            @Override
            public EnrolResponse enrol(EnrolRequest request) throws IOException {
                return enrolments.enrol(request.code(), request.deviceId(), request.label())
                        .orElseThrow(() -> new IOException("enrolment refused"));
            }

            @Override
            public boolean reachable() {
                return true;
            }

            @Override
            public Traffic traffic() {
                return new Traffic(0, 0, 0);
            }
        };
    }

    @Override
    public void close() {
        store.close();
    }
}
