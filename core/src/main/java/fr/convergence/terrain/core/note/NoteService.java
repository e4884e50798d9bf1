package fr.convergence.terrain.core.note;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.erasure.ArchiveRule;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.store.NoteRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import fr.convergence.terrain.core.verdict.Result;
import fr.convergence.terrain.core.verdict.Verdict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Support notes of a participant's timeline: list what the user may read, write a note, revise it. A note's
 * text is never overwritten: each edit appends a revision (sync merges concurrent edits by keeping both), and
 * the history shows them all. Texts get the CNIL reminder about sensitive data, which warns but never blocks.
 */
public final class NoteService {

    /** The longest text a note may hold (the store's column). */
    public static final int MAX_TEXT_LENGTH = 20_000;

    private final TerrainStore store;
    private final AccessPolicy access;
    private final NoteRepository notes;
    private final ParticipantRepository participants;
    private final UserRepository users;
    private final Clock clock;

    public NoteService(TerrainStore store, AccessPolicy access) {
        this.store = store;
        this.access = access;
        this.notes = new NoteRepository(store);
        this.participants = new ParticipantRepository(store);
        this.users = new UserRepository(store);
        this.clock = store.clock();
    }

    /** The participant's notes that {@code user} may read, newest first. */
    public List<SupportNote> notesOf(User user, String participantId) {
        requireAccess(user, participant(participantId));
        new ArchiveRule(store).checkFile(user, participantId);
        return notes.ofParticipant(participantId).stream()
                .filter(n -> AccessPolicy.canReadNote(user, n.visibility())).toList();
    }

    /** One note, if {@code user} may read it. */
    public SupportNote note(User user, String noteId) {
        SupportNote note = notes.find(noteId)
                .orElseThrow(() -> new IllegalArgumentException("Note introuvable\u00a0: " + noteId));
        requireRead(user, note);
        new ArchiveRule(store).checkFile(user, note.participantId());
        return note;
    }

    /** Every version of the note's text, oldest first; the last one is the current text. */
    public List<SupportNoteRevision> history(User user, String noteId) {
        return note(user, noteId).revisions();
    }

