package fr.convergence.terrain.core.note;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.fixtures.CaseFixtures;
import fr.convergence.terrain.core.fixtures.Outbox;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.NoteRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.verdict.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.fixtures.CaseFixtures.CIP;
import static fr.convergence.terrain.core.fixtures.CaseFixtures.COORDINATOR;
import static fr.convergence.terrain.core.fixtures.CaseFixtures.ELSEWHERE;
import static fr.convergence.terrain.core.fixtures.CaseFixtures.ESP;
import static fr.convergence.terrain.core.fixtures.CaseFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoteServiceTest {

    @TempDir
    Path dir;
    TerrainStore store;
    NoteService notes;
    Participant helene;

    @BeforeEach
    void setUp() {
        store = CaseFixtures.open(dir);
        notes = new NoteService(store, CaseFixtures.ACCESS);
        helene = CaseFixtures.participant(store);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private NoteDraft draft(String text, NoteVisibility visibility) {
        return new NoteDraft(helene.id(), TODAY.minusDays(1), NoteTheme.LOGEMENT, visibility, text);
    }

    @Test
    void aNewNoteIsStoredWithItsFirstRevisionSignedAndDated() {
        Result<SupportNote> result = notes.create(ESP, draft("Dossier de logement social déposé.",
                NoteVisibility.EQUIPE_CHANTIER));

        assertThat(result.saved()).isTrue();
        assertThat(result.verdict().isOk()).isTrue();
        SupportNote stored = notes.notesOf(CIP, helene.id()).get(0);
        assertThat(stored.currentText()).isEqualTo("Dossier de logement social déposé.");
        assertThat(stored.date()).isEqualTo(TODAY.minusDays(1));
        assertThat(stored.theme()).isEqualTo(NoteTheme.LOGEMENT);
        assertThat(stored.authorId()).isEqualTo(ESP.id());
        assertThat(stored.revisions()).singleElement().satisfies(r -> {
            assertThat(r.authorId()).isEqualTo(ESP.id());
            assertThat(r.createdAt()).isEqualTo(CaseFixtures.clock().instant());
        });
    }

    @Test
    void revisingTheTextAppendsARevisionAndKeepsTheEarlierOnesInTheHistory() {
        SupportNote note = notes.create(CIP, draft("Demande déposée.", NoteVisibility.EQUIPE_CHANTIER))
                .value().orElseThrow();

        Result<SupportNote> revised = notes.revise(ESP, note.id(), draft("Demande déposée, réponse attendue en avril.",
                NoteVisibility.EQUIPE_CHANTIER));

        assertThat(revised.saved()).isTrue();
        List<SupportNoteRevision> history = notes.history(CIP, note.id());
        assertThat(history).extracting(SupportNoteRevision::text)
                .containsExactly("Demande déposée.", "Demande déposée, réponse attendue en avril.");
        assertThat(history).extracting(SupportNoteRevision::authorId).containsExactly(CIP.id(), ESP.id());
        assertThat(notes.note(CIP, note.id()).currentText()).isEqualTo("Demande déposée, réponse attendue en avril.");
        assertThat(notes.note(CIP, note.id()).authorId()).as("the note keeps its first author").isEqualTo(CIP.id());
    }

    @Test
    void changingOnlyTheThemeUpdatesTheNoteWithoutANewRevision() {
        SupportNote note = notes.create(CIP, draft("RDV pris.", NoteVisibility.EQUIPE_CHANTIER)).value().orElseThrow();

        notes.revise(CIP, note.id(), new NoteDraft(helene.id(), note.date(), NoteTheme.EMPLOI,
                NoteVisibility.EQUIPE_CHANTIER, "RDV pris."));

        SupportNote stored = notes.note(CIP, note.id());
        assertThat(stored.theme()).isEqualTo(NoteTheme.EMPLOI);
        assertThat(stored.revisions()).hasSize(1);
    }

    @Test
    void anEditThatChangesNothingIsRefusedAndWritesNothing() {
        SupportNote note = notes.create(CIP, draft("RDV pris.", NoteVisibility.EQUIPE_CHANTIER)).value().orElseThrow();
        int outbox = Outbox.pendingChanges(store);

        Result<SupportNote> result = notes.revise(CIP, note.id(), draft("  RDV pris.  ", NoteVisibility.EQUIPE_CHANTIER));

        assertThat(result.saved()).isFalse();
        assertThat(result.verdict().text()).contains("n’a pas changé");
        assertThat(Outbox.pendingChanges(store)).isEqualTo(outbox);
    }

    @Test
    void emptyTextMissingThemeAndFutureDateAreRefusedTogetherAndNothingIsStored() {
        Result<SupportNote> result = notes.create(CIP, new NoteDraft(helene.id(), TODAY.plusDays(2), null,
                NoteVisibility.EQUIPE_CHANTIER, "   "));

        assertThat(result.saved()).isFalse();
        assertThat(result.verdict().messages()).hasSize(3)
                .anyMatch(m -> m.contains("texte")).anyMatch(m -> m.contains("futur")).anyMatch(m -> m.contains("thème"));
        assertThat(new NoteRepository(store).ofParticipant(helene.id())).isEmpty();
    }

    @Test
    void aNoteMentioningHealthIsSavedWithTheCnilReminder() {
        Result<SupportNote> result = notes.create(CIP, draft("Suivi de son diabète à l'hôpital.",
                NoteVisibility.CIP_ET_COORDINATION));

        assertThat(result.saved()).isTrue();
        assertThat(result.verdict().isWarning()).isTrue();
        assertThat(result.verdict().text()).contains("«\u00a0diabète\u00a0»");
    }

    @Test
    void educatorsDoNotSeeReservedNotesAndCannotReviseThem() {
        SupportNote reserved = notes.create(CIP, draft("Point budget confidentiel.",
                NoteVisibility.CIP_ET_COORDINATION)).value().orElseThrow();
        notes.create(CIP, draft("Ponctualité en progrès.", NoteVisibility.EQUIPE_CHANTIER));

        assertThat(notes.notesOf(ESP, helene.id())).extracting(SupportNote::currentText)
                .containsExactly("Ponctualité en progrès.");
        assertThat(notes.notesOf(COORDINATOR, helene.id())).hasSize(2);
        assertThatThrownBy(() -> notes.revise(ESP, reserved.id(), draft("x", NoteVisibility.EQUIPE_CHANTIER)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notes.history(ESP, reserved.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEducatorRestrictingANoteIsWarnedTheyWillNotReadItAgain() {
        Result<SupportNote> result = notes.create(ESP, draft("Il souhaite parler à la CIP seul.",
                NoteVisibility.CIP_ET_COORDINATION));

        assertThat(result.saved()).isTrue();
        assertThat(result.verdict().text()).contains("vous ne pourrez plus la relire");
    }

    @Test
    void usersOutsideTheWorksiteCanNeitherReadNorWriteItsNotes() {
        assertThatThrownBy(() -> notes.notesOf(ELSEWHERE, helene.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notes.create(ELSEWHERE, draft("x", NoteVisibility.EQUIPE_CHANTIER)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(new NoteRepository(store).ofParticipant(helene.id())).isEmpty();
    }

    @Test
    void aNoteAndItsRevisionAreQueuedForSyncInTheSameTransaction() {
        int before = Outbox.pendingChanges(store);

        notes.create(CIP, draft("Premier échange.", NoteVisibility.EQUIPE_CHANTIER));

        assertThat(Outbox.pendingChanges(store)).isEqualTo(before + 2);
    }

    @Test
    void onDemoDataEducatorsReviseAVisibleNoteAndSeeItFirstInTheTimeline(@TempDir Path demoDir) {
        try (TerrainStore demo = TerrainStore.open(demoDir.resolve("demo.db"), CaseFixtures.clock())) {
            var summary = new DemoDataGenerator(11, TODAY).generate(demo, DemoSize.SITE, new PasswordHasher(1000));
            String worksite = summary.worksiteIds().get(0);
            NoteService service = new NoteService(demo, AccessPolicy.of(Map.of(worksite, "lille")));
            User esp = new User("demo-esp", "e", "ESP", fr.convergence.terrain.core.domain.Role.ESP, null,
                    java.util.Set.of(worksite), true);
            String participantId = new ParticipantRepository(demo).ofWorksite(worksite).stream()
                    .filter(p -> !service.notesOf(esp, p.id()).isEmpty()).findFirst().orElseThrow().id();
            List<SupportNote> timeline = service.notesOf(esp, participantId);
            assertThat(timeline).allMatch(n -> n.visibility() == NoteVisibility.EQUIPE_CHANTIER);
            assertThat(timeline).isSortedAccordingTo((a, b) -> b.date().compareTo(a.date()));
            SupportNote oldest = timeline.get(timeline.size() - 1);

            service.revise(esp, oldest.id(), new NoteDraft(participantId, oldest.date(), oldest.theme(),
                    oldest.visibility(), oldest.currentText() + " Complété."));

            assertThat(service.history(esp, oldest.id())).hasSize(oldest.revisions().size() + 1);
            Result<SupportNote> fresh = service.create(esp, new NoteDraft(participantId, TODAY, NoteTheme.MOBILITE,
                    NoteVisibility.EQUIPE_CHANTIER, "Trajet en bus appris."));
            assertThat(service.notesOf(esp, participantId).get(0).id()).isEqualTo(fresh.value().orElseThrow().id());
            assertThat(service.authorNames()).containsValue("Camille Éducatrice (ESP)");
        }
    }
}
