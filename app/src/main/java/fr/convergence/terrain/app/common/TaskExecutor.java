package fr.convergence.terrain.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work that touches the store, the disk or the network away from the JavaFX thread and hands the result
 * back on it. The application uses {@link BackgroundTaskExecutor} (one for the store, one for the hub); tests use
 * {@link DirectTaskExecutor}, which runs everything at once on the calling thread so that view models are
 * deterministic to test.
 */
public interface TaskExecutor {

    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * The same background thread as a plain {@link java.util.concurrent.Executor}, for view models that run
     * JavaFX {@code Task}s (they report progress and results on the JavaFX thread themselves).
     */
    default java.util.concurrent.Executor asExecutor() {
        return runnable -> run(() -> {
            runnable.run();
            return null;
        }, done -> { }, failure -> { });
    }

    /** Stops accepting work (the application is closing). */
    default void shutdown() {
    }
}
