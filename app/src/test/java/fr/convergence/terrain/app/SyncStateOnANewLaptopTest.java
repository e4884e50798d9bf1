package fr.convergence.terrain.app;

import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.store.TerrainStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A laptop installed and never enrolled does not claim that everything is synchronised. */
class SyncStateOnANewLaptopTest extends AppTestSupport {

    @Override
    void prepare(DataFolder folder) {
        try (TerrainStore store = TerrainStore.open(folder.realStore(), clock())) {
            TestAccounts.install(store, FAST, "abej-solidarite", "yanis", "Yanis Conseiller", Role.CIP);
        }
    }

    @Test
    void aLaptopNeverEnrolledSaysSoInTheStatusBarAndOnTheSyncPage() {
        signIn("Yanis", TestAccounts.PASSWORD);

        assertThat(SyncStateShownTheSameTest.statusBarThenPage(this)).startsWith("Poste non enrôlé\u00a0:");
    }
}
