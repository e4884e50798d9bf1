package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.fixtures.ServiceFixtures;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.fixtures.ServiceFixtures.FAST_HASHER;
import static org.assertj.core.api.Assertions.assertThat;

class SetupAndAuthServiceTest {

    @TempDir
    Path dir;

    @Test
    void installingAWorkstationRecordsItsWorksiteAndLetsTheFirstUserSignIn() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            ServiceFixtures.install(store);
            Workstation workstation = new Workstation(store);
            AuthService auth = new AuthService(store, FAST_HASHER);

            assertThat(workstation.worksite()).get().extracting(w -> w.id()).isEqualTo(ServiceFixtures.WORKSITE);
            assertThat(workstation.demo()).isFalse();
            assertThat(auth.signIn("Camille ", ServiceFixtures.PASSWORD.toCharArray())).get()
                    .extracting(u -> u.worksiteIds()).isEqualTo(Set.of(ServiceFixtures.WORKSITE));
            assertThat(auth.signIn("camille", "wrong!!".toCharArray())).isEmpty();
            assertThat(auth.signIn("nobody", ServiceFixtures.PASSWORD.toCharArray())).isEmpty();
        }
    }

    @Test
    void aShortPasswordOrADuplicateLoginIsRefusedAndNothingIsCreated() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            ServiceFixtures.install(store);
            AuthService auth = new AuthService(store, FAST_HASHER);

            var duplicate = auth.createUser("system", "camille", "Autre Camille", Role.CIP, null,
                    Set.of(ServiceFixtures.WORKSITE), "abcdef".toCharArray(), "abcdef".toCharArray());
            var shortPassword = auth.createUser("system", "sam", "Sam", Role.CIP, null,
                    Set.of(ServiceFixtures.WORKSITE), "abc".toCharArray(), "abc".toCharArray());

            assertThat(duplicate.saved()).isFalse();
            assertThat(duplicate.verdict().text()).contains("existe déjà");
            assertThat(shortPassword.verdict().text()).contains("au moins 10 caractères");
            assertThat(auth.activeUsers()).hasSize(2);
        }
    }

    @Test
    void installingRequiresAWorksite() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            var result = new SetupService().install(store, FAST_HASHER, null, "camille", "Camille", Role.ADMIN,
                    ServiceFixtures.PASSWORD.toCharArray(), ServiceFixtures.PASSWORD.toCharArray());

            assertThat(result.saved()).isFalse();
            assertThat(new AuthService(store, FAST_HASHER).hasUsers()).isFalse();
        }
    }

    @Test
    void theDemoStoreIsMarkedAndInstalledForItsWorksite() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            new SetupService().installDemo(store, FAST_HASHER, 7, LocalDate.of(2026, 3, 18));
            Workstation workstation = new Workstation(store);
            var status = new StatusService(workstation).status();

            assertThat(status.demo()).isTrue();
            assertThat(status.worksite()).isPresent();
            assertThat(status.participants()).isGreaterThan(10);
            assertThat(new AuthService(store, FAST_HASHER).signIn("esp", DemoDataGenerator.DEMO_PASSWORD.toCharArray())).isPresent();
        }
    }

    @Test
    void territoriesOfferTheirWorksitesAndPhcWorksitesOutsideTerritoriesAreOffered() {
        SetupService setup = new SetupService();
        assertThat(setup.territories()).isNotEmpty();
        assertThat(setup.worksitesOf(setup.territories().get(0).id())).isNotEmpty();
        assertThat(setup.worksitesOf(SetupService.NO_TERRITORY)).allMatch(w -> w.territoryId() == null);
    }
}
