package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync cut at many points — in the request or in the answer, so that the hub did or did not apply the batch —
 * always completes on retry, with nothing duplicated or lost.
 */
class FaultInjectionTest {

    @TempDir
    Path dir;

    @Test
    void aSyncCutAtAnyPointCompletesOnRetryWithNothingDuplicatedOrLost() throws Exception {
        try (SyncWorld world = SyncWorld.sqlite(dir); FaultyProxy proxy = new FaultyProxy(world.hub.port())) {
            URI viaProxy = URI.create("http://127.0.0.1:" + proxy.port());
            SyncWorld.Laptop writer = world.laptop("writer", "worksite", SyncWorld.SITE_A, viaProxy,
                    java.time.Clock.systemUTC());
            SyncWorld.Laptop reader = world.laptop("reader", "worksite", SyncWorld.SITE_A, viaProxy,
                    java.time.Clock.systemUTC());
            Edits edits = new Edits(writer.store(), "esp");
            Participant p = edits.participant(SyncWorld.SITE_A, "Awa", "Diallo");
            for (int d = 0; d < 40; d++) {
                edits.hours(p, Edits.MONDAY.plusDays(d), HoursKind.TRAVAIL_CHANTIER, 60 + 15 * (d % 8));
            }
            int failures = 0;
            long[] cuts = {0, 1, 20, 80, 150, 300, 600, 1200, 2500, 5000};
            for (int i = 0; i < cuts.length; i++) {
                edits.hours(p, Edits.MONDAY.plusDays(100 + i), HoursKind.FORMATION, 120);
                edits.save(EndToEndSyncTest.withPhone(edits.find(p.id()), "06 00 00 00 " + (10 + i)));
                if (i % 2 == 0) {
                    proxy.cutResponseAfter = cuts[i];
                } else {
                    proxy.cutRequestAfter = cuts[i];
                }
                failures += syncOnce(writer.store(), viaProxy, null) ? 0 : 1;
                assertThat(syncOnce(writer.store(), viaProxy, null)).as("retry after cut at " + cuts[i]).isTrue();

                proxy.cutResponseAfter = cuts[cuts.length - 1 - i];
                failures += syncOnce(reader.store(), viaProxy, 2048) ? 0 : 1;
                assertThat(syncOnce(reader.store(), viaProxy, 2048)).isTrue();
            }
            assertThat(failures).as("cuts that really broke a sync").isGreaterThan(10);
            var hub = world.hubSnapshot(Set.of(SyncWorld.SITE_A));
            assertThat(writer.snapshot()).isEqualTo(hub);
            assertThat(reader.snapshot()).isEqualTo(hub);
            assertThat(hub.keySet().stream().filter(k -> k.startsWith("hours_entry/"))).hasSize(40 + cuts.length);
            assertThat(new SyncRepository(writer.store()).pendingCount()).isZero();
            assertThat(new SyncRepository(writer.store()).quarantine()).isEmpty();
            assertThat(new SyncRepository(reader.store()).openConflicts()).isEmpty();
        }
    }

    /** One sync with a fresh connection pool (so an armed cut hits it); false if the network failed. */
    private static boolean syncOnce(TerrainStore store, URI hub, Integer pageBytes) {
        try {
            new SyncEngine(store, new HttpHubClient(hub, null, Duration.ofSeconds(20)), pageBytes)
                    .sync(SyncProgress.NONE);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static TerrainStore openStore(Path file) {
        TerrainStore store = TerrainStore.open(file);
        new ReferenceRepository(store).install(ReferenceData.load());
        // Encrypted as an installed laptop is (ADR 0005): enrolment needs the data key.
        new fr.convergence.terrain.core.store.KeyRepository(store).encryptStore(null, null, 1000);
        return store;
    }
}
