package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.report.MonthlyStatement;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.Hub;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.RequestLimits;
import fr.convergence.terrain.hub.console.ConsoleAccount;
import fr.convergence.terrain.hub.console.ConsoleAccounts;
import fr.convergence.terrain.hub.console.ConsoleClient;
import fr.convergence.terrain.hub.console.Totp;
import fr.convergence.terrain.hub.report.HubReportData;
import fr.convergence.terrain.hub.report.MonthlyStatements;
import fr.convergence.terrain.hub.report.YearlyTable;
import fr.convergence.terrain.hub.report.YearlyTables;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.hub.store.StoreImporter;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The yearly table on the {@code national} demo imported into a hub (issue 16, docs/performance.md): the store's read,
 * the whole table (read + calculator), and the console's pages over HTTP on loopback, on SQLite then PostgreSQL
 * ({@code TERRAIN_TEST_PG_URL}); and a worksite's monthly statement ({@link #monthlyStatementOnTheNationalDemo}). Median of 3 after one warm-up. The demo store and the SQLite hub are kept in
 * {@code sync/it/target/bench-yearly/} and reused by the next run. Not a test (excluded unless -Pbench):
 * {@code ./mvnw -B -o -Pbench -pl sync/it -am test -Dtest=YearlyTableBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class YearlyTableBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final PasswordHasher HASHER = new PasswordHasher(1000);
    private static final int YEAR = 2026;
    /** Timed runs of each figure, after one warm-up ({@code -Dbench.yearly.runs}, default 3). */
    private static final int RUNS = Integer.getInteger("bench.yearly.runs", 3);

    @Test
    void yearlyTableOnTheNationalDemo() throws Exception {
        Path sqlite = nationalHub();
        long opening = System.nanoTime();
        try (JooqHubStore hub = JooqHubStore.sqlite(sqlite)) {
            // A hub filled by an older version is brought to the current schema here (schema 6 sums its hours).
            System.out.printf("YEARLY SQLite hub opened in %.1f s, load %s%n", (System.nanoTime() - opening) / 1e9,
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            measure("SQLite", hub);
        }
        if (System.getenv("TERRAIN_TEST_PG_URL") != null) {
            String url = System.getProperty("bench.yearly.pg");
            if (url == null) {
                url = PostgresSupport.freshSchemaUrl();
                JooqHubStore.open(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD")).close();
                copyToPostgres(sqlite, url);
                System.out.println("YEARLY PostgreSQL hub kept for the next run: -Dbench.yearly.pg=" + url);
            }
            try (JooqHubStore hub = JooqHubStore.open(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"))) {
                measure("PostgreSQL", hub);
            }
        }
    }

    /**
     * A worksite's monthly statement on the same hub (issue 16: every console page < 300 ms): the store's read of one
     * worksite and the calculator, then the console's page and its CSV over HTTP, for the worksite with the most
     * people under contract in November 2026 and for one of about 40. SQLite, and PostgreSQL when a hub of the yearly
     * benchmark is named ({@code -Dbench.yearly.pg=…}).
     */
    @Test
    void monthlyStatementOnTheNationalDemo() throws Exception {
        Path sqlite = nationalHub();
        try (JooqHubStore hub = JooqHubStore.sqlite(sqlite)) {
            measureMonthly("SQLite", hub);
        }
        String url = System.getProperty("bench.yearly.pg");
        if (url != null) {
            try (JooqHubStore hub = JooqHubStore.open(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"))) {
                measureMonthly("PostgreSQL", hub);
            }
        }
    }

    private static void measureMonthly(String database, JooqHubStore hub) throws Exception {
        YearMonth month = YearMonth.of(YEAR, 11);
        MonthlyStatements statements = new MonthlyStatements(hub);
        List<WorksiteInfo> worksites = hub.allWorksites();
        Map<String, Integer> people = new TreeMap<>();
        for (WorksiteInfo w : worksites) {
            people.put(w.id(), statements.statement(w, month).totals().people());
        }
        String largest = people.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String forty = people.entrySet().stream().min(java.util.Comparator.comparing(
                (Map.Entry<String, Integer> e) -> Math.abs(e.getValue() - 40))).orElseThrow().getKey();
        String login = "banc" + System.nanoTime() % 1_000_000;
        String secret = new ConsoleAccounts(hub, Clock.systemUTC(), HASHER).add(login, "Banc d’essai",
                ConsoleAccount.Role.NATIONAL, null, "mot-de-passe-banc".toCharArray(), false).totpSecret();
        try (Hub server = Hub.create(HubConfig.defaults(0).withHost("127.0.0.1").withRequestLimits(
                RequestLimits.defaults().withoutRateLimits()), hub, Clock.systemUTC())) {
            ConsoleClient client = signedIn(server, login, secret);
            for (String worksite : List.of(largest, forty)) {
                WorksiteInfo info = worksites.stream().filter(w -> w.id().equals(worksite)).findFirst().orElseThrow();
                MonthlyStatement statement = statements.statement(info, month);
                String what = worksite + " " + month + " (" + statement.totals().people() + " people, "
                        + statement.totals().workedMinutes() / 60 + " h)";
                // A change on the hub before each run (a worksite's description written: a new sequence, as any
                // synced row gives), so that the statement is read from the store each time, as after a sync.
                int[] run = {0};
                Runnable change = () -> hub.write(tx -> tx.putWorksite(new WorksiteInfo("zz-banc", null,
                        run[0]++ % 2 == 0 ? "A" : "B", null, null, null, null)));
                time(database, "monthly statement " + what + ", right after a change (store read + calculator)",
                        () -> {
                            change.run();
                            return statements.statement(info, month);
                        });
                String path = "/console/releve-mensuel?chantier=" + worksite + "&mois=" + month;
                time(database, "page " + path + " right after a change", () -> {
                    change.run();
                    return page(client, path);
                });
                time(database, "page " + path + " hub unchanged", () -> page(client, path));
                time(database, "page " + path + "&format=csv hub unchanged", () -> page(client, path
                        + "&format=csv"));
            }
        }
    }

    private static ConsoleClient signedIn(Hub server, String login, String secret) {
        ConsoleClient client = new ConsoleClient("http://127.0.0.1:" + server.port());
        HttpResponse<String> form = client.get("/console/connexion");
        client.post("/console/connexion", "csrf", ConsoleClient.csrf(form), "login", login, "password",
                "mot-de-passe-banc");
        HttpResponse<String> factor = client.get("/console/second-facteur");
        client.post("/console/second-facteur", "csrf", ConsoleClient.csrf(factor), "code",
                Totp.codeAt(secret, System.currentTimeMillis()));
        return client;
    }

    /** The SQLite hub filled from the national demo, both made once into {@code target/bench-yearly/}. */
    private static Path nationalHub() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-yearly").toAbsolutePath());
        Path demo = dir.resolve("national.db");
        if (!Files.exists(demo)) {
            // Made under another name and renamed once complete: an interrupted run leaves nothing to reuse.
            Path part = dir.resolve("national.part");
            Files.deleteIfExists(part);
            long start = System.nanoTime();
            try (TerrainStore store = TerrainStore.open(part)) {
                new DemoDataGenerator(2023, TODAY).generate(store, DemoSize.NATIONAL, HASHER);
            }
            Files.move(part, demo);
            System.out.printf("YEARLY demo national generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        Path sqlite = dir.resolve("hub.db");
        if (!Files.exists(sqlite)) {
            Path part = dir.resolve("hub.part");
            Files.deleteIfExists(part);
            if (Boolean.getBoolean("bench.yearly.importer")) {
                try (JooqHubStore hub = JooqHubStore.sqlite(part)) {
                    importDemo(demo, hub);
                }
            } else {
                copyBySql(demo, part);
            }
            Files.move(part, sqlite);
        }
        return sqlite;
    }

    /** The hub's own import (StoreImporter, as terrain-hub import): ≈ 45 min for the national demo here, under load. */
    private static void importDemo(Path demo, JooqHubStore hub) {
        long start = System.nanoTime();
        try (TerrainStore source = TerrainStore.open(demo)) {
            new AuthService(source, HASHER).signIn("admin", DemoDataGenerator.DEMO_PASSWORD.toCharArray())
                    .orElseThrow();
            putReferenceWorksites(hub);
            System.out.printf("YEARLY SQLite import: %s in %.1f s%n", StoreImporter.importStore(source, hub),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static void putReferenceWorksites(JooqHubStore hub) {
        hub.write(tx -> {
            ReferenceData.load().worksites().forEach(w -> tx.putWorksite(new fr.convergence.terrain.sync.protocol
                    .WorksiteInfo(w.id(), w.name(), w.city(), w.region(), w.territoryId(), w.runsPhc(), w.runsCvg())));
            return null;
        });
    }

    /**
     * The rows the yearly table reads (enrolments, PHC steps, hours), copied from the demo store into the hub's
     * {@code hub_row} by SQL in the shape the hub keeps them ({@code data} as the import writes it; {@code meta}, the
     * per-field write history the yearly table never reads, left empty): minutes instead of the importer's ≈ 45.
     */
    private static void copyBySql(Path demo, Path hubFile) throws Exception {
        long start = System.nanoTime();
        try (JooqHubStore hub = JooqHubStore.sqlite(hubFile)) {
            putReferenceWorksites(hub);
        }
        String flag = "json(CASE WHEN deleted THEN 'true' ELSE 'false' END)";
        String tail = ", '{}', version, updated_by, 1, 1, 1, CASE WHEN deleted THEN 1 ELSE NULL END FROM demo.";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + hubFile);
             java.sql.Statement sql = c.createStatement()) {
            sql.execute("ATTACH DATABASE '" + demo + "' AS demo");
            c.setAutoCommit(false);
            sql.executeUpdate("INSERT INTO hub_row SELECT 'enrolment', id, worksite_id, participant_id, json_object("
                    + "'participant_id', participant_id, 'worksite_id', worksite_id, 'programme', programme, "
                    + "'contract_type', contract_type, 'entry_date', entry_date, 'contract_end_date', "
                    + "contract_end_date, 'weekly_hours', weekly_hours, 'derogation_kind', derogation_kind, "
                    + "'derogation_end_date', derogation_end_date, 'extension_reason', NULL, 'exit_date', exit_date, "
                    + "'exit_category', exit_category, 'exit_reason', exit_reason, 'deleted', " + flag + ")" + tail
                    + "enrolment");
            sql.executeUpdate("INSERT INTO hub_row SELECT 'phc_step', s.id, s.worksite_id, e.participant_id, "
                    + "json_object('enrolment_id', s.enrolment_id, 'worksite_id', s.worksite_id, 'target_hours', "
                    + "s.target_hours, 'start_date', s.start_date, 'deleted', json(CASE WHEN s.deleted THEN 'true' "
                    + "ELSE 'false' END)), '{}', s.version, s.updated_by, 1, 1, 1, CASE WHEN s.deleted THEN 1 ELSE "
                    + "NULL END FROM demo.phc_step s JOIN demo.enrolment e ON e.id = s.enrolment_id");
            sql.executeUpdate("INSERT INTO hub_row SELECT 'hours_entry', id, worksite_id, participant_id, json_object("
                    + "'participant_id', participant_id, 'worksite_id', worksite_id, 'work_day', work_day, 'kind', "
                    + "kind, 'minutes', minutes, 'deleted', " + flag + ")" + tail + "hours_entry");
            c.commit();
        }
        System.out.printf("YEARLY SQLite hub filled by SQL in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** The SQLite hub's rows copied into the PostgreSQL hub with COPY. */
    private static void copyToPostgres(Path sqlite, String url) throws Exception {
        long start = System.nanoTime();
        try (JooqHubStore hub = JooqHubStore.open(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"))) {
            putReferenceWorksites(hub);
        }
        String columns = "table_name, row_id, worksite_id, participant_id, data, meta, version, updated_by, seq, "
                + "created_seq, moved_seq, deleted_at";
        long rows = 0;
        try (java.sql.Connection from = java.sql.DriverManager.getConnection("jdbc:sqlite:" + sqlite);
             java.sql.Statement read = from.createStatement();
             java.sql.Connection to = java.sql.DriverManager.getConnection(url, System.getenv("PGUSER"),
                     System.getenv("PGPASSWORD"))) {
            org.postgresql.copy.CopyManager copy = to.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            java.sql.ResultSet r = read.executeQuery("SELECT " + columns + " FROM hub_row");
            StringBuilder csv = new StringBuilder();
            while (r.next()) {
                for (int i = 1; i <= 12; i++) {
                    String value = r.getString(i);
                    csv.append(i > 1 ? "," : "").append(value == null ? ""
                            : "\"" + value.replace("\"", "\"\"") + "\"");
                }
                csv.append('\n');
                if (++rows % 50_000 == 0) {
                    copy.copyIn("COPY hub_row (" + columns + ") FROM STDIN WITH (FORMAT csv)",
                            new java.io.StringReader(csv.toString()));
                    csv.setLength(0);
                }
            }
            copy.copyIn("COPY hub_row (" + columns + ") FROM STDIN WITH (FORMAT csv)",
                    new java.io.StringReader(csv.toString()));
            try (java.sql.Statement analyze = to.createStatement()) {
                analyze.execute("ANALYZE hub_row");
            }
        }
        System.out.printf("YEARLY PostgreSQL hub filled by COPY: %d rows in %.1f s%n", rows,
                (System.nanoTime() - start) / 1e9);
    }

    private static void measure(String database, JooqHubStore hub) throws Exception {
        YearlyTables tables = new YearlyTables(hub, Clock.systemUTC());
        HubReportData data = hub.reportData(LocalDate.of(YEAR - 1, 1, 1), LocalDate.of(YEAR, 12, 31));
        System.out.printf("YEARLY %s data: %d worksites, %d enrolments, %d worksites with hours, rows %s%n", database,
                data.worksites().size(), data.enrolments().size(), data.minutesByWorksite().size(), hub.read(
                        r -> r.rowCounts()));
        time(database, "store read (2 years)", () -> hub.reportData(LocalDate.of(YEAR - 1, 1, 1),
                LocalDate.of(YEAR, 12, 31)));
        // Cold: a new YearlyTables each time, so the store is read (as after any change on the hub).
        YearlyTable national = time(database, "yearly table, country by territory, store read", () ->
                new YearlyTables(hub, Clock.systemUTC()).national(YEAR, t -> true, true));
        time(database, "yearly table, country by territory, hub unchanged since the last read",
                () -> tables.national(YEAR, t -> true, true));
        System.out.printf("YEARLY %s figures 2026: file active %d, hours %d h, %d territories%n", database,
                national.total().current().activeCaseload().total(),
                national.total().current().hours().totalMinutes() / 60, national.lines().size());
        time(database, "yearly table, Lille by worksite", () -> tables.territory(YEAR, "lille").orElseThrow());
        time(database, "yearly table, a worksite by month", () -> tables.worksite(YEAR, "abej-solidarite")
                .orElseThrow());

        String login = "banc" + System.nanoTime() % 1_000_000;
        String secret = new ConsoleAccounts(hub, Clock.systemUTC(), HASHER).add(login, "Banc d’essai",
                ConsoleAccount.Role.NATIONAL, null, "mot-de-passe-banc".toCharArray(), false).totpSecret();
        try (Hub server = Hub.create(HubConfig.defaults(0).withHost("127.0.0.1").withRequestLimits(
                RequestLimits.defaults().withoutRateLimits()), hub, Clock.systemUTC())) {
            ConsoleClient client = signedIn(server, login, secret);
            for (String path : List.of("/console", "/console/postes", "/console/tableau-annuel?annee=2026",
                    "/console/tableau-annuel/territoires/lille?annee=2026",
                    "/console/tableau-annuel/chantiers/abej-solidarite?annee=2026",
                    "/console/tableau-annuel?annee=2026&format=csv")) {
                time(database, "page " + path, () -> page(client, path));
                if (path.equals("/console/tableau-annuel?annee=2026")) {
                    // The first view after a sync changed something: a worksite's description is written, which
                    // gives the hub a new sequence as any synced row would.
                    int[] run = {0};
                    time(database, "page " + path + " right after a change on the hub", () -> {
                        hub.write(tx -> tx.putWorksite(new fr.convergence.terrain.sync.protocol.WorksiteInfo(
                                "abej-solidarite", null, run[0]++ % 2 == 0 ? "Lille (Nord)" : "Lille (59)", null, null,
                                null, null)));
                        return page(client, path);
                    });
                }
            }
        }
    }

    private static HttpResponse<String> page(ConsoleClient client, String path) {
        HttpResponse<String> page = client.get(path);
        if (page.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + page.statusCode());
        }
        return page;
    }

    private static <T> T time(String database, String what, Supplier<T> work) throws Exception {
        T value = work.get();
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            value = work.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("YEARLY %s %s: median %.0f ms (runs %s), load %s%n", database, what,
                sorted.get(RUNS / 2),
                millis.stream().map(m -> String.format("%.0f", m)).toList(),
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        return value;
    }
}
