package fr.convergence.terrain.app;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirstStartDemoTest extends AppTestSupport {

    @Test
    void theDemoPathFillsASeparateStoreMarkedDemoAndOpensTheWeekOfTheEducator() {
        assertThat(screen.get()).isEqualTo("welcome");

        clickOn("#welcome-demo");

        assertThat(screen.get()).isEqualTo("signin");
        assertThat(dataDir.resolve("terrain-demo.db")).exists();
        assertThat(dataDir.resolve("terrain.db")).doesNotExist();
        Stage stage = (Stage) Window.getWindows().get(0);
        assertThat(stage.getTitle()).startsWith("DÉMO");

        signIn("Camille", DemoDataGenerator.DEMO_PASSWORD);

        assertThat(screen.get()).isEqualTo("main");
        assertThat(lookup("#demo-banner").tryQuery()).isPresent();
        assertThat(text("#current-user")).contains("Camille");
        assertThat(flow.mainWindow().currentPage()).isEqualTo("week");
        TableView<?> table = lookup("#week-table").queryAs(TableView.class);
        assertThat(table.getItems()).isNotEmpty();
        assertThat(text("#week-label")).startsWith("Semaine 12 — du 16 au 22 mars");
        assertThat(text("#status-store")).contains("personnes en parcours");
    }

    @Test
    void theSyncPageOfTheDemoSaysItNeverSyncsAndTheWeekIsOneClickAway() {
        clickOn("#welcome-demo");
        signIn("Camille", DemoDataGenerator.DEMO_PASSWORD);

        clickOn("#nav-sync");
        assertThat(text("#sync-state")).as("demo data never syncs").isEqualTo("Démonstration\u00a0: rien n’est synchronisé");
        assertThat(text("#status-sync")).as("the status bar says the same").isEqualTo(text("#sync-state"));
        assertThat(lookup("#sync-button").queryButton().isDisabled()).isTrue();
        clickOn("#nav-week");
        assertThat(flow.mainWindow().currentPage()).isEqualTo("week");
    }
}
