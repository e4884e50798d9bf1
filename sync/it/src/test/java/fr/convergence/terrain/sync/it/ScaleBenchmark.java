package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferralRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.report.YearlyTable;
import fr.convergence.terrain.hub.report.YearlyTables;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.hub.sync.Audience;
import fr.convergence.terrain.hub.sync.Enrolments;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hub with the demo data times {@code bench.scale} (issue 17: {@code national} × 10, ≈ 80,000 people over five
 * years): the demo generated ({@code terrain demo --scale}), imported by {@code terrain-hub import} in a JVM of its
 * own with {@code -Xmx512m}, then served by {@code terrain-hub serve} with the hub's shipped JVM options
 * ({@link ChildHub#SHIPPED_OPTIONS}; {@code -Dbench.scale.hub.opts="…"} others). On loopback: a new worksite laptop's
 * first sync (time, rows a second), an incremental sync of a day's edits (50 hours cells, 5 notes, 2 referral moves),
 * the hub's peak resident memory, the console's yearly table (first view, and after each incremental sync) and the
 * yearly table of {@code terrain-hub report} (shipped options, JVM start included). SQLite, then PostgreSQL with
 * {@code TERRAIN_TEST_PG_URL}. Median of {@code bench.scale.runs} (3).
 * The demo store and the SQLite hub are kept in {@code target/bench-scale/} and reused by the next run
 * ({@code -Dbench.scale.store=FILE} takes a store made by {@code terrain demo} instead). Not a test (excluded unless
 * -Pbench): {@code ./mvnw -B -o -Pbench -pl sync/it -am test -Dtest=ScaleBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.size=national] [-Dbench.scale=10] [-Dbench.scale.sqlite=false]}.
 */
class ScaleBenchmark {

    private static final DemoSize SIZE = DemoSize.valueOf(System.getProperty("bench.size", "national")
            .toUpperCase(java.util.Locale.ROOT));
    private static final int SCALE = Integer.getInteger("bench.scale", 10);
    private static final int RUNS = Integer.getInteger("bench.scale.runs", 3);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final PasswordHasher HASHER = new PasswordHasher(1000);
    private static final String WORKSITE = "abej-solidarite";
    private static final List<String> SYNCED_TABLES = List.of("participant", "enrolment", "phc_step", "hours_entry",
            "support_note", "support_note_revision", "referral", "referral_status_change", "follow_up");

    @Test
    void theHubWithTheDemoTimesTen() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-scale").toAbsolutePath());
        String name = SIZE.name().toLowerCase(java.util.Locale.ROOT) + "-x" + SCALE;
        Path demo = System.getProperty("bench.scale.store") != null ? Path.of(System.getProperty("bench.scale.store"))
                : dir.resolve(name + ".db");
        if (!Files.exists(demo)) {
            // Made under another name and renamed once complete: an interrupted run leaves nothing to reuse.
            Path part = dir.resolve(name + ".part");
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(dir.resolve(part.getFileName() + suffix));
            }
            long start = System.nanoTime();
            DemoDataGenerator.Summary summary;
            try (TerrainStore store = TerrainStore.open(part)) {
                summary = new DemoDataGenerator(2023, TODAY).generate(store, SIZE, SCALE, HASHER);
            }
            Files.move(part, demo);
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows = syncedRows(demo);
            System.out.printf("SCALE demo %s generated: %d worksites, %d people, %d rows in %.1f s (%.0f rows/s), "
                    + "%d MB, load %s%n", name, summary.worksiteIds().size(), summary.participants(), rows, seconds,
                    rows / seconds, Files.size(demo) >> 20, load());
        }
        long demoRows = syncedRows(demo);
        System.out.printf("SCALE demo %s: %d synced rows, %d MB%n", demo.getFileName(), demoRows,
                Files.size(demo) >> 20);

        Path sqlite = dir.resolve("hub-" + name + ".db");
        // -Dbench.scale.sqlite=false: PostgreSQL only.
        boolean onSqlite = Boolean.parseBoolean(System.getProperty("bench.scale.sqlite", "true"));
        if (onSqlite && !Files.exists(sqlite)) {
            Path part = dir.resolve("hub-" + name + ".part");
            // With its journal: a stale WAL of an interrupted run would be replayed into the new file.
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(dir.resolve(part.getFileName() + suffix));
            }
            importInChildJvm("SQLite", "jdbc:sqlite:" + part, demo, demoRows, dir);
            Files.move(part, sqlite);
        }
        if (onSqlite) {
            measure("SQLite", "jdbc:sqlite:" + sqlite, dir);
        }

        if (System.getenv("TERRAIN_TEST_PG_URL") != null) {
            String url = System.getProperty("bench.scale.pg");
            if (url == null) {
                url = PostgresSupport.freshSchemaUrl();
                importInChildJvm("PostgreSQL", url, demo, demoRows, dir);
                System.out.println("SCALE PostgreSQL hub kept for the next run: -Dbench.scale.pg=" + url);
            }
            measure("PostgreSQL", url, dir);
        }
    }

    /** {@code terrain-hub import} in its own JVM with 512 MB of heap, as an operator would run it. */
    private static void importInChildJvm(String database, String url, Path demo, long rows, Path dir)
            throws Exception {
        Child child = Child.hubCommand(dir.resolve("import-" + database + ".log"), "import", "--db", url, "--store",
                demo.toString());
        System.out.printf("SCALE %s import (terrain-hub import, -Xmx512m): exit %d, %d rows in %.1f s (%.0f rows/s), "
                        + "peak memory %d MiB (RSS), load %s%n", database, child.exit(), rows, child.seconds(),
                rows / child.seconds(), child.peakMebibytes(), load());
        assertThat(child.exit()).as("import, see " + child.log()).isZero();
    }

    private static void measure(String database, String url, Path dir) throws Exception {
        List<String> hubOptions = System.getProperty("bench.scale.hub.opts") == null ? ChildHub.SHIPPED_OPTIONS
                : List.of(System.getProperty("bench.scale.hub.opts").split(" "));
        try (JooqHubStore codes = JooqHubStore.open(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
             ChildHub hub = new ChildHub(url, dir, hubOptions)) {
            System.out.printf("SCALE %s hub rows: %s%n", database, codes.read(r -> r.rowCounts()));
            Enrolments enrolments = new Enrolments(codes, Clock.systemUTC());
            // The console's yearly table, as a hub process computes it: the first view reads the country, a view
            // after a change reads what changed since (this JVM stands for the hub's; the serving hub is another).
            YearlyTables console = new YearlyTables(codes, Clock.systemUTC());
            List<Double> afterChange = new ArrayList<>();
            double firstView = yearlyTableSeconds(console);
            System.out.printf("SCALE %s console yearly table, first view: %.2f s, load %s%n", database, firstView,
                    load());
            List<Double> first = new ArrayList<>();
            List<Double> incremental = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Path file = dir.resolve("laptop-" + System.nanoTime() + ".db");
                try (TerrainStore laptop = TerrainStore.open(file)) {
                    // A worksite's laptop, installed by its coordinator (the first account of an installation is one).
                    new SetupService().install(laptop, HASHER, WORKSITE, "coordination", "Coordination",
                            Role.COORDINATOR,
                            "lune-rouge-mardi".toCharArray(), "lune-rouge-mardi".toCharArray()).value().orElseThrow();
                    SyncEngine engine = new SyncEngine(laptop, new HttpHubClient(hub.url(), null,
                            Duration.ofSeconds(1200)));
                    engine.enrol(hub.url().toString(), enrolments.issueCode("worksite", WORKSITE, "banc-" + run,
                            Duration.ofHours(1)), "banc-" + run);
                    SyncReport report = engine.sync(SyncProgress.NONE);
                    first.add(report.millis() / 1000.0);
                    System.out.printf("SCALE %s first sync of a worksite laptop: %d rows, %d pages, %d requests, "
                                    + "%d KB down, %.2f s (%.0f rows/s), load %s%n", database, report.rowsReceived(),
                            report.pages(), report.requests(), report.bytesDown() >> 10, report.millis() / 1000.0,
                            report.rowsReceived() * 1000.0 / Math.max(1, report.millis()), load());
                    assertThat(report.rowsReceived()).isPositive();

                    aDaysEdits(laptop, WORKSITE, TODAY, run);
                    SyncReport day = engine.sync(SyncProgress.NONE);
                    incremental.add(day.millis() / 1000.0);
                    System.out.printf("SCALE %s incremental sync (50 hours cells, 5 notes, 2 referral moves): "
                                    + "%d operations sent, %d acknowledged, %d refused, %d rows received, %d requests, "
                                    + "%.2f s, load %s%n", database, day.operationsSent(),
                            day.operationsAcknowledged(), day.refused(), day.rowsReceived(), day.requests(),
                            day.millis() / 1000.0, load());
                    afterChange.add(yearlyTableSeconds(console));
                    System.out.printf("SCALE %s console yearly table after that sync: %.2f s, load %s%n", database,
                            afterChange.get(afterChange.size() - 1), load());
                    if (day.refused() > 0) {
                        System.out.println("SCALE first refusal: "
                                + new SyncRepository(laptop).quarantine().get(0));
                    }
                    assertThat(day.refused()).as("a day's edits, none refused").isZero();
                    assertThat(new SyncRepository(laptop).snapshot()).as("the laptop holds its worksite as the hub")
                            .isEqualTo(SyncWorld.snapshot(codes, Set.of(WORKSITE), Audience.FILES_IN_USE));
                }
                Files.deleteIfExists(file);
            }
            System.out.printf("SCALE %s first sync of a worksite laptop: median %.2f s (runs %s)%n", database,
                    median(first), first);
            System.out.printf("SCALE %s incremental sync: median %.2f s (runs %s)%n", database, median(incremental),
                    incremental);
            System.out.printf("SCALE %s console yearly table after a change: median %.2f s (runs %s)%n", database,
                    median(afterChange), afterChange);
            long peak = hub.peakResidentMebibytes();
            System.out.printf("SCALE %s hub peak memory while serving: %d MiB (RSS, %s)%n", database, peak,
                    String.join(" ", hubOptions));
            assertThat(peak << 20).as("the serving hub's memory (issue 17: under 512 MB)").isLessThan(512_000_000L);
        }
        List<Double> yearly = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Path csv = dir.resolve("yearly-" + database + ".csv");
            Child report = Child.hubCommand(dir.resolve("report-" + database + ".log"), "report", "--db", url,
                    "--year", String.valueOf(TODAY.getYear()), "--format", "csv", "--output", csv.toString());
            assertThat(report.exit()).as("report, see " + report.log()).isZero();
            yearly.add(report.seconds());
            System.out.printf("SCALE %s yearly table (terrain-hub report --year %d, shipped options, JVM start included): "
                            + "%.1f s, peak memory %d MiB (RSS), %d lines, load %s%n", database, TODAY.getYear(),
                    report.seconds(), report.peakMebibytes(), Files.readAllLines(csv).size(), load());
        }
        System.out.printf("SCALE %s yearly table: median %.1f s (runs %s)%n", database, median(yearly), yearly);
    }

    /** The country by territory with its total, as the console shows it to the national team. */
    private static double yearlyTableSeconds(YearlyTables tables) {
        long start = System.nanoTime();
        YearlyTable table = tables.national(TODAY.getYear(), territory -> true, true);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(table.lines()).isNotEmpty();
        return seconds;
    }

    /**
     * An educator's day on the laptop of {@code worksite}: 50 hours cells of the week before the demo's {@code today},
     * 5 notes, 2 referrals moved on.
     */
    static void aDaysEdits(TerrainStore laptop, String worksite, LocalDate today, int run) {
        // The week before the demo's « today », whatever the day the benchmark runs: the demo's contracts are
        // made around it.
        LocalDate monday = today.minusWeeks(1).with(DayOfWeek.MONDAY);
        // People under contract all that week: the hub refuses hours outside a contract.
        Set<String> working = new EnrolmentRepository(laptop).ofWorksite(worksite).stream()
                .filter(e -> !e.entryDate().isAfter(monday)
                        && (e.exitDate() == null || !e.exitDate().isBefore(monday.plusDays(4))))
                .map(Enrolment::participantId).collect(Collectors.toSet());
        List<Participant> people = new ParticipantRepository(laptop).ofWorksite(worksite).stream()
                .filter(p -> working.contains(p.id())).toList();
        Edits edits = new Edits(laptop, "cip");
        // Corrections of the week's hours already typed (old rows edited, as at many a day's end), each lowered by a
        // quarter to three quarters of an hour: hours added could take a week over its contract's 35 h, which the
        // hub rightly refuses (seen on a worksite of the territory demo).
        Map<String, Participant> byId = people.stream().collect(Collectors.toMap(Participant::id, p -> p));
        List<HoursEntry> typed = new HoursRepository(laptop).ofWorksite(worksite, monday, monday.plusDays(4)).stream()
                .filter(h -> byId.containsKey(h.participantId()) && h.kind() == HoursKind.TRAVAIL_CHANTIER
                        && h.minutes() >= 90)
                .sorted(Comparator.comparing(HoursEntry::id)).toList();
        for (int cell = 0; cell < 50 && !typed.isEmpty(); cell++) {
            HoursEntry h = typed.get(cell % typed.size());
            edits.hours(byId.get(h.participantId()), h.day(), h.kind(), h.minutes() - 15 * (1 + (cell + run) % 3));
        }
        for (int note = 0; note < 5; note++) {
            edits.note(people.get(note % people.size()), "Note de fin de journée n° " + note);
        }
        // Referrals still open (the hub is kept from run to run, and refuses a move of a closed one).
        List<Referral> open = new ReferralRepository(laptop).ofWorksite(worksite).stream()
                .filter(r -> r.status() == ReferralStatus.BROUILLON || r.status() == ReferralStatus.ENVOYEE).toList();
        for (Referral referral : open.subList(0, Math.min(2, open.size()))) {
            edits.move(referral.id(), referral.status() == ReferralStatus.BROUILLON ? ReferralStatus.ENVOYEE
                    : ReferralStatus.EN_COURS);
        }
    }

    private static long syncedRows(Path demo) throws Exception {
        long rows = 0;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + demo);
             java.sql.Statement sql = c.createStatement()) {
            for (String table : SYNCED_TABLES) {
                try (java.sql.ResultSet r = sql.executeQuery("SELECT count(*) FROM " + table)) {
                    r.next();
                    rows += r.getLong(1);
                }
            }
        }
        return rows;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** A {@code terrain-hub} command in a JVM of its own; its peak resident memory sampled. */
    private record Child(int exit, double seconds, long peakMebibytes, Path log) {

        static Child hubCommand(Path log, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            // The import with the heap its documentation gives; the other commands with the hub's shipped options
            // (the launcher reads the same configuration for every command).
            command.addAll(args[0].equals("import") ? List.of("-Xmx512m") : ChildHub.SHIPPED_OPTIONS);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    "fr.convergence.terrain.hub.cli.HubCommand"));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("TERRAIN_PASSWORD", DemoDataGenerator.DEMO_PASSWORD);
            if (System.getenv("PGPASSWORD") != null) {
                builder.environment().put("TERRAIN_HUB_DB_PASSWORD", System.getenv("PGPASSWORD"));
            }
            long start = System.nanoTime();
            Process process = builder.start();
            Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
            long peak = 0;
            // VmHWM is the process's own peak: the last reading before it ends is the peak, to within a tenth of a
            // second of its life.
            while (!process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, highWaterMark(status));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String output = Files.readString(log, StandardCharsets.UTF_8);
            List<String> lines = output.strip().lines().toList();
            System.out.println("SCALE " + args[0] + " said (last line of " + lines.size() + "): "
                    + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
            return new Child(process.exitValue(), seconds, peak >> 10, log);
        }

        private static long highWaterMark(Path status) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException ended) {
                // the process ended between waitFor and the read
            }
            return 0;
        }
    }
}
