package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.RequestLimits;
import fr.convergence.terrain.hub.store.StoreImporter;
import fr.convergence.terrain.hub.sync.Audience;
import fr.convergence.terrain.hub.sync.ScopeCheck;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import fr.convergence.terrain.sync.client.store.StoreCheck;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.TableChecksum;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of a laptop while it applies the pages of its first sync (issue 17, faults): a territory laptop pulls the
 * site demo's data from a hub, in small pages, in a JVM of its own ({@link KillableSync}), killed at a random
 * moment after a random number of pages. After each kill the store opens and passes SQLite's
 * {@code integrity_check}; started again, its sync completes and its synced tables have exactly the counts and
 * checksums the hub computes for its scope ({@link ScopeCheck}, {@code terrain check}) and the hub's rows. Each page
 * and its cursor commit together, so a kill loses at most the page being applied, which the next sync asks again.
 * {@value #DEFAULT_RUNS} runs in the normal build; {@code -Dterrain.kill.runs=200} for the long version
 * ({@code docs/performance.md}), as {@code StoreKillTest}.
 */
class SyncApplyKillTest {

    static final int DEFAULT_RUNS = 3;
    /** JSON-equivalent bytes a page: the site demo comes in a few dozen pages. */
    private static final int PAGE_BYTES = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void aLaptopKilledWhileApplyingItsFirstSyncOpensSoundAndThenHoldsItsScopeAsTheHubDoes() throws Exception {
        int runs = Integer.getInteger("terrain.kill.runs", DEFAULT_RUNS);
        long seed = Long.getLong("terrain.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        // One enrolment a run from one address: the long version enrols faster than the hub's 10 a minute allows.
        try (SyncWorld world = new SyncWorld(dir, "jdbc:sqlite:" + dir.resolve("hub.db"), HubConfig.defaults(0)
                .withRequestLimits(RequestLimits.defaults().withoutRateLimits()), Clock.systemUTC())) {
            importSiteDemo(world);
            // A first laptop synced whole, in this process: how many pages, and how long each takes.
            Laptop reference = world.laptop("reference", "territory", SyncWorld.TERRITORY);
            SyncReport whole = new SyncEngine(reference.store(), reference.client(), PAGE_BYTES)
                    .sync(SyncProgress.NONE);
            assertThat(whole.pages()).as("the first sync pages").isGreaterThan(5);
            long millisPerPage = Math.max(1, whole.millis() / whole.pages());
            int killedMidSync = 0;
            for (int run = 0; run < runs; run++) {
                String context = "run " + run + ", seed " + seed;
                Laptop laptop = world.laptop("poste-" + run, "territory", SyncWorld.TERRITORY);
                Path file = laptop.store().file();
                laptop.store().close();
                int killAfterPages = random.nextInt(whole.pages());
                long delayMillis = random.nextLong(millisPerPage + 1);
                Process sync = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        KillableSync.class.getName(), file.toString(), SyncWorld.recoveryKey(file).groups(),
                        world.url().toString(), String.valueOf(PAGE_BYTES))
                        .redirectError(dir.resolve("sync-" + run + ".log").toFile()).start();
                boolean done = false;
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(sync.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    int pages = -1;
                    while (pages < killAfterPages && (line = lines.readLine()) != null) {
                        if (line.equals("READY")) {
                            pages = 0;
                        } else if (line.startsWith("PAGE ")) {
                            pages = Integer.parseInt(line.substring(5));
                        } else if (line.equals("DONE")) {
                            done = true;
                            break;
                        }
                    }
                    assertThat(pages).as("%s: the laptop started its sync (see sync-%d.log)", context, run)
                            .isNotNegative();
                    // The kill lands anywhere in the next page: its request, its reading or its transaction.
                    killer.schedule(sync::destroyForcibly, delayMillis, TimeUnit.MILLISECONDS).get();
                    assertThat(sync.waitFor(60, TimeUnit.SECONDS)).isTrue();
                }
                killedMidSync += done || sync.exitValue() == 0 ? 0 : 1;
                try (TerrainStore store = SyncWorld.reopen(file, Clock.systemUTC())) {
                    String integrity = store.read(sql -> sql.fetchValue("PRAGMA integrity_check").toString());
                    assertThat(integrity).as(context).isEqualTo("ok");
                    new SyncEngine(store, new HttpHubClient(world.url(), null, Duration.ofSeconds(60)), PAGE_BYTES)
                            .sync(SyncProgress.NONE);
                    assertThat(new SyncRepository(store).pendingCount()).as(context).isZero();
                    assertThat(checksums(StoreCheck.of(store, 0).tables())).as("%s: the laptop's tables", context)
                            .isEqualTo(checksums(ScopeCheck.of(world.hubStore, "territory", SyncWorld.TERRITORY)));
                    assertThat(new SyncRepository(store).snapshot()).as(context).isEqualTo(SyncWorld.snapshot(
                            world.hubStore, reference.scope(), Audience.EVERY_FILE));
                }
            }
            System.out.printf("SYNC-APPLY-KILL %d runs, %d killed during their sync, %d pages a sync, seed %d%n",
                    runs, killedMidSync, whole.pages(), seed);
            assertThat(killedMidSync).as("kills that landed during a sync").isPositive();
        } finally {
            killer.shutdownNow();
        }
    }

    /** The site demo's data on the hub, as {@code terrain-hub import} puts a laptop's store there. */
    private void importSiteDemo(SyncWorld world) {
        PasswordHasher hasher = new PasswordHasher(1000);
        try (TerrainStore demo = TerrainStore.open(dir.resolve("demo.db"))) {
            new DemoDataGenerator(2023, LocalDate.of(2026, 3, 18)).generate(demo, DemoSize.SITE, hasher);
            new AuthService(demo, hasher).signIn("admin", DemoDataGenerator.DEMO_PASSWORD.toCharArray())
                    .orElseThrow();
            StoreImporter.importStore(demo, world.hubStore);
        }
    }

    private static Map<String, TableChecksum.Result> checksums(List<TableChecksum.Result> tables) {
        return tables.stream().filter(t -> !t.table().equals(SyncSchema.AUDIT_TABLE))
                .collect(Collectors.toMap(TableChecksum.Result::table, t -> t));
    }
}
