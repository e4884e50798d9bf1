package fr.convergence.terrain.app.tools;

import fr.convergence.terrain.app.AppFlow;
import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.app.participant.ParticipantsPage;
import fr.convergence.terrain.app.week.WeekPage;
import fr.convergence.terrain.app.week.WeekRowModel;
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
import javafx.scene.control.TableView;

/**
 * Runs the application in a real window on fresh demo data (fixed day: Wednesday 18 March 2026) and saves a
 * PNG of each main screen. Run by {@code app/src/test/screenshots/take-screenshots.sh} under Xvfb.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Path data = Files.createTempDirectory("terrain-screenshots");
        ZoneId paris = ZoneId.of("Europe/Paris");
        Clock clock = Clock.fixed(LocalDate.of(2026, 3, 18).atTime(10, 0).atZone(paris).toInstant(), paris);
        ToolSupport.Started app = ToolSupport.start(new DataFolder(data), clock);
        AppFlow flow = app.flow();
        Scene scene = app.scene();
        ToolSupport.save(scene, out.resolve("01-premier-demarrage.png"));

        ToolSupport.onFx(() -> ((Button) scene.lookup("#welcome-demo")).fire());
        ToolSupport.settle();
        ToolSupport.onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<fr.convergence.terrain.core.domain.User> users =
                    (ListView<fr.convergence.terrain.core.domain.User>) scene.lookup("#signin-users");
            users.getSelectionModel().select(users.getItems().stream()
                    .filter(u -> u.login().equals("esp")).findFirst().orElseThrow());
        });
        ToolSupport.settle();
        ToolSupport.save(scene, out.resolve("02-connexion.png"));
        ToolSupport.onFx(() -> {
            ((PasswordField) scene.lookup("#signin-password")).setText(DemoDataGenerator.DEMO_PASSWORD);
            ((Button) scene.lookup("#signin-button")).fire();
        });
        ToolSupport.settle();

        WeekPage week = (WeekPage) flow.mainWindow().page("week").orElseThrow();
        ToolSupport.onFx(() -> {
            TableView<WeekRowModel> table = week.tableView();
            WeekRowModel first = table.getItems().get(0);
            WeekRowModel phc = table.getItems().stream().filter(r -> r.targetProperty().get().equals("Palier 4 h"))
                    .findFirst().orElse(table.getItems().get(1));
            week.viewModel().commit(phc, 2, "3");
            week.viewModel().commit(first, 2, "26");
            week.select(0, 2);
        });
        ToolSupport.settle();
        ToolSupport.save(scene, out.resolve("03-semaine.png"));

        ToolSupport.onFx(() -> flow.mainWindow().open("participants"));
        ToolSupport.settle();
        ToolSupport.save(scene, out.resolve("04-salariees.png"));

        ParticipantsPage participants = (ParticipantsPage) flow.mainWindow().page("participants").orElseThrow();
        ToolSupport.onFx(() -> {
            ParticipantSummary phc = participants.listViewModel().rows().stream()
                    .filter(s -> s.currentStep() != null && s.currentStep() >= 8).findFirst()
                    .orElse(participants.listViewModel().rows().get(0));
            participants.openFile(phc.participant().id());
        });
        ToolSupport.settle();
        ToolSupport.save(scene, out.resolve("05-fiche-salariee.png"));

        ToolSupport.onFx(() -> ((Button) scene.lookup("#file-exit")).fire());
        ToolSupport.settle();
        ToolSupport.save(scene, out.resolve("06-sortie.png"));

        ToolSupport.onFx(() -> flow.mainWindow().open("sync"));
        ToolSupport.settle();
        ToolSupport.save(scene, out.resolve("07-synchronisation.png"));

        String[][] pages = {{"referrals", "09-orientations.png"}, {"reports", "10-rapports.png"},
            {"print", "11-impressions.png"}};
        for (String[] page : pages) {
            ToolSupport.onFx(() -> flow.mainWindow().open(page[0]));
            ToolSupport.settle();
            ToolSupport.save(scene, out.resolve(page[1]));
        }

        ToolSupport.onFx(() -> flow.session().lock());
        ToolSupport.settle();
        ToolSupport.save(scene, out.resolve("08-session-verrouillee.png"));

        app.close();
        Platform.exit();
        System.exit(0);
    }
}
