package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.app.common.TaskExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync page's own thread for talking to the hub: a sync over a slow link may take minutes and must not hold
 * up the application's executor, where the other pages' saves queue. Results come back on the JavaFX thread.
 * Stopping does not wait: a sync under way finishes (each page commits on its own) and the thread ends.
 */
final class SyncTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SyncTaskExecutor.class);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "terrain-sync");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        if (executor.isShutdown()) {
            return;
        }
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                LOG.info("Sync work failed: {}", e.toString());
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void shutdown() {
        executor.shutdown();
    }
}
