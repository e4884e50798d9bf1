package fr.convergence.terrain.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock a test moves by hand, to see time pass (the delay after wrong passwords) without waiting for it. */
public final class MovingClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public MovingClock(Clock start) {
        this.now = start.instant();
        this.zone = start.getZone();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
