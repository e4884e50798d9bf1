package fr.convergence.terrain.app.common;

import java.time.Duration;
import javafx.animation.PauseTransition;

/**
 * Runs an action on the JavaFX thread later (the automatic sync's next look at the hub). The application waits on
 * the JavaFX timeline, with no thread of its own; tests hold the action and fire it themselves.
 */
@FunctionalInterface
public interface Scheduler {

    /** Runs {@code action} on the JavaFX thread after {@code delay}, unless cancelled first. */
    Cancellable after(Duration delay, Runnable action);

    /** A scheduled action that has not run yet. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** The application's scheduler (JavaFX thread only). */
    static Scheduler fx() {
        return (delay, action) -> {
            PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(Math.max(1, delay.toMillis())));
            pause.setOnFinished(e -> action.run());
            pause.play();
            return pause::stop;
        };
    }
}
