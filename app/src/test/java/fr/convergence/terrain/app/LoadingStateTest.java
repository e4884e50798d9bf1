package fr.convergence.terrain.app;

import fr.convergence.terrain.app.common.DirectTaskExecutor;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page reading in the background says it is loading, not that there is nothing: the week grid right after
 * sign-in ("Aucun·e salarié·e en parcours…" showed for a second and a half), the participants' list, the referrals.
 */
class LoadingStateTest extends AppTestSupport {

    /**
     * Runs the work at once, except while {@link #hold} is set (and, until the first release, once the main window
     * shows): then it waits for {@link #release}.
     */
    private final class HeldExecutor implements TaskExecutor {
        private final DirectTaskExecutor direct = new DirectTaskExecutor();
        private final Deque<Runnable> held = new ArrayDeque<>();
        private volatile boolean hold;
        private volatile boolean holdOnceSignedIn = true;

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            if (hold || holdOnceSignedIn && "main".equals(screen.get())) {
                held.add(() -> direct.run(work, onSuccess, onFailure));
            } else {
                direct.run(work, onSuccess, onFailure);
            }
        }

        /** Runs what was held back, and what that asks for in turn, until nothing is left. */
        void release() {
            hold = false;
            holdOnceSignedIn = false;
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }

    private final HeldExecutor executor = new HeldExecutor();

    @Override
    TaskExecutor executor() {
        return executor;
    }

    @Override
    void prepare(DataFolder folder) {
        try (TerrainStore store = TerrainStore.open(folder.realStore(), clock())) {
            User camille = TestAccounts.install(store, FAST, "abej-solidarite", "camille", "Camille Martin", Role.ESP);
            store.write(camille.id(), tx -> {
                for (String[] name : new String[][] {{"Hélène", "Lefèvre"}, {"Jean", "Dupont"}}) {
                    new ParticipantRepository(store).save(tx, new Participant(store.newRowId(), "abej-solidarite",
                            name[0], name[1], LocalDate.of(1985, 4, 2), null, null, null, null, null));
                }
                return null;
            });
        }
    }

    /** What the table shows in place of rows: the visible label of its placeholder. */
    private String placeholderText(String table) {
        Node placeholder = lookup(table).queryAs(TableView.class).getPlaceholder();
        return placeholder.lookupAll(".label").stream().filter(n -> shown(n, placeholder))
                .map(n -> ((Label) n).getText()).findFirst().orElse("");
    }

    /** Whether {@code node} and every parent up to {@code top} are visible. */
    private static boolean shown(Node node, Node top) {
        for (Node n = node; n != null; n = n == top ? null : n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private boolean progressShown(String table) {
        Node placeholder = lookup(table).queryAs(TableView.class).getPlaceholder();
        return placeholder.lookupAll(".progress-indicator").stream()
                .anyMatch(n -> n instanceof ProgressIndicator && shown(n, placeholder));
    }

    /**
     * Enter typed in the people search right after a letter acts on that letter's rows: while they are being read,
     * the rows of the letters before are still shown and must not be opened (found in review).
     */
    @Test
    void enterInTheSearchOpensThePersonOfWhatIsTypedNotThePreviousRows() {
        signIn("Camille", TestAccounts.PASSWORD);
        interact(executor::release);
        clickOn("#nav-participants");
        interact(() -> lookup("#participants-status").queryComboBox().setValue(null));
        fill("#participants-search", "lef");
        assertThat(lookup("#participants-table").queryAs(TableView.class).getItems()).hasSize(1);

        executor.hold = true;
        fill("#participants-search", "dup");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#file-title").tryQuery()).as("nothing opened on the rows of « lef »").isEmpty();

        interact(executor::release);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#file-title")).isEqualTo("Jean Dupont");
    }

    @Test
    void theWeekTheParticipantsAndTheReferralsSayTheyAreLoadingBeforeSayingThereIsNobody() {
        // Sign-in runs at once; what the main window asks for afterwards waits.
        signIn("Camille", TestAccounts.PASSWORD);

        assertThat(placeholderText("#week-table")).isEqualTo("Chargement…");
        assertThat(progressShown("#week-table")).isTrue();

        interact(executor::release);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(placeholderText("#week-table")).isEqualTo(fr.convergence.terrain.app.common.I18n.t("week.empty"));
        assertThat(progressShown("#week-table")).isFalse();

        executor.hold = true;
        clickOn("#nav-participants");
        assertThat(placeholderText("#participants-table")).isEqualTo("Chargement…");
        interact(executor::release);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(placeholderText("#participants-table")).isNotEqualTo("Chargement…").isNotEmpty();

        executor.hold = true;
        clickOn("#nav-referrals");
        assertThat(placeholderText("#referral-table")).isEqualTo("Chargement…");
        interact(executor::release);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(placeholderText("#referral-table")).isNotEqualTo("Chargement…").isNotEmpty();
    }
}
