package fr.convergence.terrain.core.domain;

import java.time.LocalDate;
import java.util.List;

/** A note d'accompagnement; its text lives in revisions, the newest being the current text. */
public record SupportNote(String id, String participantId, String worksiteId, LocalDate date, NoteTheme theme,
                          NoteVisibility visibility, String authorId, List<SupportNoteRevision> revisions) {

    public String currentText() {
        return revisions.isEmpty() ? "" : revisions.get(revisions.size() - 1).text();
    }
}
