package fr.convergence.terrain.core.note;

import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import java.time.LocalDate;

/** What the note editor sends: a new note, or the edited state of an existing one. */
public record NoteDraft(String participantId, LocalDate date, NoteTheme theme, NoteVisibility visibility,
                        String text) {
}
