package fr.convergence.terrain.core.domain;

import java.time.LocalDate;

/**
 * A parcours: the participant's time in a programme on a worksite, from entry to exit.
 * {@code weeklyHours} is the contract's weekly hours for a CDDI (null for PHC, whose target is the current step).
 */
public record Enrolment(String id, String participantId, String worksiteId, Programme programme,
                        ContractType contractType, LocalDate entryDate, LocalDate contractEndDate,
                        Integer weeklyHours, DerogationKind derogationKind, LocalDate derogationEndDate,
                        String extensionReason, LocalDate exitDate, ExitCategory exitCategory,
                        ExitReason exitReason) {

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(entryDate) && (exitDate == null || !day.isAfter(exitDate));
    }

    public boolean exited() {
        return exitDate != null;
    }
}
