package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.core.clock.Hlc;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import fr.convergence.terrain.core.week.WeekHoursCheck;
import fr.convergence.terrain.hub.Hub;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.RequestLimits;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.hub.store.StoreImporter;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import fr.convergence.terrain.sync.protocol.ColumnCodec;
import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.TableChanges;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Sync figures for docs/performance.md (## Sync). Not a test: it asserts nothing and only runs with -Pbench:
 * <pre>
 * ./mvnw -B -o -Pbench -pl sync/it -am test -Dtest=SyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * A hub seeded with {@code territory} demo data (SQLite, or PostgreSQL for the throughput figure when
 * TERRAIN_TEST_PG_URL is set), laptops behind {@link FaultyProxy} at 600 ms round trip and 128 kbit/s each way,
 * a fresh connection per sync (as a laptop that syncs at the end of the day).
 */
class SyncBenchmark {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
    static final long ROUND_TRIP_MILLIS = 600;
    static final long BYTES_PER_SECOND = 128_000 / 8;
    /** Less than the application's health-check interval (1 min): the longest a connection idles before a sync. */
    static final long KEPT_ALIVE_IDLE_MILLIS = 45_000;

    final StringBuilder report = new StringBuilder();

    @Test
    void sync() throws Exception {
        Path dir = Path.of("target", "bench").toAbsolutePath();
        Files.createDirectories(dir);
        Path demo = dir.resolve("territory.db");
        if (!Files.exists(demo)) {
            try (TerrainStore store = TerrainStore.open(demo)) {
                new DemoDataGenerator(2023, TODAY).generate(store, DemoSize.TERRITORY, new PasswordHasher(1000));
            }
        }
        Path hubFile = dir.resolve("hub-" + System.nanoTime() + ".db");
        try (JooqHubStore hubStore = JooqHubStore.sqlite(hubFile); TerrainStore source = TerrainStore.open(demo)) {
            // The demo store is encrypted (ADR 0005): the import reads it as one of its accounts.
            new fr.convergence.terrain.core.account.AuthService(source, new PasswordHasher(1000))
                    .signIn("admin", DemoDataGenerator.DEMO_PASSWORD.toCharArray()).orElseThrow();
            long start = System.nanoTime();
            Map<String, Integer> imported = seed(hubStore, source);
            line("hub import of the territory demo store: %s in %d ms", imported, (System.nanoTime() - start) / 1_000_000);
            List<String> worksites = source.read(sql -> sql.fetch(
                    "SELECT worksite_id, count(*) FROM participant GROUP BY worksite_id ORDER BY count(*) DESC")
                    .map(r -> r.get(0, String.class)));
            String territory = source.read(sql -> sql.fetchOne("SELECT territory_id FROM worksite WHERE id = ?",
                    worksites.get(0)).get(0, String.class));
            try (Hub hub = Hub.create(benchConfig(), hubStore, Clock.systemUTC());
                 FaultyProxy proxy = ruralLine(hub)) {
                URI slow = URI.create("http://127.0.0.1:" + proxy.port());
                String site = worksites.get(0);
                int participants = source.read(sql -> sql.fetchOne(
                        "SELECT count(*) FROM participant WHERE worksite_id = ?", site).get(0, Integer.class));
                long cells = source.read(sql -> sql.fetchOne(
                        "SELECT count(*) FROM hours_entry WHERE worksite_id = ?", site).get(0, Long.class));
                line("worksite %s: %d participants, %d hours cells", site, participants, cells);

                TerrainStore laptop = laptopStore(dir, "laptop");
                TerrainStore peer = laptopStore(dir, "peer");
                enrol(hub, laptop, slow, "worksite", site);
                enrol(hub, peer, slow, "worksite", site);
                SyncReport initial = sync(laptop, slow, proxy, "initial sync, one worksite (" + participants
                        + " participants, " + cells + " hours cells)");
                sync(peer, URI.create("http://127.0.0.1:" + hub.port()), null, "initial sync of the peer (loopback)");

                TerrainStore coordinator = laptopStore(dir, "coordinator");
                enrol(hub, coordinator, slow, "territory", territory);
                long allCells = source.read(sql -> sql.fetchOne("SELECT count(*) FROM hours_entry")
                        .get(0, Long.class));
                sync(coordinator, slow, proxy, "initial sync, whole territory as coordinator ("
                        + worksites.size() + " worksites, " + allCells + " hours cells)");
                TerrainStore local = laptopStore(dir, "coordinator-loopback");
                URI loopback = URI.create("http://127.0.0.1:" + hub.port());
                enrol(hub, local, loopback, "territory", territory);
                sync(local, loopback, null, "the same on loopback (no proxy): hub and laptop CPU");
                local.close();

                // End of day: ≈50 hours cells, 5 notes, 2 referral moves on the worksite's laptop.
                endOfDay(laptop, site, TODAY.minusDays(7), 50, 5, 2);
                sync(laptop, slow, proxy, "incremental end of day (50 hours cells, 5 notes, 2 referral moves)");
                sync(peer, slow, proxy, "the same end of day received by another laptop of the worksite");

                // The application's path: it checks the hub (GET /health) every minute, and syncs on the connection
                // that check opened (the hub keeps idle connections 5 minutes).
                endOfDay(laptop, site, TODAY.minusDays(21), 50, 5, 2);
                HttpHubClient app = new HttpHubClient(slow, null, Duration.ofSeconds(600));
                long check = System.nanoTime();
                boolean reachable = app.reachable();
                line("health check on a new connection: %s, %.2f s", reachable ? "online" : "OFFLINE",
                        (System.nanoTime() - check) / 1e9);
                Thread.sleep(KEPT_ALIVE_IDLE_MILLIS);
                sync(laptop, app, proxy, "incremental end of day on the connection kept alive since the health check "
                        + KEPT_ALIVE_IDLE_MILLIS / 1000 + " s earlier (50 hours cells, 5 notes, 2 referral moves)");
                sync(peer, slow, proxy, "that end of day received by another laptop of the worksite");

                // Hours cells only, to isolate their size.
                endOfDay(laptop, site, TODAY, 50, 0, 0);
                SyncReport up = sync(laptop, slow, proxy, "50 hours cells only, sent");
                SyncReport down = sync(peer, slow, proxy, "50 hours cells only, received");
                line("bytes per changed hours cell (compressed bodies): %.1f up (%d cells changed), %.1f down "
                        + "(%d received)", up.bytesUp() / (double) up.operationsSent(), up.operationsSent(),
                        down.bytesDown() / (double) down.rowsReceived(), down.rowsReceived());
                line("initial sync body bytes per hours cell of the worksite: %.1f", initial.bytesDown() / (double) cells);
                bytesByTable(laptop, "the worksite's rows");
                bytesByTable(coordinator, "the territory's rows");
                laptop.close();
                peer.close();
                coordinator.close();

                throughput(hub, hubStore, worksites, "SQLite");
            }
        }
        proseNotes(dir, demo);
        String pg = System.getenv("TERRAIN_TEST_PG_URL");
        if (pg != null && !pg.isBlank()) {
            try (JooqHubStore hubStore = JooqHubStore.open(PostgresSupport.freshSchemaUrl(), System.getenv("PGUSER"),
                    System.getenv("PGPASSWORD")); TerrainStore source = TerrainStore.open(demo)) {
                seed(hubStore, source);
                List<String> worksites = source.read(sql -> sql.fetch("SELECT DISTINCT worksite_id FROM participant")
                        .map(r -> r.get(0, String.class)));
                try (Hub hub = Hub.create(benchConfig(), hubStore, Clock.systemUTC())) {
                    throughput(hub, hubStore, worksites, "PostgreSQL");
                }
            }
        }
        Files.writeString(dir.resolve("sync-benchmark.txt"), report);
        System.out.println(report);
    }

    /**
     * The demo's notes reuse a score of short template texts, which gzip all but removes (1.4 KB for 901 note
     * revisions). Real notes are each written anew: the same territory with every revision's body replaced by
     * 125–375 characters of words drawn from the application's French texts (gzip ratio ≈ 3.4, real French prose
     * ≈ 3), synced from scratch by its coordinator through the same line.
     */
    private void proseNotes(Path dir, Path demo) throws IOException {
        Path copy = dir.resolve("territory-prose-" + System.nanoTime() + ".db");
        Files.copy(demo, copy);
        ResourceBundle texts = ResourceBundle.getBundle("fr.convergence.terrain.app.messages", Locale.FRENCH);
        List<String> words = new ArrayList<>();
        for (String key : Collections.list(texts.getKeys())) {
            for (String word : texts.getString(key).split("[\\s{}]+")) {
                if (!word.isBlank()) {
                    words.add(word);
                }
            }
        }
        java.util.Random random = new java.util.Random(2023);
        try (TerrainStore source = TerrainStore.open(copy)) {
            int revisions = source.write("system", tx -> {
                List<String> ids = tx.sql().fetch("SELECT id FROM support_note_revision").getValues(0, String.class);
                for (String id : ids) {
                    StringBuilder body = new StringBuilder();
                    int length = 125 + random.nextInt(251);
                    while (body.length() < length) {
                        body.append(words.get(random.nextInt(words.size()))).append(' ');
                    }
                    tx.sql().execute("UPDATE support_note_revision SET body = ? WHERE id = ?", body.toString().strip(),
                            id);
                }
                return ids.size();
            });
            String territory = source.read(sql -> sql.fetchOne("SELECT territory_id FROM worksite WHERE id = "
                    + "(SELECT worksite_id FROM participant LIMIT 1)").get(0, String.class));
            try (JooqHubStore hubStore = JooqHubStore.sqlite(dir.resolve("hub-prose-" + System.nanoTime() + ".db"))) {
                seed(hubStore, source);
                try (Hub hub = Hub.create(benchConfig(), hubStore, Clock.systemUTC());
                     FaultyProxy proxy = ruralLine(hub)) {
                    URI slow = URI.create("http://127.0.0.1:" + proxy.port());
                    TerrainStore coordinator = laptopStore(dir, "coordinator-prose");
                    enrol(hub, coordinator, slow, "territory", territory);
                    sync(coordinator, slow, proxy, "initial sync of the territory with note texts of real length and "
                            + "variety (" + revisions + " revisions of 125-375 characters)");
                    coordinator.close();
                }
            }
        }
    }

    /**
     * A hub's database: the shipped worksites (as {@code terrain-hub serve} seeds them), then the store's rows (as
     * {@code terrain-hub import --store}).
     */
    private static Map<String, Integer> seed(JooqHubStore hubStore, TerrainStore source) {
        hubStore.write(tx -> {
            ReferenceData.load().worksites().forEach(w -> tx.addWorksite(w.id(), w.territoryId()));
            return null;
        });
        return StoreImporter.importStore(source, hubStore);
    }

    /** The line of a rural worksite in front of {@code hub}: 600 ms round trip, 128 kbit/s each way. */
    private static FaultyProxy ruralLine(Hub hub) throws IOException {
        FaultyProxy proxy = new FaultyProxy(hub.port());
        proxy.oneWayDelayMillis = ROUND_TRIP_MILLIS / 2;
        proxy.connectDelayMillis = ROUND_TRIP_MILLIS;
        proxy.bytesPerSecond = BYTES_PER_SECOND;
        return proxy;
    }

    private TerrainStore laptopStore(Path dir, String name) throws IOException {
        Path file = dir.resolve(name + "-" + System.nanoTime() + ".db");
        TerrainStore store = TerrainStore.open(file);
        new ReferenceRepository(store).install(ReferenceData.load());
        // Encrypted as an installed laptop is (ADR 0005): enrolment needs the data key.
        new fr.convergence.terrain.core.store.KeyRepository(store).encryptStore(null, null, 1000);
        // Only the shipped reference data: the demo-only worksites come from the hub with the first page.
        return store;
    }

    /** The hub's defaults without its per-minute limits: every simulated laptop enrols and syncs from 127.0.0.1. */
    private static HubConfig benchConfig() {
        return HubConfig.defaults(0).withRequestLimits(RequestLimits.defaults().withoutRateLimits());
    }

    private static void enrol(Hub hub, TerrainStore store, URI url, String kind, String scope) throws IOException {
        String code = hub.enrolments().issueCode(kind, scope, "bench", Duration.ofDays(1));
        new SyncEngine(store, new HttpHubClient(url, null, Duration.ofSeconds(600))).enrol(url.toString(), code,
                "bench");
    }

    /** One sync on a fresh connection; prints requests, bytes (bodies and wire) and wall time. */
    private SyncReport sync(TerrainStore store, URI url, FaultyProxy proxy, String what) throws IOException {
        return sync(store, new HttpHubClient(url, null, Duration.ofSeconds(600)), proxy, what);
    }

    /** One sync with {@code client} (its connection may be open already). */
    private SyncReport sync(TerrainStore store, HttpHubClient client, FaultyProxy proxy, String what)
            throws IOException {
        long wireUp = proxy == null ? 0 : proxy.up.get();
        long wireDown = proxy == null ? 0 : proxy.down.get();
        SyncReport r = new SyncEngine(store, client).sync(SyncProgress.NONE);
        line("%s: %d request(s), %d pages, %d ops up, %d rows down, bodies %,d B up / %,d B down (gzip), "
                        + "wire %,d B up / %,d B down, %.2f s", what, r.requests(), r.pages(), r.operationsSent(),
                r.rowsReceived(), r.bytesUp(), r.bytesDown(),
                proxy == null ? 0 : proxy.up.get() - wireUp, proxy == null ? 0 : proxy.down.get() - wireDown,
                r.millis() / 1000.0);
        return r;
    }

    /**
     * Where the bytes of a scope's initial sync go: every synced table of the store as one page in the encoding
     * laptops ask for (so every reference finds its parent in the page: a lower bound, real pages split the scope),
     * each group gzipped on its own and, for the largest, column by column.
     */
    private void bytesByTable(TerrainStore store, String what) {
        List<TableChanges> groups = new ArrayList<>();
        for (SyncSchema.Table table : SyncSchema.tables()) {
            if (table.name().equals(SyncSchema.CONFLICT_TABLE)) {
                continue;
            }
            List<String> columns = new ArrayList<>(List.of(SyncSchema.ID, SyncSchema.VERSION, SyncSchema.UPDATED_BY));
            table.fields().forEach(f -> columns.add(f.name()));
            columns.add(SyncSchema.DELETED);
            List<List<Object>> rows = store.read(sql -> sql.fetch("SELECT " + String.join(", ", columns) + " FROM "
                    + table.name()).map(r -> {
                        List<Object> row = new ArrayList<>();
                        for (int i = 0; i < columns.size(); i++) {
                            String name = columns.get(i);
                            SyncSchema.Type type = name.equals(SyncSchema.DELETED) ? SyncSchema.Type.BOOL
                                    : table.field(name).map(SyncSchema.Field::type).orElse(SyncSchema.Type.TEXT);
                            row.add(switch (type) {
                                case DATE -> r.get(i) == null ? null : String.valueOf(r.get(i, LocalDate.class));
                                case INT -> r.get(i, Integer.class);
                                case LONG -> r.get(i, Long.class);
                                case BOOL -> r.get(i, Boolean.class);
                                case TEXT -> r.get(i, String.class);
                            });
                        }
                        return row;
                    }));
            groups.add(new TableChanges(table.name(), columns, rows));
        }
        List<ColumnCodec.ColumnTable> page = ColumnCodec.encode(groups, ColumnCodec.COLUMNS_3, HoursCell::id);
        StringBuilder sizes = new StringBuilder();
        long total = 0;
        for (ColumnCodec.ColumnTable table : page) {
            int bytes = SyncCodec.gzip(SyncCodec.encode(table)).length;
            total += bytes;
            sizes.append(String.format(Locale.ROOT, "%s %,d rows %,d B", table.table(), table.rows(), bytes));
            if (bytes > 8_000) {
                sizes.append(" (");
                for (int c = 0; c < table.columns().size(); c++) {
                    sizes.append(String.format(Locale.ROOT, "%s%s %,d", c == 0 ? "" : ", ", table.columns().get(c),
                            SyncCodec.gzip(SyncCodec.encode(table.data().get(c))).length));
                }
                sizes.append(")");
            }
            sizes.append("; ");
        }
        line("%s as one columns/3 page, each table gzipped alone (%,d B in all): %s", what, total, sizes);
    }

    /**
     * An educator's end of day: {@code cells} hours cells of {@code day} and the days before, only those the week page
     * would accept (participants enrolled then, within the day's and week's limits), notes and referral moves.
     */
    private static void endOfDay(TerrainStore store, String site, LocalDate day, int cells, int notes, int moves) {
        List<Participant> people = new ArrayList<>(new ParticipantRepository(store).ofWorksite(site));
        Collections.shuffle(people, new java.util.Random(day.toEpochDay()));
        Edits edits = new Edits(store, "esp");
        WeekHoursCheck check = new WeekHoursCheck(Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(),
                ZoneOffset.UTC));
        EnrolmentRepository enrolments = new EnrolmentRepository(store);
        HoursRepository hours = new HoursRepository(store);
        int written = 0;
        for (int i = 0; written < cells && i < people.size() * 14; i++) {
            Participant p = people.get(i % people.size());
            LocalDate cellDay = day.minusDays(i / people.size());
            int minutes = 420 - 15 * (i % 3);
            var enrolment = WeekHoursCheck.enrolmentForDay(enrolments.ofParticipant(p.id()), cellDay);
            IsoWeek week = IsoWeek.of(cellDay);
            if (enrolment.isEmpty() || check.check(enrolment.get(), enrolments.steps(enrolment.get().id()),
                    hours.ofParticipant(p.id(), week.monday(), week.sunday()), new HoursEntry(null, p.id(), site,
                            cellDay, HoursKind.TRAVAIL_CHANTIER, minutes)).isRefused()) {
                continue;
            }
            edits.hours(p, cellDay, HoursKind.TRAVAIL_CHANTIER, minutes);
            written++;
        }
        for (int i = 0; i < notes; i++) {
            edits.note(people.get(i), "Entretien de fin de journée : point sur les démarches de logement et la "
                    + "reprise de la formation CACES, rendez-vous pris avec la conseillère.");
        }
        Map<ReferralStatus, ReferralStatus> next = Map.of(ReferralStatus.BROUILLON, ReferralStatus.ENVOYEE,
                ReferralStatus.ENVOYEE, ReferralStatus.EN_COURS, ReferralStatus.EN_COURS, ReferralStatus.ACCEPTEE);
        List<String[]> open = store.read(sql -> sql.fetch("SELECT id, status FROM referral WHERE worksite_id = ? "
                + "AND status IN ('BROUILLON','ENVOYEE','EN_COURS') AND deleted = 0 LIMIT ?", site, moves)
                .map(r -> new String[] {r.get(0, String.class), r.get(1, String.class)}));
        for (String[] referral : open) {
            edits.move(referral[0], next.get(ReferralStatus.valueOf(referral[1])));
        }
    }

    /**
     * 200 simulated devices (protocol level, no laptop store), spread over the territory's worksites and up to
     * date, each syncing in a loop: 5 hours cells up, the worksite's changes since its cursor down.
     */
    private void throughput(Hub hub, JooqHubStore hubStore, List<String> worksites, String database)
            throws Exception {
        int devices = 200;
        long seconds = 20;
        HttpHubClient client = new HttpHubClient(URI.create("http://127.0.0.1:" + hub.port()), null,
                Duration.ofSeconds(120));
        // Participants enrolled over the last four weeks, whose cells the sims rewrite (as a week page would accept).
        Map<String, List<String>> participants = new LinkedHashMap<>();
        for (String site : worksites) {
            participants.put(site, hubStore.read(r -> r.rowsAfter(Set.of(site), 0, Integer.MAX_VALUE)).stream()
                    .filter(row -> row.table().equals("enrolment") && !row.deleted())
                    .filter(row -> !day(row, "entry_date").isAfter(TODAY.minusDays(28))
                            && (row.data().get("exit_date") == null || day(row, "exit_date").isAfter(TODAY)))
                    .map(row -> (String) row.data().get("participant_id")).distinct().toList());
        }
        long head = hubStore.read(HubStore.HubReader::lastSequence);
        List<Sim> sims = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            String site = worksites.get(i % worksites.size());
            String code = hub.enrolments().issueCode("worksite", site, "sim-" + i, Duration.ofDays(1));
            EnrolResponse enrolled = client.enrol(new EnrolRequest(SyncCodec.PROTOCOL, code,
                    UUID.randomUUID().toString(), "sim-" + i));
            // Up to date: as if its initial sync had been done (the hub records the cursor it gave).
            hubStore.write(tx -> {
                tx.deviceSynced(enrolled.deviceId(), 0, head, System.currentTimeMillis());
                return null;
            });
            sims.add(new Sim(enrolled.deviceId(), enrolled.token(), site, participants.get(site), head));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong rowsDown = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(devices);
        for (Sim sim : sims) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            SyncResponse response = client.exchange(sim.token, sim.next());
                            sim.cursor = response.cursor();
                            if (!response.more()) {
                                sim.wholeRowsUpTo = response.cursor();
                            }
                            sim.acknowledged = response.acknowledged();
                            rowsDown.addAndGet(response.changedRows());
                            refused.addAndGet(response.rejections().size());
                            latencies.add(System.nanoTime() - t0);
                        } catch (IOException | RuntimeException e) {
                            failures.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "sim-device");
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        line("hub throughput on loopback (%s, %d devices on %d worksites, %d s, client and hub on the same 2 cores): "
                        + "%.1f syncs/s (each 5 hours cells up + the worksite's new rows down, %d rows received in all), "
                        + "latency p50 %d ms, p95 %d ms, max %d ms, %d failures, %d cells refused by the week's rules",
                database, devices, worksites.size(),
                seconds, sorted.size() / (double) seconds, rowsDown.get(), percentile(sorted, 50),
                percentile(sorted, 95), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1_000_000,
                failures.get(), refused.get());
    }

    private static LocalDate day(HubRow row, String field) {
        return LocalDate.parse(row.data().get(field).toString());
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1_000_000;
    }

    /** A device without a store: numbers its operations, remembers its cursor. */
    static final class Sim {
        final String id;
        final String token;
        final String site;
        final List<String> participants;
        long cursor;
        /** As a laptop's: where its last complete pull ended (it starts up to date at {@code cursor}). */
        long wholeRowsUpTo;
        long acknowledged;
        long number;
        int day;

        Sim(String id, String token, String site, List<String> participants, long cursor) {
            this.id = id;
            this.token = token;
            this.site = site;
            this.participants = participants;
            this.cursor = cursor;
            this.wholeRowsUpTo = cursor;
        }

        SyncRequest next() {
            List<Operation> ops = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String participant = participants.get((int) ((number + i) % participants.size()));
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("participant_id", participant);
                f.put("worksite_id", site);
                f.put("work_day", TODAY.minusDays(day % 28).toString());
                f.put("kind", HoursKind.TRAVAIL_CHANTIER.name());
                f.put("minutes", 60 + 15 * (i % 8));
                f.put("deleted", false);
                ops.add(new Operation(++number, "hours_entry", HoursCell.id(
                        participant, TODAY.minusDays(day % 28), HoursKind.TRAVAIL_CHANTIER), site, f,
                        new Hlc(System.currentTimeMillis(), (int) (number % 1000), id).encode(), cursor));
            }
            day++;
            return new SyncRequest(SyncCodec.PROTOCOL, id, null, cursor, acknowledged, ops, false, null, null, null,
                    wholeRowsUpTo);
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println("[bench] " + text);
    }
}
