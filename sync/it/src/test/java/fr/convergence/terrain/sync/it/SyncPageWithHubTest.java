package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.app.AppFlow;
import fr.convergence.terrain.app.TerrainPages;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The application's Synchronisation page against a running hub (headless TestFX): enrolment with the hub's code,
 * then a conflict between two laptops appears with both values side by side and is resolved from the page —
 * and the resolution reaches the other laptop.
 */
class SyncPageWithHubTest extends FxRobot {

    @TempDir
    Path dir;
    SyncPageScenario scenario;
    AppFlow flow;

    private void start() throws Exception {
        signIn();
        clickOn("#nav-sync");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void signIn() throws Exception {
        Stage primary = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            flow = new AppFlow(stage, scenario.config(), TerrainPages::standard);
            flow.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(primary.isShowing()).isTrue();
        // The sign-in list is filled from the store in the background: wait for Camille's cell to be shown.
        java.util.function.Predicate<Node> camille = n -> n instanceof ListCell<?> cell && cell.getText() != null
                && cell.getText().startsWith("Camille");
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> lookup(".list-cell").match(camille).tryQuery().isPresent());
        clickOn(lookup(".list-cell").match(camille).<Node>query());
        clickOn("#signin-password");
        write(SyncPageScenario.PASSWORD);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
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

    private VBox conflictList() {
        return lookup("#conflict-list").queryAs(VBox.class);
    }

    @Test
    void aLaptopEnrolsFromThePageWithTheHubsCodeAndSendsItsDataAtOnce() throws Exception {
        scenario = SyncPageScenario.notEnrolled(dir);
        start();
        assertThat(text("#sync-state")).isEqualTo("Poste non enrôlé\u00a0: 2 modifications attendent l’enrôlement pour "
                + "partir au hub");
        assertThat(lookup("#sync-button").queryButton().isDisabled()).isTrue();
        assertThat(text("#status-sync")).as("the status bar says the same").isEqualTo(text("#sync-state"));
        String code = scenario.world.hub.enrolments().issueCode("worksite", SyncWorld.SITE_A, "A", Duration.ofDays(1));

        clickOn("#enrol-url").write(scenario.world.url().toString());
        clickOn("#enrol-code").write(code);
        clickOn("#enrol-label").write("Portable ESP");
        clickOn("#enrol-button");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text("#sync-state")).startsWith("À jour — synchronisé ");
        assertThat(text("#sync-hub")).isEqualTo("Hub : " + scenario.world.url() + " — chantier ABEJ Solidarité");
        assertThat(text("#sync-pending")).isEqualTo("Aucune modification en attente d’envoi");
        assertThat(text("#sync-last")).startsWith("Dernière synchronisation : le ");
        assertThat(text("#sync-progress-text")).startsWith("Terminé : 1 page,");
        assertThat(lookup("#enrol-card").query().isVisible()).isFalse();
        assertThat(text("#status-sync")).as("the status bar follows").isEqualTo(text("#sync-state"));
        assertThat(scenario.world.hubSnapshot(Set.of(SyncWorld.SITE_A))).containsKey("participant/"
                + scenario.heleneId);
        // The hub's console shows who was signed in on the laptop when it synced, and its empty quarantine.
        assertThat(scenario.world.hubStore.deviceReports().values()).anySatisfy(report -> {
            assertThat(report.person()).isEqualTo("camille");
            assertThat(report.quarantined()).isZero();
        });
    }

