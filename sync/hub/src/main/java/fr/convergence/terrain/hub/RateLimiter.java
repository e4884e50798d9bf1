package fr.convergence.terrain.hub;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code perMinute} events per key in any fixed one-minute window; what is over is refused with the seconds
 * until the window ends (the {@code Retry-After} of a 429). Kept in memory: each hub process counts its own requests,
 * and a restart forgets the counts. Keys whose window has ended are dropped as new events come, so an attacker
 * varying addresses does not grow the map beyond a minute's worth of keys.
 */
final class RateLimiter {

    private static final long WINDOW = 60_000;

    private final int perMinute;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    RateLimiter(int perMinute, LongSupplier clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    private static final class Window {
        final long start;
        int count;

        Window(long start) {
            this.start = start;
        }
    }

    /** Counts an event for {@code key}; empty when allowed, else the seconds to wait. */
    OptionalLong acquire(String key) {
        return check(key, true);
    }

    /** Whether {@code key} is over its limit, without counting an event. */
    OptionalLong blocked(String key) {
        return check(key, false);
    }

    private OptionalLong check(String key, boolean count) {
        if (perMinute <= 0) {
            return OptionalLong.empty();
        }
        long now = clock.getAsLong();
        sweep(now);
        long[] wait = {-1};
        windows.compute(key, (k, w) -> {
            Window window = w == null || now - w.start >= WINDOW ? new Window(now) : w;
            if (window.count >= perMinute) {
                wait[0] = Math.max(1, (window.start + WINDOW - now + 999) / 1000);
            } else if (count) {
                window.count++;
            }
            return window;
        });
        return wait[0] < 0 ? OptionalLong.empty() : OptionalLong.of(wait[0]);
    }

    private void sweep(long now) {
        if (now - lastSweep >= WINDOW) {
            lastSweep = now;
            windows.values().removeIf(w -> now - w.start >= WINDOW);
        }
    }
}
