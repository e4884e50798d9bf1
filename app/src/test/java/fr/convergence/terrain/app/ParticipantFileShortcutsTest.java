package fr.convergence.terrain.app;

import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.participant.ParticipantSummary;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** From a participant's file, a new note and a new referral for that person, without looking for them again. */
class ParticipantFileShortcutsTest extends FeatureTestSupport {

    private Participant openFirstFile() {
        clickOn("#nav-participants");
        TableView<?> participants = lookup("#participants-table").queryAs(TableView.class);
        Participant person = ((ParticipantSummary) participants.getItems().get(0)).participant();
        interact(() -> participants.getSelectionModel().select(0));
        clickOn("#participants-open");
        return person;
    }

    @Test
    void theFileOpensANewReferralWithThePersonChosen() {
        startDemoAs("Yanis");
        Participant person = openFirstFile();

        clickOn("#file-new-referral");

        assertThat(lookup("#nav-referrals").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        ComboBox<Participant> chosen = lookup("#referral-participant").queryComboBox();
        assertThat(chosen.getValue()).as("the person of the file").isNotNull()
                .extracting(Participant::id).isEqualTo(person.id());
    }

    @Test
    void theFileOpensANewNoteReadyToType() {
        startDemoAs("Yanis");
        openFirstFile();

        clickOn("#file-new-note");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#note-editor").query().isVisible()).isTrue();
        assertThat(lookup("#note-text").query().isFocused()).as("ready to type").isTrue();
    }

    @Test
    void anEducatorIsNotOfferedAReferralFromTheFile() {
        startDemoAs("Camille");
        openFirstFile();

        assertThat(lookup("#file-new-note").query().isVisible()).isTrue();
        assertThat(lookup("#file-new-referral").query().isVisible()).isFalse();
    }
}
