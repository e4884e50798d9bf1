package fr.convergence.terrain.app;

import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.security.RecoveryKey;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.verdict.Result;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forgotten password with the laptop's recovery key (ADR 0005), from the sign-in screen; and a new recovery key
 * made from the accounts page, after which only the new one opens the store.
 */
class RecoveryKeyWorkflowTest extends AppTestSupport {

    private static final String NEW_PASSWORD = "bleu-bateau-jeudi";
    private final MovingClock clock = new MovingClock(clock());
    private String recoveryKey;

    @Override
    Clock appClock() {
        return clock;
    }

    @Override
    void prepare(DataFolder folder) {
        try (TerrainStore store = TerrainStore.open(folder.realStore(), clock())) {
            SetupService.Installation installation = new SetupService().installWithRecoveryKey(store, FAST,
                    "abej-solidarite", "camille", "Camille Martin", Role.COORDINATOR,
                    TestAccounts.PASSWORD.toCharArray(), TestAccounts.PASSWORD.toCharArray());
            installation.account().value().orElseThrow();
            recoveryKey = installation.recoveryKey().orElseThrow().groups();
        }
    }

    /** Shown on screen: the node and every parent visible (the forms hide their whole box). */
    private boolean visible(String query) {
        for (javafx.scene.Node node = lookup(query).query(); node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void submitRecovery(String key, String password) {
        fill("#recover-key", key);
        fill("#recover-password", password);
        fill("#recover-confirmation", password);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theRecoveryKeySetsANewPasswordAndSignsThePersonInTheOldPasswordNoLongerWorks() {
        assertThat(screen.get()).isEqualTo("signin");
        clickOn(userCell("Camille"));

        // Échap closes the form and brings the password back, nothing changed.
        clickOn("#signin-recover");
        assertThat(visible("#recover-key")).isTrue();
        assertThat(visible("#signin-password")).isFalse();
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible("#signin-password")).isTrue();
        assertThat(visible("#recover-key")).isFalse();

        clickOn("#signin-recover");
        assertThat(text("#recover-login")).as("the account chosen in the list").isEqualTo("camille");

        submitRecovery(RecoveryKey.generate().groups(), NEW_PASSWORD);
        assertThat(text("#recover-error")).contains("Cette clé de secours n’ouvre pas les données de ce poste");
        assertThat(screen.get()).isEqualTo("signin");

        // The right key, typed loosely (lower case, spaces for dashes), with a password the rules refuse.
        String typedLoosely = recoveryKey.toLowerCase(Locale.ROOT).replace('-', ' ');
        submitRecovery(typedLoosely, "court");
        assertThat(text("#recover-error")).contains("10 caractères").doesNotContain("clé de secours");
        assertThat(screen.get()).isEqualTo("signin");

        submitRecovery(typedLoosely, NEW_PASSWORD);
        assertThat(screen.get()).isEqualTo("main");
        assertThat(text("#current-user")).isEqualTo("Camille Martin");

        clickOn("#switch-user-button");
        signIn("Camille", TestAccounts.PASSWORD);
        assertThat(text("#signin-error")).contains("Mot de passe incorrect");
        assertThat(screen.get()).isEqualTo("signin");
        clock.advance(Duration.ofSeconds(1));
        signIn("Camille", NEW_PASSWORD);
        assertThat(screen.get()).isEqualTo("main");
    }

    @Test
    void aNewRecoveryKeyFromTheAccountsPageReplacesTheOldOne() throws Exception {
        signIn("Camille", TestAccounts.PASSWORD);
        clickOn("#nav-accounts");
        clickOn("#account-renew-recovery");
        // The confirmation first (the old key stops working), then the new key, shown once with its print button.
        assertThat(lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .contains("ne fonctionnera plus");
        clickDialogOk();
        String renewed = text("#recovery-key");
        assertThat(renewed).matches("([0-9A-Z]{5}-){7}[0-9A-Z]{5}").isNotEqualTo(recoveryKey);
        assertThat(lookup("#recovery-key-print").tryQuery()).isPresent();
        clickDialogOk();
        assertThat(text("#account-message")).contains("Nouvelle clé de secours créée");

        // A second opening of the store beside the application, locked like a stolen copy: only the new key opens it.
        try (TerrainStore store = TerrainStore.open(new DataFolder(dataDir).realStore(), clock())) {
            AuthService auth = new AuthService(store, FAST);
            Result<?> withOld = auth.recover("camille", recoveryKey, NEW_PASSWORD.toCharArray(),
                    NEW_PASSWORD.toCharArray());
            assertThat(withOld.saved()).isFalse();
            assertThat(withOld.verdict().text()).contains("Cette clé de secours n’ouvre pas");
            assertThat(store.isUnlocked()).isFalse();
            Result<?> withNew = auth.recover("camille", renewed, NEW_PASSWORD.toCharArray(),
                    NEW_PASSWORD.toCharArray());
            assertThat(withNew.saved()).isTrue();
            assertThat(auth.signIn("camille", NEW_PASSWORD.toCharArray())).isPresent();
        }
    }
}
