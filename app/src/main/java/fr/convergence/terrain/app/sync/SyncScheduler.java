package fr.convergence.terrain.app.sync;

import java.time.Duration;
import javafx.animation.PauseTransition;

/**
 * When the automatic sync looks at the hub next. The application waits on the JavaFX timeline (no thread of
 * its own, the action runs on the FX thread); tests hold the action and fire it themselves.
 */
@FunctionalInterface
public interface SyncScheduler {

    /** Runs {@code action} on the JavaFX thread after {@code delay}, unless cancelled first. */
    Cancellable after(Duration delay, Runnable action);

    /** A scheduled action that has not run yet. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** The application's scheduler (JavaFX thread only). */
    static SyncScheduler fx() {
        return (delay, action) -> {
            PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(Math.max(1, delay.toMillis())));
            pause.setOnFinished(e -> action.run());
            pause.play();
            return pause::stop;
        };
    }
}
