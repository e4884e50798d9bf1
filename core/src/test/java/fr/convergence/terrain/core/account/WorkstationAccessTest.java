package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.fixtures.CaseFixtures;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WorkstationAccessTest {

    @Test
    void aCoordinatorSeesTheTerritoryWorksitesAddedAfterTheWorkstationWasOpened(@TempDir Path dir) {
        try (TerrainStore store = TerrainStore.open(dir.resolve("demo.db"), CaseFixtures.clock())) {
            Workstation workstation = new Workstation(store);
            User coordinator = new User("c", "c", "Coordination", Role.COORDINATOR, "lille", Set.of(), true);
            assertThat(workstation.access().canSee(coordinator, "abej-solidarite")).isFalse();

            // The first start of the demo: the services are built on the empty store, then the data is added.
            new DemoDataGenerator(1, CaseFixtures.TODAY).generate(store, DemoSize.SITE, new PasswordHasher(1000));

            assertThat(workstation.access().canSee(coordinator, "abej-solidarite")).isTrue();
            assertThat(workstation.territoryOf("aars")).isNull();
            assertThat(workstation.access().canSee(coordinator, "aars")).isFalse();
        }
    }
}