    /**
     * What the editor shows while the user types: refusals (no text, no theme, a date to come…) and warnings
     * (the CNIL reminder, a note the author will no longer be able to read).
     */
    public Verdict check(User user, NoteDraft draft) {
        List<Verdict> verdicts = new ArrayList<>();
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty()) {
            verdicts.add(Verdict.refused("Écrivez le texte de la note."));
        } else if (text.length() > MAX_TEXT_LENGTH) {
            verdicts.add(Verdict.refused("La note est trop longue (" + text.length() + " caractères, "
                    + MAX_TEXT_LENGTH + " au plus)\u00a0: raccourcissez-la ou découpez-la en plusieurs notes."));
        }
        if (draft.date() == null) {
            verdicts.add(Verdict.refused("Indiquez la date de la note."));
        } else if (draft.date().isAfter(LocalDate.now(clock))) {
            verdicts.add(Verdict.refused("La date de la note est dans le futur\u00a0: indiquez le jour de l’échange "
                    + "ou de l’observation."));
        }
        if (draft.theme() == null) {
            verdicts.add(Verdict.refused("Choisissez le thème de la note."));
        }
        if (draft.visibility() == null) {
            verdicts.add(Verdict.refused("Choisissez qui peut lire la note."));
        }
        verdicts.add(hints(user, draft));
        return Verdict.all(verdicts);
    }

    /**
     * Only the warnings of {@link #check}, for the editor to show while the user types: the CNIL reminder, and
     * that an educator will not read again a note reserved for advisers. Never a refusal.
     */
    public Verdict hints(User user, NoteDraft draft) {
        Verdict visibility = draft.visibility() != null && !AccessPolicy.canReadNote(user, draft.visibility())
                ? Verdict.warning("Cette note sera réservée à la CIP et à la coordination\u00a0: "
                        + "vous ne pourrez plus la relire après l’avoir enregistrée.")
                : Verdict.ok();
        return visibility.and(SensitiveDataHint.check(draft.text()));
    }

    /** Writes a new note with its first revision; refused input is not stored. */
    public Result<SupportNote> create(User user, NoteDraft draft) {
        Participant participant = participant(draft.participantId());
        requireAccess(user, participant);
        new ArchiveRule(store).checkFile(user, participant.id());
        Verdict verdict = check(user, draft);
        if (!verdict.saveAllowed()) {
            return Result.refused(verdict);
        }
        String noteId = store.newRowId();
        SupportNoteRevision revision = new SupportNoteRevision(store.newRowId(), noteId,
                draft.text().strip(), user.id(), clock.instant());
        SupportNote note = new SupportNote(noteId, participant.id(), participant.worksiteId(), draft.date(),
                draft.theme(), draft.visibility(), user.id(), List.of(revision));
        store.write(user.id(), tx -> {
            notes.saveHeader(tx, note);
            notes.addRevision(tx, revision, note.worksiteId());
            return null;
        });
        return Result.saved(note, verdict);
    }

    /**
     * Saves an edit: a changed text becomes a new revision (the earlier ones stay in the history); a changed
     * date, theme or visibility updates the note itself. An edit that changes nothing is refused.
     */
    public Result<SupportNote> revise(User user, String noteId, NoteDraft edited) {
        SupportNote note = note(user, noteId);
        requireAccess(user, participant(note.participantId()));
        Verdict verdict = check(user, edited);
        if (!verdict.saveAllowed()) {
            return Result.refused(verdict);
        }
        String text = edited.text().strip();
        boolean textChanged = !text.equals(note.currentText());
        boolean headerChanged = !Objects.equals(edited.date(), note.date()) || edited.theme() != note.theme()
                || edited.visibility() != note.visibility();
        if (!textChanged && !headerChanged) {
            return Result.refused(Verdict.refused("La note n’a pas changé\u00a0: il n’y a rien à enregistrer."));
        }
        List<SupportNoteRevision> revisions = new ArrayList<>(note.revisions());
        SupportNoteRevision revision = textChanged
                ? new SupportNoteRevision(store.newRowId(), noteId, text, user.id(), clock.instant())
                : null;
        if (revision != null) {
            revisions.add(revision);
        }
        SupportNote saved = new SupportNote(note.id(), note.participantId(), note.worksiteId(), edited.date(),
                edited.theme(), edited.visibility(), note.authorId(), List.copyOf(revisions));
        store.write(user.id(), tx -> {
            if (headerChanged) {
                notes.saveHeader(tx, saved);
            }
            if (revision != null) {
                notes.addRevision(tx, revision, saved.worksiteId());
            }
            return null;
        });
        return Result.saved(saved, verdict);
    }

    /**
     * Display names of this laptop's users by id, for "written by"; authors from other laptops are not in it
     * and are shown as a colleague.
     */
    public Map<String, String> authorNames() {
        return users.all().stream().collect(Collectors.toUnmodifiableMap(User::id, User::displayName));
    }

    private Participant participant(String participantId) {
        return participants.find(participantId)
                .orElseThrow(() -> new IllegalArgumentException("Salarié·e introuvable\u00a0: " + participantId));
    }

    private void requireAccess(User user, Participant participant) {
        if (!access.canEdit(user, participant.worksiteId())) {
            throw new AccessDeniedException("Ce ou cette salarié·e n’est pas sur un chantier de votre périmètre.");
        }
    }

    private void requireRead(User user, SupportNote note) {
        if (!access.canSee(user, note.worksiteId()) || !AccessPolicy.canReadNote(user, note.visibility())) {
            throw new AccessDeniedException("Cette note est réservée à la CIP et à la coordination, ou à un autre "
                    + "chantier\u00a0: vous ne pouvez pas la lire.");
        }
    }
}
