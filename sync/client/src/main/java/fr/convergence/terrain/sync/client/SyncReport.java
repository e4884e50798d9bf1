package fr.convergence.terrain.sync.client;

/**
 * What one sync did: operations sent and acknowledged, refused (now in quarantine), rows received and removed,
 * conflicts recorded by the hub, pages, and the traffic (requests, compressed bytes up and down); and the changes
 * about erased people that were dropped instead of sent or quarantined ({@code erasedChangesDropped}).
 */
public record SyncReport(int operationsSent, long operationsAcknowledged, int refused, int rowsReceived,
                         int rowsRemoved, int conflicts, int pages, long requests, long bytesUp, long bytesDown,
                         long millis, boolean resynced,
                         int erasedChangesDropped) {
}
