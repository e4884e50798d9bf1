package fr.convergence.terrain.app.sync;

import java.util.List;

/**
 * The laptop's sync as read from the store in one go: enrolment (hub address, scope as {@code kind:name}), last sync
 * (epoch ms, null if never), changes waiting for the hub, the automatic sync setting, whether the store is the
 * demo one (never synced), what waits for the user, and how far this laptop's clock was from the hub's at the last
 * sync (ms, hub minus laptop; null if never known).
 */
public record SyncOverview(boolean enrolled, String hubUrl, String scope, Long lastSyncMillis, int pending,
                           boolean autoSync, boolean demo, List<ConflictRow> conflicts,
                           List<QuarantineRow> quarantine, Long clockDriftMillis) {

    public SyncOverview {
        conflicts = List.copyOf(conflicts);
        quarantine = List.copyOf(quarantine);
    }
}
