package fr.convergence.terrain.core.participant;

import fr.convergence.terrain.core.domain.Programme;

/**
 * The participant list's search: text (accent- and case-insensitive, on first and last name), programme,
 * status and PHC step; null filters mean "all".
 */
public record ParticipantQuery(String text, Programme programme, Status status, Integer stepTarget) {

    /** Whether the participant is in a parcours today or has left. */
    public enum Status { ACTIVE, EXITED }

    public static ParticipantQuery all() {
        return new ParticipantQuery("", null, null, null);
    }
}
