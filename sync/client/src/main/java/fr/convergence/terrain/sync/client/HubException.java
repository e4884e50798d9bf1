package fr.convergence.terrain.sync.client;

import fr.convergence.terrain.sync.protocol.ErrorResponse;
import java.util.OptionalLong;

/**
 * The hub answered with a refusal (4xx/5xx): retrying the same request will not help, except for 5xx and 429 (too
 * many requests), after the hub's {@code Retry-After} when it gives one.
 */
public final class HubException extends RuntimeException {

    private final int status;
    private final String code;
    private final OptionalLong retryAfterSeconds;

    public HubException(int status, String code, String message) {
        this(status, code, message, OptionalLong.empty());
    }

    /** @param retryAfterSeconds the hub's {@code Retry-After} (a 429, or a 503 when its disk is full), if it gave one */
    public HubException(int status, String code, String message, OptionalLong retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whether the hub may take the same request later: a fault on its side (5xx), or too many requests (429). */
    public boolean retryable() {
        return status >= 500 || status == 429;
    }

    /** The hub cannot record anything for now (its disk is full): nothing is lost, the laptop keeps its changes. */
    public boolean storageUnavailable() {
        return ErrorResponse.STORAGE_UNAVAILABLE.equals(code);
    }
}
