package fr.convergence.terrain.app;

import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.SocialSecurityNumber;
import fr.convergence.terrain.core.participant.ParticipantSummary;
import fr.convergence.terrain.core.store.TerrainStore;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipantWorkflowTest extends AppTestSupport {

    @Override
    void prepare(DataFolder folder) {
        try (TerrainStore store = TerrainStore.open(folder.realStore(), clock())) {
            TestAccounts.install(store, FAST, "abej-solidarite", "yanis", "Yanis Conseiller", Role.CIP);
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<ParticipantSummary> table() {
        return lookup("#participants-table").queryAs(TableView.class);
    }

    @Test
    void aParticipantIsCreatedFoundWithoutAccentsThenExitedWithACategory() {
        assertThat(text("#signin-subtitle")).isEqualTo("Chantier\u00a0: ABEJ Solidarité");
        signIn("Yanis", TestAccounts.PASSWORD);
        clickOn("#nav-participants");
        clickOn("#participants-new");

        clickOn("#form-save");
        assertThat(text("#form-errors")).contains("Indiquez le prénom.").contains("Indiquez le nom.");

        fill("#form-first-name", "Hélène");
        fill("#form-last-name", "Lefèvre");
        fill("#form-birth-date", "02/04/1985");
        fill("#form-phone", "06 12 34 56 78");
        interact(() -> lookup("#form-programme").<Programme>queryComboBox().setValue(Programme.CVG));
        fill("#form-entry-date", "01/10/2025");
        fill("#form-weekly-hours", "26");
        fill("#form-contract-end", "31/12/2025");
        clickOn("#form-save");
        assertThat(text("#form-errors")).contains("au moins 4 mois");

        fill("#form-contract-end", "30/09/2026");
        clickOn("#form-save");

        assertThat(text("#file-title")).isEqualTo("Hélène Lefèvre");

        clickOn("#file-back");
        fill("#participants-search", "helene lef");
        assertThat(table().getItems()).extracting(s -> s.participant().lastName()).containsExactly("Lefèvre");
        assertThat(text("#participants-count")).startsWith("1 affichée sur 1 personne");
        // By keyboard: Down from the search goes to the list, Enter there opens the file; Enter in the search opens
        // the one person found.
        type(KeyCode.DOWN);
        assertThat(table().isFocused()).isTrue();
        assertThat(table().getSelectionModel().getSelectedIndex()).isZero();
        type(KeyCode.ENTER);
        assertThat(text("#file-title")).isEqualTo("Hélène Lefèvre");
        clickOn("#file-back");
        fill("#participants-search", "helene lef");
        type(KeyCode.ENTER);
        assertThat(text("#file-title")).isEqualTo("Hélène Lefèvre");

        clickOn("#file-exit");
        clickOn("#exit-save");
        assertThat(text("#exit-errors")).contains("Choisissez le type de sortie.");

        interact(() -> {
            ComboBox<ExitCategory> category = lookup("#exit-category").queryComboBox();
            category.setValue(ExitCategory.EMPLOI_DURABLE);
            ComboBox<ExitReason> reason = lookup("#exit-reason").queryComboBox();
            reason.setValue(ExitReason.CDI);
        });
        clickOn("#exit-save");

        assertThat(text("#file-message")).contains("Sortie de Hélène Lefèvre enregistrée (Emploi durable)")
                .contains("Suivis à faire");
        assertThat(lookup("#file-exit").query().isDisabled()).isTrue();
        clickOn("#file-back");
        interact(() -> lookup("#participants-status").queryComboBox().setValue(null));
        assertThat(text("#participants-count")).contains("0 en parcours, 1 sortie du parcours");
    }

    /** A day that does not exist and a malformed social-security number are refused, saying what is wrong. */
    @Test
    void anImpossibleBirthDateAndAWrongSocialSecurityNumberAreRefusedNotCorrected() {
        signIn("Yanis", TestAccounts.PASSWORD);
        clickOn("#nav-participants");
        clickOn("#participants-new");
        fill("#form-first-name", "Awa");
        fill("#form-last-name", "Traoré");
        interact(() -> lookup("#form-programme").<Programme>queryComboBox().setValue(Programme.PHC));
        fill("#form-entry-date", "02/03/2026");

        fill("#form-birth-date", "31/02/1980");
        fill("#form-nir", "123");
        clickOn("#form-save");
        assertThat(text("#form-errors")).contains("Date de naissance\u00a0: le «\u00a031/02/1980\u00a0» n’existe pas "
                + "dans le calendrier");

        fill("#form-birth-date", "29/02/1980");
        clickOn("#form-save");
        assertThat(text("#form-errors")).contains("Le numéro de sécurité sociale n’est pas valide")
                .contains("15 chiffres");

        fill("#form-nir", "2 80 02 99 350 111 00");
        clickOn("#form-save");
        assertThat(text("#form-errors")).contains("clé de contrôle");

        fill("#form-nir", "2 80 02 99 350 111 " + String.format("%02d",
                SocialSecurityNumber.key("2 80 02 99 350 111")));
        clickOn("#form-save");
        assertThat(text("#file-title")).isEqualTo("Awa Traoré");
    }
}
