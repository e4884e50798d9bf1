package fr.convergence.terrain.core.clock;

import java.time.Clock;

/**
 * Issues versions for one node. Laptop clocks are not trusted: the clock never goes backwards, and
 * {@link #observe(Hlc)} moves it past any version received from elsewhere, so causality holds even when
 * the wall clock is days off.
 */
public final class HybridLogicalClock {

    private final Clock wallClock;
    private final String node;
    private long lastMillis;
    private int lastCounter;

    public HybridLogicalClock(Clock wallClock, String node) {
        this(wallClock, node, null);
    }

    /** Starts after {@code persisted}, the last version this node issued before a restart (may be null). */
    public HybridLogicalClock(Clock wallClock, String node, Hlc persisted) {
        this.wallClock = wallClock;
        this.node = node;
        if (persisted != null) {
            this.lastMillis = persisted.millis();
            this.lastCounter = persisted.counter();
        }
    }

    public String node() {
        return node;
    }

    /**
     * Takes this clock back to {@code authority}'s time (the hub's), when it had run far ahead of it: a laptop
     * started with its date a year ahead would otherwise stamp every later edit a year ahead, for good, once its
     * date is corrected. The versions it issued before stay as they were (the hub re-stamped those it received).
     */
    public synchronized void resetTo(Hlc authority) {
        lastMillis = authority.millis();
        lastCounter = authority.counter();
    }

    /** The last version this clock issued or observed (what to persist so that a restart starts after it). */
    public synchronized Hlc last() {
        return new Hlc(lastMillis, lastCounter, node);
    }

        /** A new version, greater than every version this clock issued or observed. */
    public synchronized Hlc tick() {
        long now = wallClock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            lastCounter = 0;
        } else {
            advanceCounter();
        }
        return new Hlc(lastMillis, lastCounter, node);
    }

    /** Takes a version received from another node into account, so the next tick is after it. */
    public synchronized void observe(Hlc remote) {
        long now = wallClock.millis();
        long max = Math.max(now, Math.max(lastMillis, remote.millis()));
        if (max == lastMillis && max == remote.millis()) {
            lastCounter = Math.max(lastCounter, remote.counter());
            advanceCounter();
        } else if (max == lastMillis) {
            advanceCounter();
        } else if (max == remote.millis()) {
            lastMillis = max;
            lastCounter = remote.counter();
            advanceCounter();
        } else {
            lastMillis = max;
            lastCounter = 0;
        }
    }

    private void advanceCounter() {
        if (lastCounter == Hlc.MAX_COUNTER) {
            lastMillis++;
            lastCounter = 0;
        } else {
            lastCounter++;
        }
    }
}
