package fr.convergence.terrain.app;

import fr.convergence.terrain.app.shell.PageDefinition;
import fr.convergence.terrain.app.shell.PageRegistry;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every screen at 1280×720, the smallest of the worksite laptops' screens (1366×768 is larger both ways; the headless
 * test screen is 1280×800, so a larger window cannot be drawn here): no text of a label, button, check box, link,
 * table header or cell is cut with « … » (the welcome, installation, sign-in and lock screens, every page of the
 * navigation — the coordinator sees them all — and the screens opened from them: participant file and forms, referral
 * form and detail, a week day holding two kinds of hours).
 */
class ScreensFitTest extends FeatureTestSupport {

    private final List<String> cut = new ArrayList<>();

    private void resize(double width, double height) {
        interact(() -> {
            Stage stage = (Stage) window(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Notes what the screen shows cut, naming the screen. */
    private void look(String screenName) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = new ArrayList<>();
        interact(() -> {
            window(0).getScene().getRoot().applyCss();
            window(0).getScene().getRoot().layout();
            found.addAll(ScreenFit.cutTexts(window(0).getScene().getRoot()));
        });
        found.forEach(text -> cut.add(screenName + " : " + text));
    }

    @Test
    void noTextIsCutOnAnyScreenAt1280By720() {
        resize(1280, 720);
        look("accueil");
        clickOn("#welcome-install");
        look("installation");
        clickOn(lookup(".button").match((Node n) -> n instanceof javafx.scene.control.Button b
                && b.getText().equals(fr.convergence.terrain.app.common.I18n.t("common.back"))).<Node>query());
        clickOn("#welcome-demo");
        look("connexion");
        signIn("Sandrine", DemoDataGenerator.DEMO_PASSWORD);
        assertThat(screen.get()).isEqualTo("main");

        PageRegistry registry = TerrainPages.standard(null);
        for (PageDefinition page : registry.pages()) {
            assertThat(lookup("#nav-" + page.id()).tryQuery()).as("the coordinator sees " + page.id()).isPresent();
            clickOn("#nav-" + page.id());
            look("page " + page.id());
            switch (page.id()) {
                case "week" -> twoKindsOnOneDay();
                case "participants" -> visitParticipantScreens();
                case "referrals" -> visitReferralScreens();
                default -> {
                }
            }
        }

        clickOn("#lock-button");
        look("verrouillage");

        assertThat(cut).isEmpty();
    }

    /** A day with worksite hours and an absence shows both ("7 h + Abs. I 1 h") in a day column. */
    private void twoKindsOnOneDay() {
        clickOn("#week-table");
        type(javafx.scene.input.KeyCode.HOME);
        write("7");
        type(javafx.scene.input.KeyCode.ENTER);
        type(javafx.scene.input.KeyCode.UP);
        write("i1");
        type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(".hours-cell").queryAll()).as("a day holding two kinds")
                .anyMatch(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                        && l.getText().contains(" + "));
        look("semaine, deux sortes d’heures un même jour");
    }

    private void visitParticipantScreens() {
        TableView<?> participants = lookup("#participants-table").queryAs(TableView.class);
        interact(() -> participants.getSelectionModel().select(0));
        clickOn("#participants-open");
        look("fiche salarié·e");
        clickOn("#file-new-note");
        look("fiche salarié·e, nouvelle note");
        if (!lookup("#file-exit").query().isDisabled()) {
            clickOn("#file-exit");
            look("sortie");
            type(javafx.scene.input.KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
        }
        clickOn("#file-erase");
        look("effacement");
        clickOn("#erasure-cancel");
        clickOn("#file-edit");
        look("modification de la fiche");
        clickOn("#form-cancel");
        if (lookup("#file-back").tryQuery().isPresent()) {
            clickOn("#file-back");
        }
        clickOn("#participants-new");
        look("nouvelle fiche");
        clickOn("#form-cancel");
    }

    private void visitReferralScreens() {
        clickOn("#referral-new");
        look("nouvelle orientation");
        clickOn("#referral-cancel");
        TableView<?> referrals = lookup("#referral-table").queryAs(TableView.class);
        interact(() -> referrals.getSelectionModel().select(0));
        clickOn("#referral-open");
        look("orientation");
        clickOn("#referral-back");
    }
}
