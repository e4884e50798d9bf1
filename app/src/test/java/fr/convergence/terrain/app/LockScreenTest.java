package fr.convergence.terrain.app;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.domain.User;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock screen is for the person who locked: their name is chosen, only their password is left to type. */
class LockScreenTest extends FeatureTestSupport {

    @Test
    void theLockScreenPreselectsThePersonWhoLockedIt() {
        startDemoAs("Yanis");
        clickOn("#lock-button");
        assertThat(screen.get()).isEqualTo("locked");

        ListView<User> users = lookup("#signin-users").queryListView();
        assertThat(users.getSelectionModel().getSelectedItem()).as("the person who locked is chosen").isNotNull()
                .extracting(User::displayName).isEqualTo("Yanis Conseiller (CIP)");

        clickOn("#signin-password");
        write(DemoDataGenerator.DEMO_PASSWORD);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen.get()).isEqualTo("main");
        assertThat(text("#current-user")).contains("Yanis");
    }
}
