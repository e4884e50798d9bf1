package fr.convergence.terrain.app;

import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import fr.convergence.terrain.core.note.NoteService;
import fr.convergence.terrain.core.participant.ParticipantSummary;
import fr.convergence.terrain.core.store.NoteRepository;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoteWorkflowTest extends FeatureTestSupport {

    @Test
    void aNoteIsWrittenWithTheCnilReminderThenRevisedAndBothVersionsStayInItsHistory() {
        startDemoAs("Yanis");
        clickOn("#nav-participants");
        TableView<?> participants = lookup("#participants-table").queryAs(TableView.class);
        String participantId = ((ParticipantSummary) participants.getItems().get(0)).participant().id();
        interact(() -> participants.getSelectionModel().select(0));
        clickOn("#participants-open");

        clickVisible("#note-new");
        assertThat(text("#note-date")).isEqualTo("18/03/2026");
        clickOn("#note-text");
        write("Suivi du diabete : rendez-vous pris.");
        assertThat(text("#note-hint")).contains("Petit rappel (CNIL)", "«\u00a0diabete\u00a0»", "santé");
        clickVisible("#note-save");
        assertThat(text("#note-errors")).contains("Choisissez le thème");

        choose("#note-theme", NoteTheme.SANTE);
        clickVisible("#note-save");

        assertThat(text("#note-message")).isEqualTo("Note enregistrée.");
        assertThat(lookup("#note-editor").query().isVisible()).isFalse();
        assertThat(text("#note-text-0")).isEqualTo("Suivi du diabete : rendez-vous pris.");
        assertThat(text("#note-history-0")).isEqualTo("Historique (1)");

        clickVisible("#note-edit-0");
        assertThat(text("#note-text")).isEqualTo("Suivi du diabete : rendez-vous pris.");
        fill("#note-text", "Rendez-vous pris avec la CPAM pour le bilan.");
        assertThat(text("#note-hint")).isEmpty();
        clickVisible("#note-save");

        assertThat(text("#note-message")).contains("la version précédente reste dans l’historique");
        assertThat(text("#note-text-0")).isEqualTo("Rendez-vous pris avec la CPAM pour le bilan.");
        assertThat(text("#note-history-0")).isEqualTo("Historique (2)");
        Node history = lookup("#note-history-list-0").query();
        assertThat(history.isVisible()).isFalse();
        clickVisible("#note-history-0");
        assertThat(history.isVisible()).isTrue();
        assertThat(lookup("#note-history-list-0 .label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .contains("Suivi du diabete : rendez-vous pris.", "Rendez-vous pris avec la CPAM pour le bilan.")
                .anyMatch(t -> t.startsWith("Version 1 — 18/03/2026") && t.endsWith("par Yanis Conseiller (CIP)"))
                .anyMatch(t -> t.startsWith("Version 2 — 18/03/2026"));

        List<SupportNoteRevision> stored = inDemoStore(store -> {
            SupportNote note = new NoteRepository(store).ofParticipant(participantId).stream()
                    .filter(n -> n.currentText().startsWith("Rendez-vous pris avec la CPAM")).findFirst().orElseThrow();
            assertThat(note.theme()).isEqualTo(NoteTheme.SANTE);
            return new NoteService(store, AccessPolicies.of(store)).history(flow.session().user(), note.id());
        });
        assertThat(stored).extracting(SupportNoteRevision::text).containsExactly(
                "Suivi du diabete : rendez-vous pris.", "Rendez-vous pris avec la CPAM pour le bilan.");
    }
}
