package fr.convergence.terrain.app.tools;

import fr.convergence.terrain.app.AppFlow;
import fr.convergence.terrain.app.MovingClock;
import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.app.participant.ParticipantsPage;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.domain.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;

/**
 * Saves {@code 12-journal-acces.png}: the access journal page as a coordinator sees it after a morning on the demo
 * laptop (a wrong password, sign-ins, files opened by an educator and an adviser). Run by
 * {@code app/src/test/screenshots/take-audit-screenshot.sh} under Xvfb, 1366×768.
 */
public final class AuditPageSnapshot {

    private AuditPageSnapshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Path data = Files.createTempDirectory("terrain-audit-screenshot");
        ZoneId paris = ZoneId.of("Europe/Paris");
        // Moved on between steps, so that the entries show the morning's times.
        MovingClock clock = new MovingClock(Clock.fixed(
                LocalDate.of(2026, 3, 18).atTime(8, 12).atZone(paris).toInstant(), paris));
        ToolSupport.Started app = ToolSupport.start(new DataFolder(data), clock);
        AppFlow flow = app.flow();
        Scene scene = app.scene();
        ToolSupport.onFx(() -> ((Button) scene.lookup("#welcome-demo")).fire());
        ToolSupport.settle();

        signIn(scene, "esp", "demonstratoin");
        clock.advance(Duration.ofMinutes(1));
        signIn(scene, "esp", DemoDataGenerator.DEMO_PASSWORD);
        clock.advance(Duration.ofMinutes(23));
        openFiles(flow, 0, 1);
        clock.advance(Duration.ofMinutes(47));
        ToolSupport.onFx(flow::switchUser);
        ToolSupport.settle();
        signIn(scene, "cip", DemoDataGenerator.DEMO_PASSWORD);
        clock.advance(Duration.ofMinutes(9));
        openFiles(flow, 2, 1);
        clock.advance(Duration.ofMinutes(14));
        openFiles(flow, 0, 1);
        clock.advance(Duration.ofMinutes(65));
        ToolSupport.onFx(flow::switchUser);
        ToolSupport.settle();
        signIn(scene, "coordination", DemoDataGenerator.DEMO_PASSWORD);
        clock.advance(Duration.ofMinutes(2));
        ToolSupport.onFx(() -> flow.mainWindow().open("audit"));
        ToolSupport.settle();
        ToolSupport.save(scene, out.resolve("12-journal-acces.png"));

        app.close();
        Platform.exit();
        System.exit(0);
    }

    private static void signIn(Scene scene, String login, String password) throws Exception {
        ToolSupport.onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<User> users = (ListView<User>) scene.lookup("#signin-users");
            users.getSelectionModel().select(users.getItems().stream().filter(u -> u.login().equals(login))
                    .findFirst().orElseThrow());
            ((PasswordField) scene.lookup("#signin-password")).setText(password);
            ((Button) scene.lookup("#signin-button")).fire();
        });
        ToolSupport.settle();
    }

    /** Opens {@code count} participants' files from the {@code first}-th of the list. */
    private static void openFiles(AppFlow flow, int first, int count) throws Exception {
        ToolSupport.onFx(() -> flow.mainWindow().open("participants"));
        ToolSupport.settle();
        ParticipantsPage participants = (ParticipantsPage) flow.mainWindow().page("participants").orElseThrow();
        for (int i = first; i < first + count; i++) {
            int index = i;
            ToolSupport.onFx(() -> participants.openFile(participants.listViewModel().rows().get(index)
                    .participant().id()));
            ToolSupport.settle();
        }
    }
}
