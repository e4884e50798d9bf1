package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.security.RecoveryKey;
import fr.convergence.terrain.core.store.KeyRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.hub.sync.Enrolments;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many laptops syncing their end of day against one hub (issue 17, load): each laptop of a worksite, installed and
 * synced once, then logs its day offline — 50 hours cells, 5 notes, 2 referral moves — and all sync at once
 * ({@code terrain.load.threads} at a time, as a day's end spreads them). The hub is `terrain-hub serve` in its own
 * JVM with at most 512 MB of heap, on SQLite (or PostgreSQL with -Dterrain.load.pg=true and TERRAIN_TEST_PG_URL).
 * Reports the wall time, syncs per second, latency percentiles and the hub's peak memory; fails if a change is lost
 * or refused. Not a test (excluded unless -Pbench):
 * {@code ./mvnw -B -o -Pbench -pl sync/it -am test -Dtest=EndOfDayLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dterrain.load.laptops=500}.
 */
class EndOfDayLoadBenchmark {

    private static final int LAPTOPS = Integer.getInteger("terrain.load.laptops", 500);
    private static final int THREADS = Integer.getInteger("terrain.load.threads", 32);
    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);

    private record Station(Path file, RecoveryKey key, String worksite, List<Participant> people,
                           List<String> referrals) {
    }

    @Test
    void endOfDayOfManyLaptops() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-load", String.valueOf(System.nanoTime()))
                .toAbsolutePath());
        String url = Boolean.getBoolean("terrain.load.pg") ? PostgresSupport.freshSchemaUrl()
                : "jdbc:sqlite:" + dir.resolve("hub.db");
        List<String> worksites = ReferenceData.load().worksites().stream().map(w -> w.id()).toList();
        List<Station> stations = new ArrayList<>();
        try (JooqHubStore codes = JooqHubStore.open(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
             ChildHub hub = new ChildHub(url, dir, ChildHub.SHIPPED_OPTIONS)) {
            codes.write(tx -> {
                ReferenceData.load().worksites().forEach(w -> tx.addWorksite(w.id(), w.territoryId()));
                return null;
            });
            Enrolments enrolments = new Enrolments(codes, Clock.systemUTC());
            long setUp = System.nanoTime();
            for (int i = 0; i < LAPTOPS; i++) {
                String worksite = worksites.get(i % worksites.size());
                Path file = dir.resolve("poste-" + i + ".db");
                try (TerrainStore store = TerrainStore.open(file)) {
                    new ReferenceRepository(store).install(ReferenceData.load());
                    RecoveryKey key = new KeyRepository(store).encryptStore(null, null, 1000);
                    SyncEngine engine = new SyncEngine(store, new HttpHubClient(hub.url(), null,
                            Duration.ofSeconds(120)));
                    engine.enrol(hub.url().toString(), enrolments.issueCode("worksite", worksite, "poste-" + i,
                            Duration.ofHours(1)), "poste-" + i);
                    Edits edits = new Edits(store, "esp-" + i);
                    List<Participant> people = List.of(edits.participant(worksite, "Prénom", "Poste" + i + "a"),
                            edits.participant(worksite, "Prénom", "Poste" + i + "b"));
                    List<String> referrals = List.of(edits.referral(people.get(0)), edits.referral(people.get(1)));
                    engine.sync(SyncProgress.NONE);
                    stations.add(new Station(file, key, worksite, people, referrals));
                }
            }
            System.out.printf("load: %d laptops installed, enrolled and synced once in %.0f s%n", LAPTOPS,
                    (System.nanoTime() - setUp) / 1e9);
            for (Station station : stations) {
                try (TerrainStore store = open(station)) {
                    Edits edits = new Edits(store, "esp");
                    for (int cell = 0; cell < 50; cell++) {
                        edits.hours(station.people().get(cell % 2), MONDAY.plusDays(cell / 2 % 5 + 7 * (cell / 10)),
                                HoursKind.TRAVAIL_CHANTIER, 60 + cell % 4 * 15);
                    }
                    for (int note = 0; note < 5; note++) {
                        edits.note(station.people().get(note % 2), "Note de fin de journée n° " + note);
                    }
                    for (String referral : station.referrals()) {
                        edits.move(referral, ReferralStatus.ENVOYEE);
                    }
                }
            }
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (Station station : stations) {
                done.add(pool.submit(() -> {
                    try (TerrainStore store = open(station)) {
                        SyncEngine engine = new SyncEngine(store, new HttpHubClient(hub.url(), null,
                                Duration.ofSeconds(300)));
                        long t = System.nanoTime();
                        engine.sync(SyncProgress.NONE);
                        latencies.add(System.nanoTime() - t);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        e.printStackTrace();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            double wall = (System.nanoTime() - start) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("load: %d end-of-day syncs (%d threads) in %.1f s, %.1f syncs/s, latency p50 %.0f ms, "
                            + "p95 %.0f ms, p99 %.0f ms, max %.0f ms; errors %d; hub peak memory %d MiB (RSS, %s)%n",
                    sorted.size(), THREADS, wall, sorted.size() / wall, percentile(sorted, 50), percentile(sorted, 95),
                    percentile(sorted, 99), percentile(sorted, 100), errors.get(), hub.peakResidentMebibytes(),
                    String.join(" ", ChildHub.SHIPPED_OPTIONS));
            assertThat(errors.get()).isZero();
            long expectedCells = 50L * LAPTOPS;
            long cells = codes.read(r -> r.rowCounts()).getOrDefault("hours_entry", 0L);
            assertThat(cells).as("every cell on the hub").isEqualTo(expectedCells);
            for (Station station : stations) {
                try (TerrainStore store = open(station)) {
                    SyncRepository repository = new SyncRepository(store);
                    assertThat(repository.pendingCount()).isZero();
                    assertThat(repository.quarantine()).isEmpty();
                }
            }
        }
    }

    private static TerrainStore open(Station station) {
        TerrainStore store = TerrainStore.open(station.file());
        new KeyRepository(store).unlockWithRecoveryKey(station.key());
        return store;
    }

    private static double percentile(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }
}
