package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.app.AppFlow;
import fr.convergence.terrain.app.TerrainPages;
import fr.convergence.terrain.app.week.DayCell;
import fr.convergence.terrain.app.week.WeekRowModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17: the application stays usable while a sync runs. The real application (headless TestFX) with its own
 * background executors signs in, and its automatic sync starts through a line whose answer is held: while that sync
 * waits, the week page takes a day's hours and saves them — the JavaFX thread and the store are not held by the
 * sync. Once the answer crosses, the sync ends, brings what the other laptop changed, and sends the hours typed
 * meanwhile in the same run.
 */
class SyncWhileWorkingTest extends FxRobot {

    @TempDir
    Path dir;
    SyncPageScenario scenario;
    AppFlow flow;
    final CountDownLatch line = new CountDownLatch(1);

    @AfterEach
    void stop() throws Exception {
        line.countDown();
        FxToolkit.setupFixture(() -> {
            if (flow != null) {
                flow.stop();
            }
        });
        if (scenario != null) {
            scenario.close();
        }
    }

    private String text(String query) {
        return lookup(query).queryAs(Labeled.class).getText();
    }

    @SuppressWarnings("unchecked")
    private TableView<WeekRowModel> week() {
        return lookup("#week-table").queryAs(TableView.class);
    }

    @Test
    void theWeekTakesHoursWhileASyncWaitsOnTheLineAndTheSyncSendsThemWhenItEnds() throws Exception {
        scenario = SyncPageScenario.enrolledBehindProxy(dir);
        // The health check at sign-in goes through; the sync's answer after it waits.
        scenario.proxy.holdAnswersFrom = scenario.proxy.down.get() + 1;
        scenario.proxy.holdAnswers = line;
        Stage primary = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            flow = new AppFlow(stage, scenario.backgroundConfig(), TerrainPages::standard);
            flow.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(primary.isShowing()).isTrue();
        Predicate<Node> camille = n -> n instanceof ListCell<?> cell && cell.getText() != null
                && cell.getText().startsWith("Camille");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup(".list-cell").match(camille).tryQuery()
                .isPresent());
        clickOn(lookup(".list-cell").match(camille).<Node>query());
        clickOn("#signin-password");
        write(SyncPageScenario.PASSWORD);
        type(KeyCode.ENTER);

        // The automatic sync starts at sign-in and waits for the hub's answer, held on the line.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#status-sync").tryQuery().isPresent()
                && text("#status-sync").equals("Synchronisation en cours…"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#week-table").tryQuery().isPresent()
                && week().getItems().size() == 1);

        // Hélène's Monday is selected when the week opens: typed and saved while the sync waits.
        clickOn("#week-table");
        write("6");
        type(KeyCode.ENTER);
        WeekRowModel helene = week().getItems().get(0);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> helene.day(0).state() != DayCell.State.PENDING);
        assertThat(helene.day(0).text()).isEqualTo("6 h");
        assertThat(helene.day(0).state()).isNotEqualTo(DayCell.State.REFUSED);
        assertThat(text("#status-sync")).as("the sync was still waiting while the hours were saved")
                .isEqualTo("Synchronisation en cours…");

        line.countDown();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text("#status-sync").equals("Synchronisation en cours…"));
        Map<String, Map<String, Object>> hub = scenario.world.hubSnapshot(Set.of(SyncWorld.SITE_A));
        assertThat(hub).as("the hours typed during the sync reached the hub in that same sync")
                .anySatisfy((key, row) -> {
                    assertThat(key).startsWith("hours_entry/");
                    assertThat(row.get("minutes")).hasToString("360");
                });
        assertThat(text("#status-sync")).doesNotContain("attente");
    }
}
