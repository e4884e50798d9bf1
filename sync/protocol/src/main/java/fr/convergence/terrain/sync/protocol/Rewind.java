package fr.convergence.terrain.sync.protocol;

/**
 * The hub has gone back in time (restored from a backup, or replaced): it has applied only up to
 * {@code lastOperation} of this device's operations although it once acknowledged more, or it never gave the
 * cursor the device holds. The laptop sends again its operations after {@code lastOperation} (it keeps
 * acknowledged ones for a while for this), treats every queued operation as made at {@code lastCursor} (the last
 * cursor this hub's history gave it, so edits the hub has since received from others count as concurrent), and
 * pulls its scope again from cursor 0.
 */
public record Rewind(long lastOperation, long lastCursor) {
}
