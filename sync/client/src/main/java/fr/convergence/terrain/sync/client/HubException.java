package fr.convergence.terrain.sync.client;

import java.util.OptionalLong;

/** The hub answered with a refusal (4xx/5xx): retrying the same request will not help, except for 5xx. */
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

    public boolean retryable() {
        return status >= 500;
    }
}
