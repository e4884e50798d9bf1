package fr.convergence.terrain.app.tools;

import fr.convergence.terrain.app.AppFlow;
import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.app.participant.ParticipantsPage;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.participant.ParticipantSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;

/**
 * The right-of-access export seen by an adviser (the screenshot tour signs in as an educator, who has no such
 * action): the participant file with the action and its reminder, then the message once exported. The exported
 * files stay in the folder given as second argument, for {@code take-right-of-access.sh} to render the PDF.
 */
public final class RightOfAccessScreenshots {

    private RightOfAccessScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Path exported = Path.of(args.length > 1 ? args[1] : "app/target/droit-acces");
        Path data = Files.createTempDirectory("terrain-screenshots");
        ZoneId paris = ZoneId.of("Europe/Paris");
        Clock clock = Clock.fixed(LocalDate.of(2026, 3, 18).atTime(10, 0).atZone(paris).toInstant(), paris);
        ToolSupport.Started app = ToolSupport.start(new DataFolder(data), clock);
        AppFlow flow = app.flow();
        Scene scene = app.scene();
        ToolSupport.onFx(() -> ((Button) scene.lookup("#welcome-demo")).fire());
        ToolSupport.settle();
        ToolSupport.onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<fr.convergence.terrain.core.domain.User> users =
                    (ListView<fr.convergence.terrain.core.domain.User>) scene.lookup("#signin-users");
            users.getSelectionModel().select(users.getItems().stream()
                    .filter(u -> u.login().equals("cip")).findFirst().orElseThrow());
            ((PasswordField) scene.lookup("#signin-password")).setText(DemoDataGenerator.DEMO_PASSWORD);
            ((Button) scene.lookup("#signin-button")).fire();
        });
        ToolSupport.settle();
        ToolSupport.onFx(() -> flow.mainWindow().open("participants"));
        ToolSupport.settle();
        ParticipantsPage participants = (ParticipantsPage) flow.mainWindow().page("participants").orElseThrow();
        ToolSupport.onFx(() -> {
            ParticipantSummary phc = participants.listViewModel().rows().stream()
                    .filter(s -> s.currentStep() != null && s.currentStep() >= 8).findFirst()
                    .orElse(participants.listViewModel().rows().get(0));
            participants.openFile(phc.participant().id());
        });
        ToolSupport.settle();
        ToolSupport.onFx(() -> ((Button) scene.lookup("#file-export-access")).fire());
        ToolSupport.settle();
        ToolSupport.save(scene, out.resolve("12-droit-acces.png"));

        Files.createDirectories(exported);
        ToolSupport.onFx(() -> {
            ((Button) scene.lookup("#file-export-cancel")).fire();
            participants.currentFile().exportPersonalData(exported);
        });
        ToolSupport.settle();
        ToolSupport.save(scene, out.resolve("13-droit-acces-exporte.png"));

        app.close();
        Platform.exit();
        System.exit(0);
    }
}
