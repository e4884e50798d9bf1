package fr.convergence.terrain.sync.client;

/** Told after each exchange, for a progress bar: pages applied and bytes so far. Called on the sync's thread. */
@FunctionalInterface
public interface SyncProgress {

    void exchanged(int pages, long bytesUp, long bytesDown, int pendingOperations);

    /**
     * After a page of a pull that takes several (an initial sync): rows received so far in this sync and about how
     * many are still to come (0 with the last page). Not called for a pull that fits one page.
     */
    default void rows(long received, long remaining) {
    }

    SyncProgress NONE = (pages, up, down, pending) -> {
    };
}
