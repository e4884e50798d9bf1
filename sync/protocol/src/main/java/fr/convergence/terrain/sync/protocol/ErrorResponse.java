package fr.convergence.terrain.sync.protocol;

/** Any 4xx/5xx answer of the hub: a stable code and a French sentence that says what to do. */
public record ErrorResponse(String code, String message) {
}
