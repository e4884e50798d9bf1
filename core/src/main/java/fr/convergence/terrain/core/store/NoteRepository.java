package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import fr.convergence.terrain.core.store.generated.tables.records.SupportNoteRecord;
import fr.convergence.terrain.core.store.generated.tables.records.SupportNoteRevisionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;

import static fr.convergence.terrain.core.store.generated.Tables.SUPPORT_NOTE;
import static fr.convergence.terrain.core.store.generated.Tables.SUPPORT_NOTE_REVISION;

/** Support notes; their text is append-only revisions, so concurrent edits keep both. */
public final class NoteRepository {

    private final TerrainStore store;

    public NoteRepository(TerrainStore store) {
        this.store = store;
    }

    /** Saves the note's header (date, theme, visibility); its text goes through {@link #addRevision}. */
    public void saveHeader(StoreTransaction tx, SupportNote note) {
        SupportNoteRecord r = tx.sql().newRecord(SUPPORT_NOTE);
        r.setId(note.id());
        r.setParticipantId(note.participantId());
        r.setWorksiteId(note.worksiteId());
        r.setNoteDate(note.date());
        r.setTheme(note.theme().name());
        r.setVisibility(note.visibility().name());
        r.setAuthorId(note.authorId());
        tx.save(r);
    }

    public void addRevision(StoreTransaction tx, SupportNoteRevision revision, String worksiteId) {
        SupportNoteRevisionRecord r = tx.sql().newRecord(SUPPORT_NOTE_REVISION);
        r.setId(revision.id());
        r.setNoteId(revision.noteId());
        r.setWorksiteId(worksiteId);
        r.setBody(revision.text());
        r.setAuthorId(revision.authorId());
        r.setCreatedAt(revision.createdAt().toEpochMilli());
        tx.save(r);
    }

    /** The participant's notes, newest first, each with its revisions oldest first. */
    public List<SupportNote> ofParticipant(String participantId) {
        return store.read(sql -> fetch(sql, SUPPORT_NOTE.PARTICIPANT_ID.eq(participantId)));
    }

    /** One note with its revisions oldest first. */
    public Optional<SupportNote> find(String noteId) {
        return store.read(sql -> fetch(sql, SUPPORT_NOTE.ID.eq(noteId)).stream().findFirst());
    }

    private static List<SupportNote> fetch(DSLContext sql, Condition condition) {
        var headers = sql.selectFrom(SUPPORT_NOTE)
                .where(condition, SUPPORT_NOTE.DELETED.isFalse())
                .orderBy(SUPPORT_NOTE.NOTE_DATE.desc(), SUPPORT_NOTE.VERSION.desc()).fetch();
        Map<String, List<SupportNoteRevision>> revisions = sql.selectFrom(SUPPORT_NOTE_REVISION)
                .where(SUPPORT_NOTE_REVISION.NOTE_ID.in(headers.getValues(SUPPORT_NOTE.ID)),
                        SUPPORT_NOTE_REVISION.DELETED.isFalse())
                .orderBy(SUPPORT_NOTE_REVISION.CREATED_AT, SUPPORT_NOTE_REVISION.VERSION)
                .fetch(NoteRepository::toDomain).stream()
                .collect(Collectors.groupingBy(SupportNoteRevision::noteId));
        return headers.map(h -> new SupportNote(h.getId(), h.getParticipantId(), h.getWorksiteId(), h.getNoteDate(),
                NoteTheme.valueOf(h.getTheme()), NoteVisibility.valueOf(h.getVisibility()), h.getAuthorId(),
                revisions.getOrDefault(h.getId(), List.of())));
    }

    static SupportNoteRevision toDomain(SupportNoteRevisionRecord r) {
        return new SupportNoteRevision(r.getId(), r.getNoteId(), r.getBody(), r.getAuthorId(),
                Instant.ofEpochMilli(r.getCreatedAt()));
    }
}
