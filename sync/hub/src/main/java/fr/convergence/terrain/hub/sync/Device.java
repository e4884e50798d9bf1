package fr.convergence.terrain.hub.sync;

/** An enrolled laptop: its scope (a worksite, or a territory for a coordinator), and whether it was revoked. */
public record Device(String id, String scopeKind, String scopeId, String label, long enrolledAt, Long revokedAt,
                     long lastOperation, Long lastSeen, long lastCursor) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
