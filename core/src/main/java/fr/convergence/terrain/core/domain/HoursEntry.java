package fr.convergence.terrain.core.domain;

import java.time.LocalDate;

/** Hours of one participant, one day, one kind, in minutes (always a multiple of 15). */
public record HoursEntry(String id, String participantId, String worksiteId, LocalDate day, HoursKind kind,
                         int minutes) {
}
