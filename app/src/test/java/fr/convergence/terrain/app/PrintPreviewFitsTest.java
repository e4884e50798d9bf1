package fr.convergence.terrain.app;

import fr.convergence.terrain.app.print.PrintsPage;
import fr.convergence.terrain.app.print.PrintsViewModel;
import fr.convergence.terrain.core.domain.Participant;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** At 1280×720 the previewed page fits its pane and the preview's status is on screen, whole. */
class PrintPreviewFitsTest extends FeatureTestSupport {

    @Test
    void thePreviewFitsItsPaneAndItsStatusIsShownWhole() throws Exception {
        interact(() -> {
            Stage stage = (Stage) window(0);
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        startDemoAs("Yanis");
        clickOn("#nav-print");
        PrintsViewModel model = ((PrintsPage) flow.mainWindow().page("print").orElseThrow()).model();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.participants().isEmpty());
        Participant chosen = model.participants().get(0);
        interact(() -> lookup("#print-participant").<Participant>queryComboBox().setValue(chosen));
        clickOn("#print-preview-follow-up");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.pages().isEmpty() && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        ScrollPane pane = (ScrollPane) lookup("#print-pages").query().getParent().getParent().getParent();
        double room = pane.getViewportBounds().getWidth();
        for (Node page : lookup("#print-pages").lookup((Node n) -> n instanceof ImageView).queryAll()) {
            assertThat(page.getBoundsInParent().getWidth()).as("a page fits the preview's width").isLessThan(room);
        }

        Label status = lookup("#print-status").queryAs(Label.class);
        assertThat(status.getText()).isNotEmpty();
        assertThat(status.isVisible()).isTrue();
        Bounds onScreen = status.localToScene(status.getBoundsInLocal());
        assertThat(onScreen.getMaxX()).as("inside the window, not behind an overflow menu")
                .isLessThanOrEqualTo(window(0).getScene().getWidth());
        assertThat(ScreenFit.cutTexts(status.getParent())).isEmpty();
    }
}
