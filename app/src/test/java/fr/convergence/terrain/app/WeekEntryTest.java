package fr.convergence.terrain.app;

import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.app.week.DayCell;
import fr.convergence.terrain.app.week.WeekRowModel;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import fr.convergence.terrain.core.week.WeekGrid;
import fr.convergence.terrain.core.week.WeekService;
import java.time.LocalDate;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

class WeekEntryTest extends AppTestSupport {

    private static final IsoWeek WEEK = IsoWeek.of(TODAY);

    @Override
    void prepare(DataFolder folder) {
        try (TerrainStore store = TerrainStore.open(folder.realStore(), clock())) {
            User esp = TestAccounts.install(store, FAST, "abej-solidarite", "camille", "Camille Martin", Role.ESP);
            ParticipantService participants = new ParticipantService(new Workstation(store));
            participants.create(esp, person("Hélène", "Aubert"), new Enrolment(null, null, null, Programme.PHC,
                    ContractType.PHC, WEEK.monday().minusWeeks(4), null, null, null, null, null, null, null, null));
            participants.create(esp, person("Ali", "Benali"), new Enrolment(null, null, null, Programme.CVG,
                    ContractType.CDDI, WEEK.monday().minusMonths(2), WEEK.monday().plusMonths(10), 26, null, null,
                    null, null, null, null));
        }
    }

    private static Participant person(String first, String last) {
        return new Participant(null, "abej-solidarite", first, last, LocalDate.of(1980, 1, 2), null, null, null,
                null, null);
    }

