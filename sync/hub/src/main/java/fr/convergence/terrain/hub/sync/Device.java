package fr.convergence.terrain.hub.sync;

/** An enrolled laptop: its scope (a worksite, or a territory for a coordinator), and whether it was revoked. */
public record Device(String id, String scopeKind, String scopeId, String label, long enrolledAt, Long revokedAt,
                     long lastOperation, Long lastSeen, long lastCursor) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Every file of its scope, or (a worksite laptop) the files in use only. */
    public Audience audience() {
        return Audience.of(scopeKind);
    }
}
