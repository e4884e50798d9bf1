package fr.convergence.terrain.app;

import fr.convergence.terrain.app.common.DirectTaskExecutor;
import fr.convergence.terrain.app.common.Scheduler;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.data.AppConfig;
import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.app.shell.PageRegistry;
import fr.convergence.terrain.app.sync.SyncAgent;
import fr.convergence.terrain.core.security.PasswordHasher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxToolkit;
import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the whole application in a temporary data folder, on a fixed day (Wednesday 18 March 2026), with the
 * direct executor so that every workflow step is finished when the robot's action returns.
 */
abstract class AppTestSupport extends FxRobot {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final PasswordHasher FAST = new PasswordHasher(1000);

    @TempDir
    Path dataDir;
    AppFlow flow;
    final AtomicReference<String> screen = new AtomicReference<>("");

    static Clock clock() {
        return Clock.fixed(TODAY.atTime(10, 0).atZone(PARIS).toInstant(), PARIS);
    }

    /** The application's clock; a test that must see time pass (the delay after wrong passwords) moves its own. */
    Clock appClock() {
        return clock();
    }

    /** Data to put in the folder before the application starts. */
    void prepare(DataFolder folder) {
    }

    /** The store's executor; a test that must see a page while it loads holds its work back. */
    TaskExecutor executor() {
        return new DirectTaskExecutor();
    }

    Duration idleLock() {
        return Duration.ofMinutes(10);
    }

    /** The pages of the main window around the sync; a test may wrap a factory to reach the page it drives. */
    Function<SyncAgent, PageRegistry> pages() {
        return TerrainPages::standard;
    }

    @BeforeEach
    void startApplication() throws Exception {
        DataFolder folder = new DataFolder(dataDir);
        prepare(folder);
        // No test laptop is enrolled: the automatic sync never plans a later look at the hub here.
        Scheduler never = (delay, action) -> () -> { };
        AppConfig config = new AppConfig(folder, executor(), new DirectTaskExecutor(), never, appClock(),
                FAST, FAST, idleLock(), 7);
        Stage primary = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            flow = new AppFlow(stage, config, pages());
            flow.onScreen(screen::set);
            flow.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(primary.isShowing()).isTrue();
    }

    @AfterEach
    void stopApplication() throws Exception {
        FxToolkit.setupFixture(() -> {
            if (flow != null) {
                flow.stop();
            }
        });
    }

    void signIn(String namePrefix, String password) {
        clickOn(userCell(namePrefix));
        clickOn("#signin-password");
        write(password);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Closes the open dialog with its OK button (not with the first button found: the recovery key's dialog also
     * holds « Imprimer… », which opens the system's file chooser).
     */
    void clickDialogOk() {
        clickOn(lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
    }

    Node userCell(String namePrefix) {
        return lookup(".list-cell").match((Node n) -> n instanceof ListCell<?> cell && cell.getText() != null
                && cell.getText().startsWith(namePrefix)).query();
    }

    String text(String query) {
        Node node = lookup(query).query();
        if (node instanceof Labeled labeled) {
            return labeled.getText();
        }
        if (node instanceof TextInputControl input) {
            return input.getText();
        }
        throw new IllegalArgumentException(query + " has no text");
    }

    void fill(String query, String value) {
        clickOn(query);
        interact(() -> ((TextInputControl) lookup(query).query()).clear());
        write(value);
    }
}
