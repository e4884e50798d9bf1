package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the hub records a device and uses its code, then the answer is lost on the line. The laptop never saved
 * its token; the same code, a new code, or a new code after the device was revoked must enrol it.
 */
class LostEnrolmentAnswerTest {

    @TempDir
    Path dir;

    @Test
    void aLaptopWhoseEnrolmentAnswerWasLostEnrolsWithTheSameCodeOrANewOne() throws Exception {
        try (SyncWorld world = SyncWorld.sqlite(dir); FaultyProxy proxy = new FaultyProxy(world.hub.port());
             TerrainStore store = TerrainStore.open(dir.resolve("new.db"))) {
            new ReferenceRepository(store).install(ReferenceData.load());
            // Encrypted as an installed laptop is (ADR 0005): enrolment needs the data key.
            new fr.convergence.terrain.core.store.KeyRepository(store).encryptStore(null, null, 1000);
            URI viaProxy = URI.create("http://127.0.0.1:" + proxy.port());
            String code = world.hub.enrolments().issueCode("worksite", SyncWorld.SITE_A, "Camille", Duration.ofDays(1));

            proxy.cutResponseAfter = 0;
            assertThatThrownBy(() -> engine(store, viaProxy).enrol(viaProxy.toString(), code, "poste"))
                    .isInstanceOf(IOException.class);
            assertThat(world.hub.enrolments().devices()).as("the hub recorded the device").hasSize(1);
            assertThat(engine(store, viaProxy).enrolled()).isFalse();

            engine(store, viaProxy).enrol(viaProxy.toString(), code, "poste");
            assertThat(engine(store, viaProxy).sync(SyncProgress.NONE).resynced()).isFalse();

            // Its token lost again (say, the store restored from a copy taken before): revoked, then a new code.
            world.hub.enrolments().revoke(store.deviceId());
            String fresh = world.hub.enrolments().issueCode("worksite", SyncWorld.SITE_A, "Camille", Duration.ofDays(1));
            engine(store, viaProxy).enrol(viaProxy.toString(), fresh, "poste");
            engine(store, viaProxy).sync(SyncProgress.NONE);
            assertThat(world.hub.enrolments().devices()).singleElement()
                    .satisfies(d -> assertThat(d.revoked()).isFalse());
        }
    }

    @Test
    void aCodeUsedByOneLaptopDoesNotEnrolAnother() throws Exception {
        try (SyncWorld world = SyncWorld.sqlite(dir);
             TerrainStore first = TerrainStore.open(dir.resolve("first.db"));
             TerrainStore second = TerrainStore.open(dir.resolve("second.db"))) {
            // Installed laptops have their data key (ADR 0005): only those may be enrolled.
            new fr.convergence.terrain.core.store.KeyRepository(first).encryptStore(null, null, 1000);
            new fr.convergence.terrain.core.store.KeyRepository(second).encryptStore(null, null, 1000);
            String code = world.hub.enrolments().issueCode("worksite", SyncWorld.SITE_A, "Camille", Duration.ofDays(1));
            engine(first, world.url()).enrol(world.url().toString(), code, "poste");

            assertThatThrownBy(() -> engine(second, world.url()).enrol(world.url().toString(), code, "poste"))
                    .hasMessageContaining("Code d'enrôlement");
        }
    }

    private static SyncEngine engine(TerrainStore store, URI hub) {
        return new SyncEngine(store, new HttpHubClient(hub, null, Duration.ofSeconds(20)));
    }
}
