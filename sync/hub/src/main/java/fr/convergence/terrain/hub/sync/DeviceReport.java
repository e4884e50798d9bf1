package fr.convergence.terrain.hub.sync;

/**
 * What a laptop last said of itself ({@code ClientReport}) and when: its application's version, the login of the
 * account signed in, and the changes waiting in its quarantine (count and oldest); null where it did not say.
 */
public record DeviceReport(String deviceId, long reportedAt, String appVersion, String person, Integer quarantined,
                           Long oldestQuarantinedAt) {
}
