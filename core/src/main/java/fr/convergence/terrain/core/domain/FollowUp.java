package fr.convergence.terrain.core.domain;

import java.time.LocalDate;

/** A post-exit follow-up contact (CVG): due 1, 3, 6 and 12 months after the exit. */
public record FollowUp(String id, String enrolmentId, String participantId, int monthsAfterExit, LocalDate dueDate,
                       LocalDate doneDate, String outcome) {

    public boolean done() {
        return doneDate != null;
    }
}