    @Test
    void aConflictWithAnotherLaptopAppearsWithBothValuesAndIsResolvedEverywhereFromThePage() throws Exception {
        scenario = SyncPageScenario.conflictWaiting(dir, false);
        start();
        assertThat(text("#sync-state")).isEqualTo("1 modification en attente d’envoi");
        assertThat(text("#sync-pending")).isEqualTo("1 modification en attente d’envoi");
        assertThat(text("#conflicts-title")).isEqualTo("Conflits à résoudre");

        clickOn("#sync-button");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text("#sync-message")).contains("1 nouveau conflit");
        assertThat(text("#conflicts-title")).isEqualTo("Conflits à résoudre (1)");
        assertThat(conflictList().getChildren()).singleElement();
        Node card = conflictList().getChildren().get(0);
        assertThat(from(card).lookup(".conflict-subject").queryAs(Labeled.class).getText())
                .isEqualTo("Aubert Hélène — Téléphone");
        String kept = from(card).lookup(".conflict-kept-value").queryAs(Labeled.class).getText();
        String other = from(card).lookup(".conflict-other-value").queryAs(Labeled.class).getText();
        assertThat(Set.of(kept, other)).containsExactlyInAnyOrder(SyncPageScenario.A_PHONE, SyncPageScenario.B_PHONE);
        assertThat(from(card).lookup(".hint").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .as("the page says which value was typed on this laptop").contains(kept.equals(SyncPageScenario.A_PHONE)
                        ? "Valeur enregistrée actuellement, saisie sur ce poste" : "Valeur saisie sur ce poste");
        assertThat(text("#sync-pending")).isEqualTo("Aucune modification en attente d’envoi");

        // Keep A's own value, whichever the hub kept meanwhile.
        String chosen = SyncPageScenario.A_PHONE;
        clickOn(from(card).lookup(kept.equals(chosen) ? ".conflict-keep" : ".conflict-take-other").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text("#conflicts-title")).isEqualTo("Conflits à résoudre");
        assertThat(text("#sync-message")).startsWith("Conflit résolu : Aubert Hélène — Téléphone.");
        assertThat(text("#sync-pending")).isNotEqualTo("Aucune modification en attente d’envoi");
        clickOn("#sync-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#sync-pending")).isEqualTo("Aucune modification en attente d’envoi");

        scenario.b.engine().sync(SyncProgress.NONE);
        assertThat(new SyncRepository(scenario.b.store()).openConflicts()).isEmpty();
        assertThat(new ParticipantRepository(scenario.b.store()).find(scenario.heleneId).orElseThrow().phone())
                .isEqualTo(chosen);
    }

    @Test
    void aReferralMoveRefusedBecauseAnotherLaptopClosedItSaysWhoClosedItAndWhen() throws Exception {
        scenario = SyncPageScenario.referralClosedOnB(dir);
        start();

        clickOn("#sync-button");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text("#quarantine-title")).isEqualTo("Modifications refusées par le hub (2)");
        String b = scenario.world.hub.enrolments().devices().stream()
                .filter(d -> d.id().equals(scenario.b.store().deviceId())).findFirst().orElseThrow().label();
        assertThat(lookup(".quarantine-reason").queryAllAs(Labeled.class)).hasSize(2).extracting(Labeled::getText)
                .allMatch(reason -> reason.equals("Motif du refus : Cette orientation a été close "
                        + "(«\u00a0Refusée\u00a0») le 18/03/2024 sur le poste "
                        + "«\u00a0" + b + "\u00a0»\u00a0: le passage à «\u00a0En cours\u00a0» n’est pas "
                        + "appliqué. Voyez avec ce poste\u00a0; créez une nouvelle orientation si besoin."),
                        "says who and when");
        assertThat(lookup(".quarantine-subject").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .allMatch(subject -> subject.startsWith("Aubert Hélène — "));
    }

    @Test
    void theAutomaticSyncRunsAfterSignInWithoutOpeningThePage() throws Exception {
        scenario = SyncPageScenario.conflictWaiting(dir, true);
        signIn();

        assertThat(lookup("#sync-button").tryQuery()).as("the Synchronisation page was not opened").isEmpty();
        // A's phone edit was waiting (1 change); the automatic sync sent it at sign-in.
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> text("#status-sync").startsWith("1 conflit à examiner"));
        clickOn("#nav-sync");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#conflicts-title")).isEqualTo("Conflits à résoudre (1)");
    }
}
