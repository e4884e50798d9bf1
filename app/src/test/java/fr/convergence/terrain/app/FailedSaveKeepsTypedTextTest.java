package fr.convergence.terrain.app;

import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.app.week.DayCell;
import fr.convergence.terrain.app.week.WeekRowModel;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.store.NoteRepository;
import fr.convergence.terrain.core.store.StoreFaults;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import fr.convergence.terrain.core.week.WeekService;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A save that the store refuses — its disk or folder read-only, or full: SQLite refuses the write the same way, the
 * transaction is rolled back — (issue 17, faults): the week view and the note editor say so in French, with what to
 * do, and keep what the person typed on the screen; once the store can write again, saving the same text works.
 */
class FailedSaveKeepsTypedTextTest extends FeatureTestSupport {

    private static final IsoWeek WEEK = IsoWeek.of(TODAY);

    @Override
    void prepare(DataFolder folder) {
        try (TerrainStore store = TerrainStore.open(folder.realStore(), clock())) {
            User cip = TestAccounts.install(store, FAST, "abej-solidarite", "yanis", "Yanis Roche", Role.CIP);
            new ParticipantService(new Workstation(store)).create(cip, new Participant(null, "abej-solidarite",
                    "Hélène", "Aubert", LocalDate.of(1980, 1, 2), null, null, null, null, null),
                    new Enrolment(null, null, null, Programme.CVG, ContractType.CDDI, WEEK.monday().minusMonths(2),
                            WEEK.monday().plusMonths(10), 26, null, null, null, null, null, null));
        }
    }

    @Test
    void hoursTypedWhileTheStoreCannotWriteStayInTheirCellAndAreSavedOnceItCan() {
        signIn("Yanis", TestAccounts.PASSWORD);
        refuseWrites(true);

        write("6h30");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        WeekRowModel aubert = table().getItems().get(0);
        assertThat(aubert.day(0).state()).isEqualTo(DayCell.State.REFUSED);
        assertThat(aubert.day(0).text()).as("the typed value, still on the screen").isEqualTo("6h30");
        assertThat(text("#week-message")).contains("ne peut pas être écrit", "lecture seule", "recommencez")
                .doesNotContain("SQLITE", "Exception");
        assertThat(storedMinutes()).isEmpty();

        refuseWrites(false);
        // One row: Enter left the selection on the refused cell, where the same value is typed again.
        write("6h30");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(aubert.day(0).state()).isNotEqualTo(DayCell.State.REFUSED);
        assertThat(aubert.day(0).text()).isEqualTo("6 h 30");
        assertThat(storedMinutes()).containsExactly(390);
    }

    @Test
    void aNoteWrittenWhileTheStoreCannotWriteStaysInTheEditorAndIsSavedOnceItCan() {
        signIn("Yanis", TestAccounts.PASSWORD);
        clickOn("#nav-participants");
        TableView<?> participants = lookup("#participants-table").queryAs(TableView.class);
        interact(() -> participants.getSelectionModel().select(0));
        clickOn("#participants-open");
        clickVisible("#note-new");
        clickVisible("#note-text");
        String typed = "Entretien : recherche d'un logement avec le SIAO.";
        write(typed);
        choose("#note-theme", NoteTheme.LOGEMENT);
        refuseWrites(true);

        clickVisible("#note-save");

        assertThat(text("#note-errors")).contains("ne peut pas être écrit", "recommencez")
                .doesNotContain("SQLITE", "Exception");
        assertThat(lookup("#note-editor").query().isVisible()).as("the editor stays open").isTrue();
        assertThat(text("#note-text")).as("the typed note, still in the editor").isEqualTo(typed);
        assertThat(storedNotes()).isEmpty();

        refuseWrites(false);
        clickVisible("#note-save");

        assertThat(text("#note-message")).isEqualTo("Note enregistrée.");
        assertThat(storedNotes()).extracting(SupportNote::currentText).containsExactly(typed);
    }

    private void refuseWrites(boolean refuse) {
        StoreFaults.refuseWrites(flow.services().workstation().store(), refuse);
    }

    @SuppressWarnings("unchecked")
    private TableView<WeekRowModel> table() {
        return lookup("#week-table").queryAs(TableView.class);
    }

    private List<Integer> storedMinutes() {
        try (TerrainStore store = TerrainStore.open(dataDir.resolve("terrain.db"), clock())) {
            User cip = new AuthService(store, FAST).activeUsers().get(0);
            return new WeekService(new Workstation(store)).load(cip, WEEK).rows().get(0).entries().stream()
                    .filter(e -> e.kind() == HoursKind.TRAVAIL_CHANTIER).map(e -> e.minutes()).toList();
        }
    }

    private List<SupportNote> storedNotes() {
        try (TerrainStore store = TerrainStore.open(dataDir.resolve("terrain.db"), clock())) {
            new AuthService(store, FAST).signIn("yanis", TestAccounts.PASSWORD.toCharArray()).orElseThrow();
            String participant = new WeekService(new Workstation(store)).load(
                    new AuthService(store, FAST).activeUsers().get(0), WEEK).rows().get(0).participant().id();
            return new NoteRepository(store).ofParticipant(participant);
        }
    }
}
