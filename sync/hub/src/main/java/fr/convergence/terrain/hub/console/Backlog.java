package fr.convergence.terrain.hub.console;

/** How many things wait (refusals, open conflicts, tombstones) and since when the oldest does (null when unknown). */
public record Backlog(long count, Long oldestAt) {

    public static final Backlog NONE = new Backlog(0, null);

    /** Both together: the counts added, the older of the two oldest. */
    public Backlog plus(Backlog other) {
        // Not a ?: chain: mixing Long and long there unboxes a null.
        Long oldest = oldestAt;
        if (oldest == null || (other.oldestAt != null && other.oldestAt < oldest)) {
            oldest = other.oldestAt;
        }
        return new Backlog(count + other.count, oldest);
    }
}
