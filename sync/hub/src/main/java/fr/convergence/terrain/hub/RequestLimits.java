package fr.convergence.terrain.hub;

/**
 * What one client may ask of the hub. {@code bodyReadMillis}: time allowed to send a request body, plus one second
 * per {@code minBodyBytesPerSecond} bytes it announces (a laptop on a slow rural link sends a large batch slowly; a
 * connection that stalls is dropped, and never holds a thread meanwhile). Per minute: enrolment attempts per address,
 * failed authentications per address, syncs (requests) per device; 0 turns a limit off. {@code forwardedFor}: the
 * hub runs behind a reverse proxy (nginx) that appends the laptop's address to {@code X-Forwarded-For}; the last
 * address of that header is then the one limits count against (otherwise every laptop would share the proxy's).
 */
public record RequestLimits(long bodyReadMillis, int minBodyBytesPerSecond, int enrolPerMinutePerAddress,
                            int failedAuthPerMinutePerAddress, int syncPerMinutePerDevice, boolean forwardedFor) {

    public static RequestLimits defaults() {
        return new RequestLimits(30_000, 1024, 10, 20, 600, false);
    }

    public RequestLimits {
        if (bodyReadMillis < 1 || minBodyBytesPerSecond < 1) {
            throw new IllegalArgumentException("bodyReadMillis and minBodyBytesPerSecond must be positive");
        }
        if (enrolPerMinutePerAddress < 0 || failedAuthPerMinutePerAddress < 0 || syncPerMinutePerDevice < 0) {
            throw new IllegalArgumentException("rate limits are 0 (off) or positive");
        }
    }

    /** How long a body of {@code length} bytes (-1: unknown) may take to arrive. */
    public long bodyDeadlineMillis(long length, long maxBytes) {
        long bytes = length < 0 ? maxBytes : Math.min(length, maxBytes);
        return bodyReadMillis + bytes * 1000 / minBodyBytesPerSecond;
    }

    /**
     * No per-minute limit: for a benchmark or a load test that enrols and syncs hundreds of simulated laptops from one
     * address (the body deadline stays).
     */
    public RequestLimits withoutRateLimits() {
        return new RequestLimits(bodyReadMillis, minBodyBytesPerSecond, 0, 0, 0, forwardedFor);
    }

    public RequestLimits withBodyRead(long millis, int minBytesPerSecond) {
        return new RequestLimits(millis, minBytesPerSecond, enrolPerMinutePerAddress, failedAuthPerMinutePerAddress,
                syncPerMinutePerDevice, forwardedFor);
    }

    public RequestLimits withEnrolPerMinutePerAddress(int n) {
        return new RequestLimits(bodyReadMillis, minBodyBytesPerSecond, n, failedAuthPerMinutePerAddress,
                syncPerMinutePerDevice, forwardedFor);
    }

    public RequestLimits withFailedAuthPerMinutePerAddress(int n) {
        return new RequestLimits(bodyReadMillis, minBodyBytesPerSecond, enrolPerMinutePerAddress, n,
                syncPerMinutePerDevice, forwardedFor);
    }

    public RequestLimits withSyncPerMinutePerDevice(int n) {
        return new RequestLimits(bodyReadMillis, minBodyBytesPerSecond, enrolPerMinutePerAddress,
                failedAuthPerMinutePerAddress, n, forwardedFor);
    }

    public RequestLimits withForwardedFor(boolean behindProxy) {
        return new RequestLimits(bodyReadMillis, minBodyBytesPerSecond, enrolPerMinutePerAddress,
                failedAuthPerMinutePerAddress, syncPerMinutePerDevice, behindProxy);
    }
}
