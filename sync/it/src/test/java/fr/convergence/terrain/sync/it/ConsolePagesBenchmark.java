package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.Hub;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.RequestLimits;
import fr.convergence.terrain.hub.console.AuditEntry;
import fr.convergence.terrain.hub.console.ConsoleAccount;
import fr.convergence.terrain.hub.console.ConsoleAccounts;
import fr.convergence.terrain.hub.console.ConsoleClient;
import fr.convergence.terrain.hub.console.Totp;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.hub.store.StoreImporter;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.protocol.ClientReport;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How long the hub console takes to serve each of its pages (issue 16: every page < 300 ms, docs/performance.md) on
 * the {@code national} demo imported into a SQLite hub (and a PostgreSQL one when {@code TERRAIN_TEST_PG_URL} is set),
 * with one laptop per worksite that reported itself and had a change refused, and 2,000 journal lines. Time of the
 * whole HTTP request on loopback, median and max of 20 after 5 warm-ups, for a national account. Not a test (excluded
 * unless -Pbench):
 * {@code ./mvnw -B -o -Pbench -pl sync/it -am test -Dtest=ConsolePagesBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ConsolePagesBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
    private static final PasswordHasher HASHER = new PasswordHasher(1000);

    @Test
    void everyConsolePageOnTheNationalDemo() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-console").toAbsolutePath());
        Path demo = dir.resolve("national.db");
        if (!Files.exists(demo)) {
            long start = System.nanoTime();
            try (TerrainStore store = TerrainStore.open(demo)) {
                new DemoDataGenerator(2023, TODAY).generate(store, DemoSize.NATIONAL, HASHER);
            }
            log("national demo generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        List<String> urls = new ArrayList<>();
        // -Dterrain.bench.hub=FILE: a SQLite hub made by an earlier run (the import, 30 min on a loaded machine, then
        // only completes what it lacks: the importer leaves rows already on the hub as they are).
        String reused = System.getProperty("terrain.bench.hub");
        urls.add("jdbc:sqlite:" + (reused != null ? Path.of(reused).toAbsolutePath()
                : dir.resolve("hub-" + System.nanoTime() + ".db")));
        if (System.getenv("TERRAIN_TEST_PG_URL") != null) {
            urls.add(PostgresSupport.freshSchemaUrl());
        }
        for (String url : urls) {
            try (JooqHubStore hubStore = JooqHubStore.open(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
                 TerrainStore source = TerrainStore.open(demo)) {
                measure(hubStore, source);
            }
        }
    }

    /** Printed, and appended to target/bench-console/results.txt (surefire shows the output only at the end). */
    private static void log(String format, Object... values) {
        String line = String.format(format, values);
        System.out.print(line);
        try {
            Files.writeString(Path.of("target", "bench-console", "results.txt"), line,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void measure(JooqHubStore hubStore, TerrainStore source) throws Exception {
        new AuthService(source, HASHER).signIn("admin", DemoDataGenerator.DEMO_PASSWORD.toCharArray()).orElseThrow();
        hubStore.write(tx -> {
            ReferenceData.load().worksites().forEach(w -> tx.addWorksite(w.id(), w.territoryId()));
            return null;
        });
        long start = System.nanoTime();
        // -Dterrain.bench.noImport=true: measure on the reused hub as it is (its row count is printed).
        if (!Boolean.getBoolean("terrain.bench.noImport")) {
            StoreImporter.importStore(source, hubStore);
        }
        log("%s: national demo imported in %.1f s, rows %s%n", hubStore.databaseKind(),
                (System.nanoTime() - start) / 1e9, hubStore.read(r -> r.rowCounts()).values().stream()
                        .mapToLong(Long::longValue).sum());
        String login = "nadia" + System.nanoTime() % 100_000;
        String secret = new ConsoleAccounts(hubStore, Clock.systemUTC(), HASHER).add(login, "Nadia",
                ConsoleAccount.Role.NATIONAL, null, "mot-de-passe-national".toCharArray(), false).totpSecret();
        for (int i = 0; i < 2000; i++) {
            hubStore.audit(new AuditEntry(System.currentTimeMillis() - i * 60_000L, login, "enrolment-code-issued",
                    "worksite=w" + i + " days=7"));
        }
        try (Hub hub = Hub.create(HubConfig.defaults(0).withRequestLimits(RequestLimits.defaults()
                .withoutRateLimits()), hubStore, Clock.systemUTC())) {
            URI url = URI.create("http://127.0.0.1:" + hub.port());
            // The first exchange of the day reviews every file for archiving (issue 14): on a freshly imported national
            // hub, the first such review took over a minute here.
            HttpHubClient laptops = new HttpHubClient(url, null, Duration.ofSeconds(900));
            String someDevice = null;
            for (WorksiteInfo w : hubStore.allWorksites()) {
                String code = hub.enrolments().issueCode("worksite", w.id(), "Poste " + w.id(), Duration.ofDays(1));
                String id = UUID.randomUUID().toString();
                String token = hub.enrolments().enrol(code, id, "portable").orElseThrow().token();
                // moreOperations: the hub applies and answers no page (the benchmark is the console, not the pull).
                laptops.exchange(token, new SyncRequest(SyncCodec.PROTOCOL, id, null, 0, 0,
                        List.of(new Operation(1, "table_inconnue", UUID.randomUUID().toString(), w.id(),
                                Map.of("a", 1), "018e4a1b2c3d-0000-poste", 0)), true, null, null, null, null,
                        new ClientReport("0.3.0", "personne", 2, System.currentTimeMillis() - 86_400_000L)));
                someDevice = id;
            }
            ConsoleClient nadia = new ConsoleClient(url.toString());
            HttpResponse<String> form = nadia.get("/console/connexion");
            nadia.post("/console/connexion", "csrf", ConsoleClient.csrf(form), "login", login, "password",
                    "mot-de-passe-national");
            HttpResponse<String> factor = nadia.get("/console/second-facteur");
            nadia.post("/console/second-facteur", "csrf", ConsoleClient.csrf(factor), "code",
                    Totp.codeAt(secret, System.currentTimeMillis()));
            if (nadia.get("/console").statusCode() != 200) {
                throw new AssertionError("not signed in");
            }
            log("%s: page | median ms | max ms | bytes%n", hubStore.databaseKind());
            for (String page : List.of("/console", "/console/postes", "/console/postes.csv",
                    "/console/postes/" + someDevice + "/historique", "/console/sante", "/console/sante.csv",
                    "/console/journal", "/console/journal?page=40", "/console/mot-de-passe")) {
                List<Double> millis = new ArrayList<>();
                int bytes = 0;
                for (int run = 0; run < 25; run++) {
                    long t = System.nanoTime();
                    HttpResponse<String> response = nadia.get(page);
                    double ms = (System.nanoTime() - t) / 1e6;
                    if (response.statusCode() != 200) {
                        throw new AssertionError(page + " answered " + response.statusCode());
                    }
                    bytes = response.body().length();
                    if (run >= 5) {
                        millis.add(ms);
                    }
                }
                Collections.sort(millis);
                log("%s: %s | %.1f | %.1f | %d%n", hubStore.databaseKind(), page,
                        millis.get(millis.size() / 2), millis.get(millis.size() - 1), bytes);
            }
        }
    }
}
