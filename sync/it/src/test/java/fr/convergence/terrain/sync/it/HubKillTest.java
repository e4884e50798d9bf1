package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.sync.Audience;
import fr.convergence.terrain.hub.sync.Device;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub killed (SIGKILL) while several laptops push at once (issue 17, faults): the hub runs as a process of its
 * own, as `terrain-hub serve` does; killed at a random moment of the pushes, its database holds, for each device,
 * exactly the changes of the operations it had applied — never part of a batch (each laptop's cells counted against
 * the hub's last operation for it) —; restarted, the laptops retry and, once they are done, every change is on the
 * hub exactly once and every laptop holds its scope as the hub does. The short version runs in the test suite; a
 * longer one with -Dterrain.hubKill.rounds=N.
 */
abstract class HubKillTest {

    private static final int LAPTOPS = 3;
    private static final int CELLS_PER_PERSON = 150;
    private static final int PEOPLE_PER_ROUND = 2;
    private static final int ROUNDS = Integer.getInteger("terrain.hubKill.rounds", 2);

    @TempDir
    Path dir;

    abstract String jdbcUrl(Path dir);

    @Test
    void everyAcknowledgedChangeIsOnTheHubExactlyOnceAndNoBatchIsHalfApplied() throws Exception {
        String url = jdbcUrl(dir);
        // The in-process hub of the world only issues codes and reads the database; the laptops talk to the child.
        try (SyncWorld world = new SyncWorld(dir, url, HubConfig.defaults(0), Clock.systemUTC());
             ChildHub child = new ChildHub(url, dir)) {
            URI hubUrl = child.url();
            List<Laptop> laptops = new ArrayList<>();
            String[] worksites = {SyncWorld.SITE_A, SyncWorld.SITE_A, SyncWorld.SITE_B};
            Map<Laptop, List<Participant>> people = new HashMap<>();
            for (int i = 0; i < LAPTOPS; i++) {
                Laptop laptop = world.laptop("poste-" + i, "worksite", worksites[i], hubUrl, Clock.systemUTC());
                laptops.add(laptop);
                Edits edits = new Edits(laptop.store(), "esp-" + i);
                List<Participant> theirs = new ArrayList<>();
                for (int p = 0; p < ROUNDS * PEOPLE_PER_ROUND; p++) {
                    theirs.add(edits.participant(worksites[i], "Prénom" + p, "Poste" + i));
                }
                people.put(laptop, theirs);
            }
            for (Laptop laptop : laptops) {
                laptop.engine().sync(SyncProgress.NONE);
            }
            Map<String, Long> operationsBefore = new HashMap<>();
            for (Laptop laptop : laptops) {
                operationsBefore.put(deviceId(laptop), device(world, laptop).lastOperation());
            }
            Random random = new Random(Long.getLong("terrain.hubKill.seed", System.nanoTime()));
            int cellsPerLaptop = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (Laptop laptop : laptops) {
                    Edits edits = new Edits(laptop.store(), "esp");
                    for (Participant person : people.get(laptop).subList(round * PEOPLE_PER_ROUND,
                            (round + 1) * PEOPLE_PER_ROUND)) {
                        for (int day = 0; day < CELLS_PER_PERSON; day++) {
                            edits.hours(person, LocalDate.of(2024, 1, 1).plusDays(day), HoursKind.TRAVAIL_CHANTIER,
                                    60);
                        }
                    }
                }
                cellsPerLaptop += PEOPLE_PER_ROUND * CELLS_PER_PERSON;
                ExecutorService pushes = Executors.newFixedThreadPool(LAPTOPS);
                ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
                CountDownLatch restarted = new CountDownLatch(1);
                try {
                    List<Future<Integer>> done = new ArrayList<>();
                    for (Laptop laptop : laptops) {
                        done.add(pushes.submit(() -> syncUntilDone(laptop, restarted)));
                    }
                    // The fault, at a random moment of the pushes.
                    killer.schedule(() -> {
                        child.kill();
                        return null;
                    }, 100 + random.nextInt(900), TimeUnit.MILLISECONDS).get();
                    // What the database holds once the hub died: for each device, its cells are exactly those of
                    // the operations the hub applied for it — no batch half there.
                    for (Laptop laptop : laptops) {
                        long applied = device(world, laptop).lastOperation() - operationsBefore.get(deviceId(laptop));
                        assertThat(cellsWrittenBy(world, laptop)).as("%s: cells on the hub after the kill",
                                laptop.name()).isEqualTo(applied);
                    }
                    child.start();
                    restarted.countDown();
                    for (Future<Integer> d : done) {
                        assertThat(d.get(5, TimeUnit.MINUTES)).as("exchanges until done").isPositive();
                    }
                } finally {
                    pushes.shutdownNow();
                    killer.shutdownNow();
                }
                for (Laptop laptop : laptops) {
                    SyncRepository repository = new SyncRepository(laptop.store());
                    assertThat(repository.pendingCount()).as("%s: nothing left to send", laptop.name()).isZero();
                    assertThat(repository.quarantine()).as("%s: nothing refused", laptop.name()).isEmpty();
                    assertThat(cellsWrittenBy(world, laptop)).as("%s: each cell once on the hub", laptop.name())
                            .isEqualTo(cellsPerLaptop);
                    assertThat(device(world, laptop).lastOperation() - operationsBefore.get(deviceId(laptop)))
                            .isEqualTo(cellsPerLaptop);
                }
            }
            for (Laptop laptop : laptops) {
                laptop.engine().sync(SyncProgress.NONE);
            }
            for (Laptop laptop : laptops) {
                assertThat(laptop.snapshot()).as("%s holds its scope as the hub does", laptop.name())
                        .isEqualTo(SyncWorld.snapshot(world.hubStore, laptop.scope(), Audience.FILES_IN_USE));
            }
        }
    }

    /**
     * Syncs until a sync completes, as a laptop retrying after a dropped connection: a failed attempt waits for the
     * hub to be {@code restarted}, then tries again. Returns the attempts.
     */
    private static int syncUntilDone(Laptop laptop, CountDownLatch restarted) throws InterruptedException {
        for (int attempt = 1; attempt <= 20; attempt++) {
            try {
                laptop.engine().sync(SyncProgress.NONE);
                return attempt;
            } catch (IOException | RuntimeException unreachable) {
                if (!restarted.await(2, TimeUnit.MINUTES)) {
                    throw new AssertionError(laptop.name() + ": the hub was not restarted");
                }
            }
        }
        throw new AssertionError(laptop.name() + " never finished its sync");
    }

    private static String deviceId(Laptop laptop) {
        return laptop.store().deviceId();
    }

    private static Device device(SyncWorld world, Laptop laptop) {
        return world.hubStore.read(r -> r.device(deviceId(laptop))).orElseThrow();
    }

    private static long cellsWrittenBy(SyncWorld world, Laptop laptop) {
        List<HubRow> rows = world.hubStore.read(r -> r.rowsAfter(Set.of(SyncWorld.SITE_A, SyncWorld.SITE_B), 0,
                Integer.MAX_VALUE));
        return rows.stream().filter(r -> r.table().equals("hours_entry") && r.updatedBy().equals(deviceId(laptop)))
                .count();
    }
}
