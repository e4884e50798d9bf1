package fr.convergence.terrain.core.domain;

import java.time.Instant;

/**
 * One entry of the audit journal. {@code actorId} is the local account's id (null for a failed sign-in with an
 * unknown login), {@code actorName} its display name when the entry was written (accounts are local to a laptop:
 * the name is what tells a coordinator's laptop and the hub who acted). {@code actionCode} is kept as stored, so an
 * entry of an action this version does not know is still listed. {@code detail} is short and never personal.
 */
public record AuditEvent(String id, String worksiteId, Instant occurredAt, String actorId, String actorName,
                         String actionCode, String participantId, String detail) {

    /** The action, or null when written by a newer version with an action this one does not know. */
    public AuditAction action() {
        return AuditAction.ofCode(actionCode);
    }
}
