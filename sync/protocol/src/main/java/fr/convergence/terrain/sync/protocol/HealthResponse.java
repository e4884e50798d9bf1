package fr.convergence.terrain.sync.protocol;

/** {@code GET /health}: whether the hub and its database answer, its identity, and the protocol it speaks. */
public record HealthResponse(String status, String hubId, int protocol, String hubTime) {
}
