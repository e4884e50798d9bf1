package fr.convergence.terrain.app;

import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.text.SearchText;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Picking a person among a worksite's names: type part of the name, the list narrows, Enter takes it. */
class PersonPickerTest extends FeatureTestSupport {

    @Test
    void typingPartOfANameWithoutAccentsNarrowsTheListAndEnterPicksIt() {
        startDemoAs("Yanis");
        clickOn("#nav-referrals");
        clickOn("#referral-new");
        ComboBox<Participant> picker = lookup("#referral-participant").queryComboBox();
        int everyone = picker.getItems().size();
        assertThat(everyone).isGreaterThan(5);
        // A person whose last name is shared by nobody else, typed in lower case and without accents.
        Participant wanted = picker.getItems().stream()
                .filter(p -> picker.getItems().stream().filter(o -> o.lastName().equals(p.lastName())).count() == 1)
                .filter(p -> !SearchText.fold(p.lastName()).equals(p.lastName().toLowerCase()))
                .findFirst().orElseGet(() -> picker.getItems().get(picker.getItems().size() / 2));

        clickOn("#referral-participant");
        write(SearchText.fold(wanted.lastName()));
        WaitForAsyncUtils.waitForFxEvents();

        List<Object> shown = shownChoices();
        assertThat(shown).as("the list narrows to the names typed").isNotEmpty().hasSizeLessThan(everyone)
                .contains(wanted);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(picker.getValue()).as("Enter picks the name").isEqualTo(wanted);
    }

    /** The names the open list offers. */
    private List<Object> shownChoices() {
        return lookup(".list-view").match(Node::isVisible).queryAllAs(ListView.class).stream()
                .filter(list -> list.getScene() != null && list.getScene().getWindow() instanceof javafx.stage.PopupWindow)
                .findFirst().map(list -> List.<Object>copyOf(list.getItems())).orElse(List.of());
    }
}
