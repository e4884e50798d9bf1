package fr.convergence.terrain.sync.protocol;

/** Any 4xx/5xx answer of the hub: a stable code and a French sentence that says what to do. */
public record ErrorResponse(String code, String message) {

    /** The hub's database cannot write (disk full, read-only): a 503 with a {@code Retry-After}; nothing was written. */
    public static final String STORAGE_UNAVAILABLE = "storage-unavailable";
}
