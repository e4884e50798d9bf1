package fr.convergence.terrain.app;

import java.time.Duration;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

class SignInAndLockTest extends AppTestSupport {

    /** Follows the password rule (10 characters, not a common one). */
    private static final String PASSWORD = "rouge-velo-lundi";
    private final MovingClock clock = new MovingClock(clock());

    @Override
    java.time.Clock appClock() {
        return clock;
    }

    @Override
    Duration idleLock() {
        return Duration.ofMillis(1500);
    }

    private void installWorkstation() {
        clickOn("#welcome-install");
        interact(() -> {
            ComboBox<fr.convergence.terrain.core.domain.Territory> territory =
                    lookup("#setup-territory").queryComboBox();
            territory.getSelectionModel().select(territory.getItems().stream()
                    .filter(t -> t.id().equals("lille")).findFirst().orElseThrow());
            ComboBox<fr.convergence.terrain.core.domain.Worksite> worksite = lookup("#setup-worksite").queryComboBox();
            worksite.getSelectionModel().select(0);
        });
        fill("#setup-name", "Camille Martin");
        fill("#setup-login", "camille");
        fill("#setup-password", PASSWORD);
        fill("#setup-confirmation", PASSWORD);
        clickOn("#setup-install");
        WaitForAsyncUtils.waitForFxEvents();
        // The recovery key of the encrypted store (ADR 0005) is shown once, before the main window.
        assertThat(lookup("#recovery-key").queryAs(javafx.scene.control.TextField.class).getText())
                .matches("([0-9A-Z]{5}-){7}[0-9A-Z]{5}");
        assertThat(lookup("#recovery-key-print").tryQuery()).as("the key can be printed").isPresent();
        clickDialogOk();
    }

    @Test
    void installingTheWorkstationCreatesTheRealStoreAndSignsTheFirstUserIn() {
        installWorkstation();

        assertThat(screen.get()).isEqualTo("main");
        assertThat(dataDir.resolve("terrain.db")).exists();
        assertThat(lookup("#demo-banner").tryQuery()).isEmpty();
        assertThat(text("#current-user")).contains("Camille Martin");
    }

    @Test
    void aMismatchedPasswordIsRefusedWithAFrenchMessage() {
        clickOn("#welcome-install");
        fill("#setup-name", "Camille Martin");
        fill("#setup-login", "camille");
        fill("#setup-password", PASSWORD);
        fill("#setup-confirmation", PASSWORD + "2");
        clickOn("#setup-install");

        assertThat(screen.get()).isEqualTo("setup");
        assertThat(text("#setup-errors")).contains("Choisissez le chantier").contains("différents");
    }

    @Test
    void lockingHidesTheWorkAndOnlyTheRightPasswordUnlocksIt() {
        installWorkstation();

        clickOn("#lock-button");
        assertThat(screen.get()).isEqualTo("locked");
        assertThat(text("#signin-title")).contains("verrouillée");
        assertThat(lookup("#week-table").tryQuery()).isEmpty();

        clickOn("#signin-password");
        write("wrong-one");
        clickOn("#signin-button");
        assertThat(text("#signin-error")).contains("Mot de passe incorrect", "réessayer dans 1 s");
        assertThat(screen.get()).isEqualTo("locked");

        // Straight after a wrong password, even the right one waits out the delay; the screen says how long.
        clickOn("#signin-password");
        write(PASSWORD);
        clickOn("#signin-button");
        assertThat(text("#signin-error")).contains("attendez 1 s avant de réessayer");
        assertThat(screen.get()).isEqualTo("locked");

        clock.advance(Duration.ofSeconds(1));
        clickOn("#signin-password");
        write(PASSWORD);
        clickOn("#signin-button");
        assertThat(screen.get()).isEqualTo("main");
        assertThat(lookup("#week-table").tryQuery()).isPresent();
    }

    @Test
    void theSessionLocksByItselfAfterTheIdleTime() throws Exception {
        installWorkstation();
        assertThat(screen.get()).isEqualTo("main");

        // The idle time is short in tests (AppTestSupport); wait for the lock instead of sleeping a fixed time.
        WaitForAsyncUtils.waitFor(15, java.util.concurrent.TimeUnit.SECONDS, () -> "locked".equals(screen.get()));

        assertThat(screen.get()).isEqualTo("locked");
    }

    @Test
    void switchingUserTakesTwoClicksToReachTheOtherPersonsPassword() {
        installWorkstation();

        clickOn("#switch-user-button");
        assertThat(screen.get()).isEqualTo("signin");
        clickOn(userCell("Camille"));

        assertThat(lookup("#signin-password").query().isFocused()).isTrue();
    }
}
