package fr.convergence.terrain.app;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The status bar and the Synchronisation page say the same thing of the sync, in the demo and on a real laptop. */
class SyncStateShownTheSameTest extends FeatureTestSupport {

    /** What the status bar says, checked against the Synchronisation page's headline. */
    static String statusBarThenPage(AppTestSupport test) {
        String statusBar = test.text("#status-sync");
        test.clickOn("#nav-sync");
        assertThat(test.text("#sync-state")).as("the page says what the status bar says").isEqualTo(statusBar);
        return statusBar;
    }

    private String statusBarThenPage() {
        return statusBarThenPage(this);
    }

    @Test
    void theDemoSaysNothingIsSyncedEvenAfterAChange() {
        startDemoAs("Camille");
        assertThat(text("#status-sync")).isEqualTo("Démonstration\u00a0: rien n’est synchronisé");

        clickOn("#week-table");
        type(KeyCode.HOME);
        write("3");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(statusBarThenPage()).as("a change in the demo does not wait for any hub")
                .isEqualTo("Démonstration\u00a0: rien n’est synchronisé");
        assertThat(lookup("#sync-pending").query().isVisible()).as("no count of changes waiting for no hub").isFalse();
    }
}
