package fr.convergence.terrain.app.sync;

/** One change the hub refused, as the page shows it: what it was about, what it changed, and the hub's reason. */
public record QuarantineRow(long number, String subject, String change, String reason, String when) {
}
