package fr.convergence.terrain.sync.client;

/** The hub answered with a refusal (4xx/5xx): retrying the same request will not help, except for 5xx. */
public final class HubException extends RuntimeException {

    private final int status;
    private final String code;

    public HubException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return status >= 500;
    }
}