    private WeekGrid stored() {
        try (TerrainStore store = TerrainStore.open(dataDir.resolve("terrain.db"), clock())) {
            User esp = new fr.convergence.terrain.core.account.AuthService(store, FAST).activeUsers().get(0);
            return new WeekService(new Workstation(store)).load(esp, WEEK);
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<WeekRowModel> table() {
        return lookup("#week-table").queryAs(TableView.class);
    }

    @Test
    void aWeekIsTypedFromTheKeyboardAndARefusedValueIsShownRedAndNotSaved() {
        signIn("Camille", TestAccounts.PASSWORD);
        assertThat(table().getItems()).extracting(WeekRowModel::name).containsExactly("Aubert Hélène", "Benali Ali");

        // The first row's Monday is selected when the week opens: type like in a spreadsheet.
        write("6");
        type(KeyCode.TAB);
        write("6,5");
        type(KeyCode.TAB);
        write("6.5");
        type(KeyCode.TAB);
        write("6h30");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        WeekRowModel aubert = table().getItems().get(0);
        WeekRowModel benali = table().getItems().get(1);
        assertThat(aubert.day(0).text()).isEqualTo("6 h");
        // 6 + 6.5 = 12.5 h for a 4 h PHC step: saved, orange, with the step message.
        assertThat(aubert.day(1).state()).isEqualTo(DayCell.State.WARNING);
        assertThat(aubert.day(1).message()).contains("Palier de 4 h");
        // 6 + 6.5 + 6.5 = 19 h: still under the PHC maximum. 6 h 30 more would make 25.5 h: refused.
        assertThat(aubert.day(2).state()).isEqualTo(DayCell.State.WARNING);
        assertThat(aubert.day(3).state()).isEqualTo(DayCell.State.REFUSED);
        assertThat(aubert.day(3).message()).contains("au plus 20 h");
        assertThat(text("#week-message")).contains("au plus 20 h");

        // Enter moved down to the second row, same day (Thursday): 11 h in one day is refused.
        write("11");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(benali.day(3).state()).isEqualTo(DayCell.State.REFUSED);
        assertThat(benali.day(3).message()).contains("Au plus 10 h");

        WeekGrid grid = stored();
        WeekGrid.Row storedAubert = grid.rows().get(0);
        assertThat(storedAubert.minutes(WEEK.monday(), HoursKind.TRAVAIL_CHANTIER)).isEqualTo(360);
        assertThat(storedAubert.minutes(WEEK.monday().plusDays(1), HoursKind.TRAVAIL_CHANTIER)).isEqualTo(390);
        assertThat(storedAubert.minutes(WEEK.monday().plusDays(2), HoursKind.TRAVAIL_CHANTIER)).isEqualTo(390);
        assertThat(storedAubert.minutes(WEEK.monday().plusDays(3), HoursKind.TRAVAIL_CHANTIER)).isZero();
        assertThat(grid.rows().get(1).entries()).isEmpty();
        // Not enrolled: the changes are kept until the laptop is enrolled, and the status bar says so.
        assertThat(text("#status-sync")).startsWith("Poste non enrôlé\u00a0:").contains("attendent l’enrôlement");
    }

    @Test
    void kindLettersUndoAndClearingWork() {
        signIn("Camille", TestAccounts.PASSWORD);
        type(KeyCode.DOWN);
        write("e4");
        type(KeyCode.TAB);
        write("a7");
        type(KeyCode.TAB);
        write("7");
        type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        WeekRowModel benali = table().getItems().get(1);
        assertThat(benali.day(0).text()).isEqualTo("Ent. 4 h");
        assertThat(benali.day(1).text()).isEqualTo("Abs. J 7 h");
        assertThat(benali.totalProperty().get()).isEqualTo("11 h");

        press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(benali.day(2).text()).isEmpty();

        type(KeyCode.LEFT, 3);
        type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(benali.day(0).text()).isEmpty();

        write("x5");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(benali.day(0).state()).isEqualTo(DayCell.State.REFUSED);
        assertThat(benali.day(0).message()).contains("lettre inconnue");

        WeekGrid.Row stored = stored().rows().get(1);
        assertThat(stored.minutes(WEEK.monday().plusDays(1), HoursKind.ABSENCE_JUSTIFIEE)).isEqualTo(420);
        assertThat(stored.entries()).hasSize(1);
    }

    @Test
    void weeksAreNavigatedAndThePreviousWeekCanBeCopied() {
        signIn("Camille", TestAccounts.PASSWORD);
        clickOn("#week-previous");
        assertThat(text("#week-label")).startsWith("Semaine 11 — du 9 au 15 mars");
        type(KeyCode.DOWN);
        write("7");
        type(KeyCode.TAB);
        write("7");
        type(KeyCode.ENTER);
        clickOn("#week-next");
        assertThat(text("#week-label")).startsWith("Semaine 12");

        clickOn("#week-copy");
        clickOn("#week-copy-confirm");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text("#week-message")).startsWith("2 cases copiées. Ctrl+Z annule toute la copie.");
        assertThat(table().getItems().get(1).totalProperty().get()).isEqualTo("14 h");
    }

    /** Selects Benali's (second row) Monday of the week shown, as a click would. */
    private void selectBenaliMonday() {
        WeekRowModel benali = table().getItems().get(1);
        interact(() -> {
            table().getSelectionModel().clearAndSelect(1, table().getColumns().get(2));
            table().getFocusModel().focus(1, table().getColumns().get(2));
            table().requestFocus();
        });
        assertThat(table().getFocusModel().getFocusedItem()).isSameAs(benali);
    }

    private int pendingChanges() {
        try (TerrainStore store = TerrainStore.open(dataDir.resolve("terrain.db"), clock())) {
            return new fr.convergence.terrain.sync.client.store.SyncRepository(store).pendingCount();
        }
    }

    @Test
    void copyingThePreviousWeekAsksFirstFillsOnlyEmptyDaysAndIsUndoneInOneStep() {
        signIn("Camille", TestAccounts.PASSWORD);
        clickOn("#week-previous");
        selectBenaliMonday();
        write("7");
        type(KeyCode.TAB);
        write("7");
        type(KeyCode.TAB);
        write("2");
        type(KeyCode.ENTER);
        clickOn("#week-next");
        selectBenaliMonday();
        // Monday already holds an unjustified absence: the copy must not add hours next to it.
        write("i3");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        int pendingBeforeCopy = pendingChanges();

        clickOn("#week-copy");
        assertThat(text("#week-copy-details"))
                .contains("2 cases vides seront remplies")
                .contains("pour 1 salarié·e\u00a0: Benali Ali.")
                .contains("1 case déjà remplie (heures ou absence) sera laissée telle quelle.");
        clickOn("#week-copy-confirm");
        WaitForAsyncUtils.waitForFxEvents();

        WeekRowModel benali = table().getItems().get(1);
        assertThat(text("#week-message")).startsWith("2 cases copiées, 1 déjà remplie laissée telle quelle.");
        assertThat(benali.day(0).text()).isEqualTo("Abs. I 3 h");
        assertThat(benali.day(1).text()).isEqualTo("7 h");
        assertThat(benali.day(2).text()).isEqualTo("2 h");
        assertThat(pendingChanges()).isEqualTo(pendingBeforeCopy + 2);

        // One undo takes the whole copy back, and leaves nothing more to synchronise.
        assertThat(lookup("#week-undo").queryButton().isDisabled()).isFalse();
        clickOn("#week-undo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(benali.day(1).text()).isEmpty();
        assertThat(benali.day(2).text()).isEmpty();
        assertThat(benali.day(0).text()).isEqualTo("Abs. I 3 h");
        assertThat(text("#week-message")).isEqualTo("Annulé\u00a0: 2 cases remises comme avant.");
        assertThat(pendingChanges()).isEqualTo(pendingBeforeCopy);

        // Asked to, the copy replaces the filled day too: Monday then holds last week's 7 h and nothing else.
        clickOn("#week-copy");
        clickOn("#week-copy-replace");
        clickOn("#week-copy-confirm");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table().getItems().get(1).day(0).text()).isEqualTo("7 h");
        assertThat(stored().rows().get(1).on(WEEK.monday())).extracting(e -> e.kind())
                .containsExactly(HoursKind.TRAVAIL_CHANTIER);
    }

    @Test
    void refusedValuesAndUndoAreKeptPerWeekWhileSignedIn() {
        signIn("Camille", TestAccounts.PASSWORD);
        selectBenaliMonday();
        write("11");
        type(KeyCode.TAB);
        write("5");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table().getItems().get(1).day(0).state()).isEqualTo(DayCell.State.REFUSED);

        clickOn("#week-next");
        assertThat(text("#week-message")).contains("La semaine 12 garde 1 valeur refusée en rouge");
        assertThat(lookup("#week-undo").queryButton().isDisabled()).isTrue();
        clickOn("#week-previous");

        WeekRowModel benali = table().getItems().get(1);
        assertThat(benali.day(0).state()).isEqualTo(DayCell.State.REFUSED);
        assertThat(benali.day(0).text()).isEqualTo("11");
        assertThat(text("#week-message")).contains("1 valeur refusée reste en rouge sur cette semaine");
        // Editing the red cell starts from what was typed.
        assertThat(benali.day(0).editText()).isEqualTo("11");

        // The week's undo came back with it: Ctrl+Z takes Tuesday's 5 h away.
        assertThat(lookup("#week-undo").queryButton().isDisabled()).isFalse();
        press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(benali.day(1).text()).isEmpty();

        // Fixing the red value saves it and forgets the refusal.
        selectBenaliMonday();
        write("6");
        type(KeyCode.ENTER);
        clickOn("#week-next");
        clickOn("#week-previous");
        assertThat(table().getItems().get(1).day(0).text()).isEqualTo("6 h");
        assertThat(text("#week-message")).doesNotContain("refusée");
    }

