package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.sync.client.SyncProgress;
import java.util.concurrent.Executor;

/**
 * Puts a sync's progress in the {@link SyncState}: pages and bytes, the changes left to send, and for a pull over
 * several pages (first sync of a worksite) the share of rows received, so that the bar fills as rows arrive.
 * Called on the sync's thread, one call after the other; the state changes on the JavaFX thread.
 */
final class ProgressReporter implements SyncProgress {

    private final SyncState state;
    private final Executor ui;
    private String pagesAndBytes = "";
    private String share = "";

    ProgressReporter(SyncState state, Executor ui) {
        this.state = state;
        this.ui = ui;
    }

    @Override
    public void exchanged(int pages, long up, long down, int left) {
        pagesAndBytes = I18n.t("sync.progress", pages, SyncFormats.bytes(up), SyncFormats.bytes(down));
        String text = pagesAndBytes + share;
        ui.execute(() -> {
            state.progressText(text);
            state.pending(left);
        });
    }

    @Override
    public void rows(long received, long remaining) {
        double done = received + remaining == 0 ? 1 : received / (double) (received + remaining);
        share = I18n.t("sync.progress.share", Math.round(done * 100));
        String text = pagesAndBytes + share;
        ui.execute(() -> state.progress(done, text));
    }
}
