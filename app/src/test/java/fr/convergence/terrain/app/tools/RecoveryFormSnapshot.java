package fr.convergence.terrain.app.tools;

import fr.convergence.terrain.app.AppFlow;
import fr.convergence.terrain.app.account.RecoveryKeyDialog;
import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/**
 * Saves {@code 14-cle-de-secours.png}, the forgotten-password form of the sign-in screen after a mistyped recovery
 * key, and {@code print-recovery-key.pdf}, the sheet « Imprimer… » writes. A laptop installed like a real one
 * (a coordinator, then an ESP account). Run by {@code app/src/test/screenshots/take-recovery-screenshot.sh} under
 * Xvfb, 1366×768.
 */
public final class RecoveryFormSnapshot {

    private static final String PASSWORD = "rouge-velo-lundi";

    private RecoveryFormSnapshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Path data = Files.createTempDirectory("terrain-recovery-screenshot");
        ZoneId paris = ZoneId.of("Europe/Paris");
        Clock clock = Clock.fixed(LocalDate.of(2026, 3, 18).atTime(10, 0).atZone(paris).toInstant(), paris);
        PasswordHasher fast = new PasswordHasher(1000);
        DataFolder folder = new DataFolder(data);
        String key;
        User coordinator;
        try (TerrainStore store = TerrainStore.open(folder.realStore(), clock)) {
            SetupService.Installation installation = new SetupService().installWithRecoveryKey(store, fast,
                    "abej-solidarite", "sandrine", "Sandrine Coordination", Role.COORDINATOR, PASSWORD.toCharArray(),
                    PASSWORD.toCharArray());
            coordinator = installation.account().value().orElseThrow();
            key = installation.recoveryKey().orElseThrow().groups();
            new AuthService(store, fast).createAccount(coordinator, "camille", "Camille Éducatrice", Role.ESP, null,
                    Set.of("abej-solidarite"), PASSWORD.toCharArray(), PASSWORD.toCharArray());
        }
        RecoveryKeyDialog.write(new RecoveryKeyDialog.Shown(key, "ABEJ Solidarité", coordinator, clock, false),
                out.resolve("print-recovery-key.pdf"));

        ToolSupport.Started app = ToolSupport.start(folder, clock);
        AppFlow flow = app.flow();
        Scene scene = app.scene();
        // One character of the last group mistyped: the form says so and keeps what was typed.
        String mistyped = key.substring(0, key.length() - 1) + (key.endsWith("7") ? "8" : "7");
        ToolSupport.onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<User> users = (ListView<User>) scene.lookup("#signin-users");
            users.getSelectionModel().select(users.getItems().stream().filter(u -> u.login().equals("camille"))
                    .findFirst().orElseThrow());
            ((Hyperlink) scene.lookup("#signin-recover")).fire();
            ((TextField) scene.lookup("#recover-key")).setText(mistyped);
            ((PasswordField) scene.lookup("#recover-password")).setText("bleu-bateau-jeudi");
            ((PasswordField) scene.lookup("#recover-confirmation")).setText("bleu-bateau-jeudi");
            ((Button) scene.lookup("#recover-button")).fire();
            ((PasswordField) scene.lookup("#recover-password")).setText("bleu-bateau-jeudi");
            ((PasswordField) scene.lookup("#recover-confirmation")).setText("bleu-bateau-jeudi");
            scene.lookup("#recover-key").requestFocus();
        });
        ToolSupport.settle();
        ToolSupport.save(scene, out.resolve("14-cle-de-secours.png"));

        app.close();
        Platform.exit();
        System.exit(0);
    }
}
