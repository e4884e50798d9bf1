package fr.convergence.terrain.app.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread that runs work in submission order and hands results and failures back on the JavaFX
 * thread. The application makes two: {@link #forStore()} for the store and the disk, and {@link #forNetwork()}
 * for the hub, because a sync waiting minutes on a slow worksite link must never hold up saving hours. Writes
 * from both still go through the store's single writer thread.
 */
public final class BackgroundTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTaskExecutor.class);

    private final String name;
    private final Duration drainAtShutdown;
    private final boolean failuresAreRoutine;
    private final ExecutorService executor;

    private BackgroundTaskExecutor(String name, Duration drainAtShutdown, boolean failuresAreRoutine) {
        this.name = name;
        this.drainAtShutdown = drainAtShutdown;
        this.failuresAreRoutine = failuresAreRoutine;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * All of the application's store work, in order: a cell commit always sees the commits typed before it.
     * Shutting down lets the work already submitted finish (a cell being saved), for up to ten seconds.
     */
    public static BackgroundTaskExecutor forStore() {
        return new BackgroundTaskExecutor("terrain-background", Duration.ofSeconds(10), false);
    }

    /**
     * Talking to the hub. A failure is routine (a worksite without network) and logged in one line. Shutting down
     * does not wait: a sync under way finishes on its own (each page commits by itself) and the thread ends.
     */
    public static BackgroundTaskExecutor forNetwork() {
        return new BackgroundTaskExecutor("terrain-sync", Duration.ZERO, true);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        if (executor.isShutdown()) {
            LOG.warn("Work given to {} after it stopped, not run", name);
            return;
        }
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                if (failuresAreRoutine) {
                    LOG.info("Work on {} failed: {}", name, e.toString());
                } else {
                    LOG.warn("Work on {} failed", name, e);
                }
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void shutdown() {
        executor.shutdown();
        if (drainAtShutdown.isZero()) {
            return;
        }
        try {
            if (!executor.awaitTermination(drainAtShutdown.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Work on {} still running at shutdown", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
