package fr.convergence.terrain.core.domain;

import java.time.Instant;

/** One version of a support note's text; editing a note appends a revision, never overwrites one. */
public record SupportNoteRevision(String id, String noteId, String text, String authorId, Instant createdAt) {
}
