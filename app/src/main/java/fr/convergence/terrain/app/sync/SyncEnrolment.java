package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.sync.SyncState.MessageKind;
import fr.convergence.terrain.sync.client.HubAddress;
import fr.convergence.terrain.sync.client.HubException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Enrols this laptop with a hub, once: reads the hub's address, the one-time code and the laptop's name as typed,
 * refuses what cannot work before any request, asks the hub, and says how it went in the {@link SyncState}. Part of
 * {@link SyncAgent}, which makes the first sync once enrolled.
 */
final class SyncEnrolment {

    private final SyncService service;
    private final TaskExecutor networkExecutor;
    private final SyncState state;
    private final Runnable enrolled;

    SyncEnrolment(SyncService service, TaskExecutor networkExecutor, SyncState state, Runnable enrolled) {
        this.service = service;
        this.networkExecutor = networkExecutor;
        this.state = state;
        this.enrolled = enrolled;
    }

    void enrol(String url, String code, String label) {
        if (state.enrollingProperty().get()) {
            return;
        }
        URI hub;
        try {
            hub = SyncFormats.hubUri(url);
        } catch (URISyntaxException e) {
            state.message(MessageKind.ERROR, I18n.t("sync.enrol.badUrl"));
            return;
        }
        try {
            HubAddress.check(hub);
        } catch (IllegalArgumentException e) {
            // http:// to another machine: the token and the participants' data would cross the network in clear.
            state.message(MessageKind.ERROR, I18n.t("sync.enrol.insecureUrl"));
            return;
        }
        String cleanCode = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (cleanCode.isEmpty()) {
            state.message(MessageKind.ERROR, I18n.t("sync.enrol.noCode"));
            return;
        }
        String cleanLabel = label == null || label.isBlank() ? I18n.t("sync.enrol.defaultLabel") : label.strip();
        state.enrolling(true);
        state.message(MessageKind.INFO, I18n.t("sync.enrol.running"));
        networkExecutor.run(() -> service.enrol(hub, cleanCode, cleanLabel), response -> {
            state.enrolling(false);
            state.message(MessageKind.SUCCESS, I18n.t("sync.enrol.done",
                    SyncFormats.scopeText(response.scopeKind() + ":" + response.scopeId())));
            enrolled.run();
        }, error -> {
            state.enrolling(false);
            if (error instanceof HubException refused) {
                state.message(MessageKind.ERROR, I18n.t("sync.enrol.refused", refused.getMessage()));
            } else if (error instanceof IOException) {
                state.message(MessageKind.ERROR, I18n.t("sync.enrol.unreachable"));
            } else {
                state.message(MessageKind.ERROR, UserMessages.of(error));
            }
        });
    }
}
