package fr.convergence.terrain.sync.it;

import java.net.URI;
import fr.convergence.terrain.hub.Hub;
import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import fr.convergence.terrain.sync.protocol.TableChanges;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several devices sync concurrently while a reader pulls with its cursor all along: the reader must end up with
 * every row — on PostgreSQL through two hub processes serving one database, the reader alternating between them.
 * On PostgreSQL, sequence values of concurrent transactions would become visible out of order with a plain
 * SEQUENCE; the hub's counter row, taken last and held until commit, prevents a cursor from skipping one.
 */
abstract class ConcurrentCursorTest {

    static final int WRITERS = 6;
    static final int BATCHES = 8;
    static final int CELLS = 25;

    @TempDir
    Path dir;

    abstract SyncWorld world(Path dir);

    /**
     * A second hub process on the same database (PostgreSQL: "several hub processes may serve one database"), or
     * null: half the writers go through it and the reader alternates between both.
     */
    Hub secondHub(SyncWorld world) {
        return null;
    }

    @Test
    void aCursorNeverSkipsAChangeWhenSyncsCommitConcurrently() throws Exception {
        try (SyncWorld world = world(dir); Hub second = secondHub(world)) {
            HttpHubClient client = new HttpHubClient(world.url(), null, Duration.ofSeconds(60));
            HttpHubClient other = second == null ? client
                    : new HttpHubClient(URI.create("http://127.0.0.1:" + second.port()), null, Duration.ofSeconds(60));
            EnrolResponse reader = enrol(world, client);
            List<EnrolResponse> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                writers.add(enrol(world, client));
            }
            Set<String> written = ConcurrentHashMap.newKeySet();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
            Future<?> readerTask = pool.submit(() -> {
                long cursor = 0;
                int exchanges = 0;
                while (true) {
                    boolean last = !writing.get();
                    SyncResponse page;
                    do {
                        HttpHubClient hub = exchanges++ % 2 == 0 ? client : other;
                        page = hub.exchange(reader.token(), RawOps.request(reader.deviceId(), cursor, List.of()));
                        collect(page, seen);
                        cursor = page.cursor();
                    } while (page.more());
                    if (last) {
                        return null;
                    }
                }
            });
            List<Future<?>> tasks = new ArrayList<>();
            for (int w = 0; w < writers.size(); w++) {
                EnrolResponse writer = writers.get(w);
                HttpHubClient hub = w % 2 == 0 ? client : other;
                tasks.add(pool.submit(() -> {
                    String participant = UUID.randomUUID().toString();
                    long n = 1;
                    List<Operation> first = List.of(RawOps.participant(n++, writer.deviceId(), participant,
                            SyncWorld.SITE_A));
                    hub.exchange(writer.token(), new SyncRequest(SyncCodec.PROTOCOL, writer.deviceId(), null, 0,
                            0, first, true, null));
                    written.add("participant/" + participant);
                    for (int b = 0; b < BATCHES; b++) {
                        List<Operation> ops = new ArrayList<>();
                        for (int c = 0; c < CELLS; c++) {
                            LocalDate day = LocalDate.of(2024, 1, 1).plusDays(b * CELLS + c);
                            Operation op = RawOps.hours(n++, writer.deviceId(), participant, SyncWorld.SITE_A, day, 60);
                            ops.add(op);
                            written.add("hours_entry/" + op.rowId());
                        }
                        hub.exchange(writer.token(), new SyncRequest(SyncCodec.PROTOCOL, writer.deviceId(), null, 0,
                                0, ops, true, null));
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
            writing.set(false);
            readerTask.get();
            pool.shutdown();
            assertThat(written).hasSize(WRITERS * (1 + BATCHES * CELLS));
            assertThat(seen).containsAll(written);
            if (second != null) {
                assertThat(other.traffic().requests()).as("exchanges through the second hub process").isPositive();
            }
        }
    }

    private static EnrolResponse enrol(SyncWorld world, HttpHubClient client) throws Exception {
        String code = world.hub.enrolments().issueCode("worksite", SyncWorld.SITE_A, "t", Duration.ofDays(1));
        return client.enrol(new EnrolRequest(SyncCodec.PROTOCOL, code, UUID.randomUUID().toString(), "t"));
    }

    private static void collect(SyncResponse page, Set<String> seen) {
        for (TableChanges changes : page.changes()) {
            for (List<Object> row : changes.rows()) {
                seen.add(changes.table() + "/" + row.get(0));
            }
        }
    }
}
