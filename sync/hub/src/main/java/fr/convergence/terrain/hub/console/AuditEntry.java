package fr.convergence.terrain.hub.console;

/**
 * One line of the hub's audit journal: who (a console login, or {@code -} when the login typed is unknown), when,
 * what, and identifiers only in {@code detail} (device, worksite, territory ids): never a name, a label or a note.
 */
public record AuditEntry(long at, String actor, String action, String detail) {
}
