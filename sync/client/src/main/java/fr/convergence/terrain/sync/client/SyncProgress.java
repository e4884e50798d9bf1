package fr.convergence.terrain.sync.client;

/** Told after each exchange, for a progress bar: pages applied and bytes so far. Called on the sync's thread. */
@FunctionalInterface
public interface SyncProgress {

    void exchanged(int pages, long bytesUp, long bytesDown, int pendingOperations);

    SyncProgress NONE = (pages, up, down, pending) -> {
    };
}
