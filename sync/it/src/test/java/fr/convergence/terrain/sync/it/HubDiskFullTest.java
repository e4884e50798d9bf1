package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.sync.client.HubException;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's database cannot write (issue 17, faults: its disk is full): the hub answers 503 with a
 * {@code Retry-After} and a French message, nothing of the laptop's batch is written — the disk fills up in the
 * middle of it —, the laptop keeps every change, a retry while the disk is still full changes nothing, and once
 * there is room again the laptop's next sync puts each change on the hub exactly once. Each database simulates its
 * full disk its own way ({@link SqliteHubDiskFullTest}, {@link PostgresHubDiskFullTest}).
 */
abstract class HubDiskFullTest {

    private static final int CELLS = 120;

    @TempDir
    Path dir;

    abstract String jdbcUrl(Path dir);

    /** Makes the hub's database refuse to grow by more than a few rows of hours. */
    abstract void fillTheDisk(SyncWorld world) throws Exception;

    /** Gives the database room again. */
    abstract void makeRoom(SyncWorld world) throws Exception;

    @Test
    void theHubAnswers503WithNothingHalfWrittenAndTheLaptopSendsItsChangesOnceThereIsRoom() throws Exception {
        try (SyncWorld world = new SyncWorld(dir, jdbcUrl(dir), HubConfig.defaults(0), Clock.systemUTC())) {
            Laptop writer = world.laptop("poste", "worksite", SyncWorld.SITE_A);
            Laptop reader = world.laptop("lecteur", "worksite", SyncWorld.SITE_A);
            Edits edits = new Edits(writer.store(), "esp");
            Participant awa = edits.participant(SyncWorld.SITE_A, "Awa", "Diallo");
            writer.engine().sync(SyncProgress.NONE);
            reader.engine().sync(SyncProgress.NONE);
            long operationsBefore = lastOperation(world, writer);
            Map<String, Map<String, Object>> hubBefore = world.hubSnapshot(Set.of(SyncWorld.SITE_A));

            fillTheDisk(world);
            for (int day = 0; day < CELLS; day++) {
                edits.hours(awa, Edits.MONDAY.plusDays(day), HoursKind.TRAVAIL_CHANTIER, 60);
            }
            SyncRepository queue = new SyncRepository(writer.store());
            for (int attempt = 1; attempt <= 2; attempt++) {
                HubException refused = catchThrowableOfType(() -> writer.engine().sync(SyncProgress.NONE),
                        HubException.class);
                assertThat(refused).as("attempt %d while the disk is full", attempt).isNotNull();
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.retryable()).isTrue();
                assertThat(refused.retryAfterSeconds()).hasValue(300);
                assertThat(refused.getMessage()).contains("espace disque plein", "restent sur ce poste")
                        .doesNotContain("SQL");
                assertThat(world.hubSnapshot(Set.of(SyncWorld.SITE_A))).as("nothing half-written on the hub")
                        .isEqualTo(hubBefore);
                assertThat(lastOperation(world, writer)).isEqualTo(operationsBefore);
                assertThat(queue.pendingCount()).as("the laptop keeps its changes").isEqualTo(CELLS);
            }

            makeRoom(world);
            writer.engine().sync(SyncProgress.NONE);
            reader.engine().sync(SyncProgress.NONE);

            assertThat(queue.pendingCount()).isZero();
            assertThat(queue.quarantine()).isEmpty();
            assertThat(lastOperation(world, writer) - operationsBefore).as("each change applied once")
                    .isEqualTo(CELLS);
            assertThat(world.hubStore.read(r -> r.rowsAfter(Set.of(SyncWorld.SITE_A), 0, Integer.MAX_VALUE))
                    .stream().filter(r -> r.table().equals("hours_entry")).map(HubRow::id).distinct().count())
                    .isEqualTo(CELLS);
            Map<String, Map<String, Object>> hub = world.hubSnapshot(Set.of(SyncWorld.SITE_A));
            assertThat(writer.snapshot()).isEqualTo(hub);
            assertThat(reader.snapshot()).isEqualTo(hub);
        }
    }

    private static long lastOperation(SyncWorld world, Laptop laptop) {
        return world.hubStore.read(r -> r.device(laptop.store().deviceId())).orElseThrow().lastOperation();
    }
}
