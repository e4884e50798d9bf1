package fr.convergence.terrain.app;

import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The participant screen of an ESP shows the social-security number masked, and saving the form keeps it. */
class ParticipantRolesTest extends AppTestSupport {

    private static final String NIR = "2 91 07 75 056 123 67";
    private static final String MASKED = "2 91 ** ** *** *** 67";
    private String participantId;

    @Override
    void prepare(DataFolder folder) {
        try (TerrainStore store = TerrainStore.open(folder.realStore(), clock())) {
            TestAccounts.install(store, FAST, "abej-solidarite", "camille", "Camille Martin", Role.ESP);
            var installer = new UserRepository(store).findByLogin("installation").orElseThrow();
            participantId = new ParticipantService(new Workstation(store)).create(installer,
                    new Participant(null, "abej-solidarite", "Hélène", "Lefèvre", LocalDate.of(1991, 7, 2),
                            "06 12 34 56 78", null, null, NIR, null),
                    new Enrolment(null, null, null, Programme.CVG, ContractType.CDDI, TODAY.minusMonths(2),
                            TODAY.plusMonths(10), 26, null, null, null, null, null, null)).value().orElseThrow().id();
        }
    }

    private boolean shown(String text) {
        return lookup((Node n) -> n.isVisible() && (n instanceof Labeled l && text.equals(l.getText())
                || n instanceof TextInputControl t && text.equals(t.getText()))).tryQuery().isPresent();
    }

    @Test
    void anEspSeesTheNumberMaskedInTheFileAndTheFormAndSavingKeepsTheStoredOne() {
        signIn("Camille", TestAccounts.PASSWORD);
        clickOn("#nav-participants");
        doubleClickOn("Lefèvre");

        assertThat(text("#file-title")).isEqualTo("Hélène Lefèvre");
        assertThat(shown(MASKED)).isTrue();
        assertThat(shown(NIR)).isFalse();

        clickOn("#file-edit");
        assertThat(text("#form-nir")).isEqualTo(MASKED);
        fill("#form-phone", "07 11 22 33 44");
        clickOn("#form-save");

        assertThat(text("#file-title")).isEqualTo("Hélène Lefèvre");
        Participant stored;
        try (TerrainStore store = TerrainStore.open(new DataFolder(dataDir).realStore(), clock())) {
            // The store is encrypted (ADR 0005): read it signed in, as the installer.
            new AuthService(store, FAST).signIn("installation", TestAccounts.PASSWORD.toCharArray()).orElseThrow();
            stored = new ParticipantRepository(store).find(participantId).orElseThrow();
        }
        assertThat(stored.phone()).isEqualTo("07 11 22 33 44");
        assertThat(stored.socialSecurityNumber()).isEqualTo(NIR);
    }
}
