package fr.convergence.terrain.core.audit;

import fr.convergence.terrain.core.domain.AuditEvent;

/** An entry as the journal page shows it: the participant's name when this laptop holds them, else null. */
public record AuditEntry(AuditEvent event, String participantName) {
}
