package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.app.common.Scheduler;
import java.time.Duration;
import java.util.Optional;

/** Holds the automatic sync's next step so that a test sees the delay asked for and fires it when it wants. */
final class ManualScheduler implements Scheduler {

    private Duration delay;
    private Runnable action;

    @Override
    public Cancellable after(Duration delay, Runnable action) {
        this.delay = delay;
        this.action = action;
        return () -> {
            if (this.action == action) {
                this.action = null;
                this.delay = null;
            }
        };
    }

    /** The delay of the step waiting, if one waits. */
    Optional<Duration> pending() {
        return Optional.ofNullable(action).map(a -> delay);
    }

    /** Runs the waiting step now, as if its delay had passed. */
    void fire() {
        Runnable run = action;
        action = null;
        delay = null;
        if (run == null) {
            throw new AssertionError("nothing scheduled");
        }
        run.run();
    }
}
