package fr.convergence.terrain.app.print;

import java.util.Set;

/**
 * What the user ticked for a follow-up sheet: the support notes to include. A note prints only if it is
 * selected here and its visibility lets the printing user read it.
 */
public record FollowUpSheetOptions(Set<String> selectedNoteIds) {

    public FollowUpSheetOptions {
        selectedNoteIds = Set.copyOf(selectedNoteIds);
    }

    /** No notes: the default, and what a batch prints. */
    public static FollowUpSheetOptions withoutNotes() {
        return new FollowUpSheetOptions(Set.of());
    }
}
