package fr.convergence.terrain.sync.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a laptop says of itself in a sync request, for the hub console's Devices page: the application's version, the
 * laptop account signed in when it synced (its login, never a name), and how many of its changes wait in its
 * quarantine, since when. Every field is optional: laptops before 12/2026 send no report, and hubs before it ignore
 * one (unknown fields are skipped).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientReport(String appVersion, String person, Integer quarantined, Long oldestQuarantinedAt) {
}
