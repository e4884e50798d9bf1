package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.Hub;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.RequestLimits;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.hub.store.StoreImporter;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cost of encryption on a laptop's first sync (issue 14, docs/performance.md): the territory demo on a SQLite
 * hub, then five new coordinator laptops, each installed (its first account) and pulling the whole territory on
 * loopback, so the time is the hub's and the laptop's CPU, mostly the laptop applying ≈63,000 rows. Median of 5.
 * Uses only what main has too, so the same file runs before and after. Not a test (excluded unless -Pbench):
 * {@code ./mvnw -B -o -Pbench -pl sync/it -am test -Dtest=SyncApplyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SyncApplyBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
    private static final PasswordHasher HASHER = new PasswordHasher(1000);

    @Test
    void firstSyncOfATerritoryLaptop() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-apply").toAbsolutePath());
        Path demo = dir.resolve("territory-" + System.nanoTime() + ".db");
        try (TerrainStore store = TerrainStore.open(demo)) {
            new DemoDataGenerator(2023, TODAY).generate(store, DemoSize.TERRITORY, HASHER);
        }
        try (JooqHubStore hubStore = JooqHubStore.sqlite(dir.resolve("hub-" + System.nanoTime() + ".db"));
             TerrainStore source = TerrainStore.open(demo)) {
            new AuthService(source, HASHER).signIn("admin", DemoDataGenerator.DEMO_PASSWORD.toCharArray())
                    .orElseThrow();
            hubStore.write(tx -> {
                ReferenceData.load().worksites().forEach(w -> tx.addWorksite(w.id(), w.territoryId()));
                return null;
            });
            StoreImporter.importStore(source, hubStore);
            String territory = source.read(sql -> sql.fetchOne("SELECT territory_id FROM worksite WHERE id = ?",
                    "abej-solidarite").get(0, String.class));
            try (Hub hub = Hub.create(HubConfig.defaults(0).withRequestLimits(RequestLimits.defaults()
                    .withoutRateLimits()), hubStore, Clock.systemUTC())) {
                URI url = URI.create("http://127.0.0.1:" + hub.port());
                List<Double> seconds = new ArrayList<>();
                int rows = 0;
                for (int run = 0; run < 5; run++) {
                    try (TerrainStore laptop = TerrainStore.open(dir.resolve("laptop-" + System.nanoTime() + ".db"))) {
                        new SetupService().install(laptop, HASHER, "abej-solidarite", "coordination",
                                "Coordination", Role.COORDINATOR, "lune-rouge-mardi".toCharArray(),
                                "lune-rouge-mardi".toCharArray()).value().orElseThrow();
                        SyncEngine engine = new SyncEngine(laptop, new HttpHubClient(url, null,
                                Duration.ofSeconds(600)));
                        engine.enrol(url.toString(), hub.enrolments().issueCode("territory", territory, "bench",
                                Duration.ofDays(1)), "bench");
                        SyncReport report = engine.sync(SyncProgress.NONE);
                        seconds.add(report.millis() / 1000.0);
                        rows = report.rowsReceived();
                    }
                }
                List<Double> sorted = new ArrayList<>(seconds);
                Collections.sort(sorted);
                System.out.printf("SYNC-APPLY first sync of a territory laptop on loopback: %d rows, median %.2f s "
                        + "(runs %s), load %s%n", rows, sorted.get(2), seconds,
                        Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            }
        }
    }
}
