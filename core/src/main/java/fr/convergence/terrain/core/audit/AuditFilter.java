package fr.convergence.terrain.core.audit;

import fr.convergence.terrain.core.domain.AuditAction;
import java.time.LocalDate;

/**
 * What a coordinator looks for in the journal; each criterion applies when not null. {@code person} is the display
 * name recorded with the entry (accounts are local to each laptop: the name is what entries of several laptops share);
 * {@code from} and {@code to} are days, both included.
 */
public record AuditFilter(String person, String participantId, AuditAction action, LocalDate from, LocalDate to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null);
    }
}