    @Test
    void undoingAChangeNotYetSentLeavesNoChangeToSynchronise() {
        signIn("Camille", TestAccounts.PASSWORD);
        int before = pendingChanges();
        selectBenaliMonday();
        write("5");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pendingChanges()).isEqualTo(before + 1);

        press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table().getItems().get(1).day(0).text()).isEmpty();
        assertThat(pendingChanges()).isEqualTo(before);
    }

    @Test
    void typingWithoutALetterOnADayOfSeveralKindsSaysWhatItChanged() {
        signIn("Camille", TestAccounts.PASSWORD);
        selectBenaliMonday();
        write("i3");
        type(KeyCode.ENTER);
        selectBenaliMonday();
        write("2");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        WeekRowModel benali = table().getItems().get(1);
        assertThat(benali.day(0).text()).isEqualTo("2 h + Abs. I 3 h");
        // Before the edit, the cell's tooltip says what typing without a letter does there.
        assertThat(benali.day(0).message()).contains("plusieurs types").contains("heures de chantier");

        selectBenaliMonday();
        write("5");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(benali.day(0).text()).isEqualTo("5 h + Abs. I 3 h");
        assertThat(text("#week-message"))
                .contains("Modifié\u00a0: chantier (sans lettre)\u00a0; inchangé\u00a0: Abs. I 3 h.");

        // Suppr empties the whole day, says what it held, and one Ctrl+Z puts both kinds back.
        selectBenaliMonday();
        type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(benali.day(0).text()).isEmpty();
        assertThat(text("#week-message")).contains("il y avait\u00a0: 5 h + Abs. I 3 h");
        press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(benali.day(0).text()).isEqualTo("5 h + Abs. I 3 h");
    }
}
