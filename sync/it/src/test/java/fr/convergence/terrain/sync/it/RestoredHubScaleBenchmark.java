package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.RequestLimits;
import fr.convergence.terrain.hub.store.StoreImporter;
import fr.convergence.terrain.hub.sync.Audience;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A hub restored from its backup at the scale of a territory (issue 17, faults: a laptop syncing with a restored hub
 * sends again what the hub lost — « keep it proven at scale »). The territory demo ({@code bench.restore.scale} times,
 * 1 by default) on a hub (SQLite, or PostgreSQL with {@code -Dbench.restore.pg=true} and {@code TERRAIN_TEST_PG_URL});
 * one laptop per worksite of the territory, each synced; the hub backed up as docs/hub-operations.md §5 says
 * ({@code VACUUM INTO}, {@code pg_dump}) while it runs; each laptop logs a day (50 hours cells, 5 notes, 2 referral
 * moves) and syncs; the backup put back; each laptop syncs again, sending what the hub lost and reloading its
 * worksite. Fails unless every row the hub held before the restore is back and every laptop holds its worksite as
 * the hub does; reports each laptop's sync after the restore. Not a test (excluded unless -Pbench):
 * {@code ./mvnw -B -o -Pbench -pl sync/it -am test -Dtest=RestoredHubScaleBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.restore.scale=10] [-Dbench.restore.pg=true]}.
 */
class RestoredHubScaleBenchmark {

    private static final int SCALE = Integer.getInteger("bench.restore.scale", 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void laptopsOfATerritorySendAgainWhatTheRestoredHubLost() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-restore", String.valueOf(System.nanoTime()))
                .toAbsolutePath());
        boolean postgres = Boolean.getBoolean("bench.restore.pg");
        String database = postgres ? "PostgreSQL" : "SQLite";
        String url = postgres ? PostgresSupport.freshSchemaUrl() : "jdbc:sqlite:" + dir.resolve("hub.db");
        // A territory × 10 has 70 worksites: their laptops enrol faster than the hub's 10 a minute from one address.
        HubConfig config = HubConfig.defaults(0).withRequestLimits(RequestLimits.defaults().withoutRateLimits());
        try (SyncWorld world = new SyncWorld(dir, url, config, Clock.systemUTC())) {
            DemoDataGenerator.Summary demo;
            long start = System.nanoTime();
            try (TerrainStore store = TerrainStore.open(dir.resolve("territory.db"))) {
                demo = new DemoDataGenerator(2023, TODAY).generate(store, DemoSize.TERRITORY, SCALE,
                        new PasswordHasher(1000));
                StoreImporter.importStore(store, world.hubStore);
            }
            System.out.printf("RESTORE %s territory × %d on the hub: %d worksites, %d people, %.1f s%n", database,
                    SCALE, demo.worksiteIds().size(), demo.participants(), seconds(start));

            List<Laptop> laptops = new ArrayList<>();
            for (String worksite : demo.worksiteIds()) {
                Laptop laptop = world.laptop("poste-" + worksite, "worksite", worksite);
                laptop.engine().sync(SyncProgress.NONE);
                laptops.add(laptop);
            }
            Set<String> territory = new HashSet<>(demo.worksiteIds());

            start = System.nanoTime();
            Path backup = world.backup("hub-backup");
            System.out.printf("RESTORE %s backup while the hub runs: %.1f s%n", database, seconds(start));

            for (Laptop laptop : laptops) {
                ScaleBenchmark.aDaysEdits(laptop.store(), laptop.scope().iterator().next(), TODAY, 0);
                SyncReport day = laptop.engine().sync(SyncProgress.NONE);
                assertThat(day.refused()).as("%s: a day's edits, none refused: %s", laptop.name(),
                        new SyncRepository(laptop.store()).quarantine()).isZero();
            }
            Map<String, Map<String, Object>> beforeRestore = world.hubSnapshot(territory);

            start = System.nanoTime();
            world.restore(backup);
            System.out.printf("RESTORE %s restore: %.1f s%n", database, seconds(start));
            assertThat(world.hubSnapshot(territory)).as("the restore lost the day").isNotEqualTo(beforeRestore);

            List<Double> after = new ArrayList<>();
            int operations = 0;
            for (Laptop laptop : laptops) {
                SyncReport report = laptop.engine().sync(SyncProgress.NONE);
                after.add(report.millis() / 1000.0);
                operations += report.operationsSent();
                System.out.printf("RESTORE %s %s after the restore: resynced %s, %d operations sent again, "
                                + "%d rows received, %d pages, %.2f s%n", database, laptop.name(), report.resynced(),
                        report.operationsSent(), report.rowsReceived(), report.pages(), report.millis() / 1000.0);
                assertThat(report.resynced()).as("%s sees the restored hub", laptop.name()).isTrue();
            }
            // A second round brings every laptop what the others sent again after its own sync.
            for (Laptop laptop : laptops) {
                laptop.engine().sync(SyncProgress.NONE);
            }

            Map<String, Map<String, Object>> hub = world.hubSnapshot(territory);
            for (var row : beforeRestore.entrySet()) {
                assertThat(hub).as("row of the hub before its restore: " + row.getKey())
                        .containsEntry(row.getKey(), row.getValue());
            }
            for (Laptop laptop : laptops) {
                SyncRepository repository = new SyncRepository(laptop.store());
                assertThat(repository.pendingCount()).as(laptop.name()).isZero();
                assertThat(repository.quarantine()).as(laptop.name()).isEmpty();
                assertThat(laptop.snapshot()).as("%s holds its worksite as the hub does", laptop.name())
                        .isEqualTo(SyncWorld.snapshot(world.hubStore, laptop.scope(), Audience.FILES_IN_USE));
            }
            after.sort(null);
            System.out.printf("RESTORE %s %d laptops, %d operations sent again, %d rows of the territory checked; "
                            + "sync after the restore: median %.2f s, max %.2f s%n", database, laptops.size(),
                    operations, hub.size(), after.get(after.size() / 2), after.get(after.size() - 1));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
