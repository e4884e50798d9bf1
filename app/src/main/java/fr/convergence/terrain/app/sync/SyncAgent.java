package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Scheduler;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.app.sync.SyncState.Connection;
import fr.convergence.terrain.app.sync.SyncState.MessageKind;
import fr.convergence.terrain.sync.client.HubException;
import fr.convergence.terrain.sync.client.SyncReport;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.value.ChangeListener;

/**
 * The laptop's sync while someone is signed in, from sign-in to sign-out: it looks at the hub every minute, syncs
 * when there is something to send (or every ten minutes to receive), and after a failure tries again on its own
 * with a growing delay, saying when, and never before the time the hub asked for (its {@code Retry-After}, when its
 * disk is full or it gets too many requests); it also syncs, enrols and settles conflicts and refused changes when asked.
 * It keeps the {@link SyncState} that the status bar and the Synchronisation page watch. {@link SyncService} does
 * the blocking work: store work on the application's executor, network work on the hub's executor, so that a slow
 * link never holds up the other pages' saves. Lives on the JavaFX thread.
 */
public final class SyncAgent {

    private final SyncService service;
    private final Session session;
    private final TaskExecutor storeExecutor;
    private final TaskExecutor networkExecutor;
    private final Executor ui;
    private final SyncState state;
    private final Clock clock;
    private final SyncSchedule schedule;
    private final SyncEnrolment enrolment;
    private final ChangeListener<Number> savedElsewhere = (obs, was, now) -> refreshPending();

    private boolean loaded;

    /** @param ui runs progress updates on the JavaFX thread (they come from the network thread) */
    public SyncAgent(SyncService service, Session session, TaskExecutor storeExecutor, TaskExecutor networkExecutor,
                     Scheduler scheduler, Clock clock, Executor ui) {
        this.service = service;
        this.session = session;
        this.storeExecutor = storeExecutor;
        this.networkExecutor = networkExecutor;
        this.ui = ui;
        this.clock = clock;
        this.state = new SyncState(clock.getZone());
        this.schedule = new SyncSchedule(scheduler, clock, state, this::lookAtHub);
        this.enrolment = new SyncEnrolment(service, networkExecutor, state, this::enrolled);
        session.changesProperty().addListener(savedElsewhere);
    }

    public SyncState state() {
        return state;
    }

    /** At sign-in: reads the state, then looks at the hub (which starts the automatic sync if it is on). */
    public void start() {
        checkNow();
    }

    /** Reads the state, then looks at the hub unless the automatic sync already has its next look planned. */
    public void checkNow() {
        storeExecutor.run(service::overview, overview -> {
            apply(overview);
            if (!schedule.planned() && !state.syncingProperty().get()) {
                lookAtHub();
            }
        }, this::failed);
    }

    /** At sign-out: nothing is planned any more and the status bar stops saying that the hub answers. */
    public void stop() {
        schedule.stop();
        session.changesProperty().removeListener(savedElsewhere);
        state.unwatched();
    }

    /** Another page saved something: the count of changes waiting for the hub follows. */
    private void refreshPending() {
        if (!loaded || state.syncingProperty().get()) {
            return;
        }
        storeExecutor.run(service::pendingCount, count -> {
            if (!state.syncingProperty().get()) {
                state.pending(count);
            }
        }, error -> {
        });
    }

    private void refresh() {
        storeExecutor.run(service::overview, this::apply, this::failed);
    }

    /** Syncs now: sends what is pending, receives what is new, shows pages and bytes as they go. */
    public void syncNow() {
        sync(true);
    }

    /**
     * An automatic sync says how it went only when something needs the user (conflicts, refusals, errors), and waits
     * while the hub has asked to be left alone; one the user asks for goes at once.
     */
    private void sync(boolean asked) {
        if (state.syncingProperty().get() || state.demoProperty().get() || !state.enrolledProperty().get()
                || !asked && schedule.hubHoldsOff().isPresent()) {
            return;
        }
        schedule.cancel();
        state.syncing(true);
        state.progress(-1, I18n.t("sync.progress.connecting"));
        networkExecutor.run(() -> service.sync(login(), new ProgressReporter(state, ui)), report -> synced(report, asked),
                this::syncFailed);
    }

    private void synced(SyncReport report, boolean asked) {
        state.syncing(false);
        state.connection(Connection.ONLINE, clock.instant());
        state.progress(1, I18n.t("sync.progress.done", report.pages(), SyncFormats.bytes(report.bytesUp()),
                SyncFormats.bytes(report.bytesDown())));
        String summary = I18n.t("sync.done", report.operationsSent(), report.rowsReceived(), report.conflicts(),
                report.refused());
        boolean notable = report.refused() > 0 || report.conflicts() > 0;
        if (asked || notable) {
            state.message(notable ? MessageKind.INFO : MessageKind.SUCCESS, summary);
        }
        session.changed();
        refresh();
        schedule.fine();
    }

    private void syncFailed(Throwable error) {
        state.syncing(false);
        state.progress(0, "");
        if (error instanceof HubException hub && !hub.retryable()) {
            state.connection(Connection.ONLINE, clock.instant());
            state.message(MessageKind.ERROR, I18n.t("sync.error.refused", hub.getMessage()));
            schedule.suspend();
            refresh();
            return;
        }
        if (error instanceof HubException hub && hub.retryAfterSeconds().isPresent()) {
            hubAskedToWait(hub, Duration.ofSeconds(hub.retryAfterSeconds().getAsLong()));
            refresh();
            return;
        }
        if (error instanceof IOException) {
            state.connection(Connection.OFFLINE, clock.instant());
            state.message(MessageKind.ERROR, I18n.t("sync.error.network"));
        } else if (error instanceof HubException hub) {
            state.message(MessageKind.ERROR, I18n.t("sync.error.hub", hub.getMessage()));
        } else {
            state.message(MessageKind.ERROR, UserMessages.of(error));
        }
        refresh();
        schedule.failed();
    }

    /**
     * The hub cannot take the sync for now (disk full, too many requests) and said for how long: the next try waits
     * that long, and the user is told that nothing is lost and when the sync tries again (or may be tried again).
     */
    private void hubAskedToWait(HubException hub, Duration wait) {
        schedule.failed(wait);
        state.message(MessageKind.ERROR, SyncFormats.hubUnavailable(hub,
                Optional.of(schedule.nextLook().orElseGet(() -> clock.instant().plus(wait))), schedule.planned(),
                clock.getZone()));
    }

    /** Enrols this laptop with the hub's address and the one-time code, then makes the first sync. */
    public void enrol(String url, String code, String label) {
        enrolment.enrol(url, code, label);
    }

    /** Enrolled: the hub answered; the first sync follows at once. */
    private void enrolled() {
        state.connection(Connection.ONLINE, clock.instant());
        storeExecutor.run(service::overview, overview -> {
            apply(overview);
            syncNow();
        }, this::failed);
    }

    /** Keeps the value that is in the data now. */
    public void keep(ConflictRow row) {
        resolveWith(row, row.keptValue());
    }

    /** Takes the other laptop's value. */
    public void takeOther(ConflictRow row) {
        resolveWith(row, row.otherValue());
    }

    /** Saves a corrected value, typed as users type it (hours "6 h 30", dates jj/mm/aaaa); refused if unreadable. */
    public void resolveWithTyped(ConflictRow row, String typed) {
        if (!row.editable()) {
            return;
        }
        SyncDescriptions.Parsed parsed = SyncDescriptions.parse(row.table(), row.fieldName(), typed);
        if (!parsed.ok()) {
            state.message(MessageKind.ERROR, parsed.error());
            return;
        }
        resolveWith(row, parsed.value());
    }

    private void resolveWith(ConflictRow row, String value) {
        String user = userId();
        storeExecutor.run(() -> {
            service.resolve(user, row.id(), value);
            return null;
        }, done -> {
            state.message(MessageKind.SUCCESS, I18n.t("sync.conflict.resolved", row.subject(), row.field()));
            changedLocally();
        }, this::failed);
    }

    /** Sends a refused change again, as a new edit. */
    public void retry(QuarantineRow row) {
        String user = userId();
        storeExecutor.run(() -> {
            service.retry(user, row.number());
            return null;
        }, done -> {
            state.message(MessageKind.SUCCESS, I18n.t("sync.quarantine.retried", row.subject()));
            changedLocally();
        }, this::failed);
    }

    /** Drops a refused change for good: it will never reach the hub. */
    public void discard(QuarantineRow row) {
        storeExecutor.run(() -> {
            service.discard(row.number());
            return null;
        }, done -> {
            state.message(MessageKind.SUCCESS, I18n.t("sync.quarantine.discarded", row.subject()));
            refresh();
        }, this::failed);
    }

    /** A local change to send: the status bar and the other pages learn it; online, it goes up at once. */
    private void changedLocally() {
        session.changed();
        refresh();
        if (autoSync() && state.connectionProperty().get() == Connection.ONLINE && !schedule.stopped()) {
            sync(false);
        }
    }

    /** Turns the automatic sync on or off, kept in the store. */
    public void setAutoSync(boolean on) {
        if (on == autoSync()) {
            return;
        }
        state.autoSync(on);
        storeExecutor.run(() -> {
            service.setAutoSync(on);
            return null;
        }, done -> {
        }, this::failed);
        if (on) {
            schedule.restart();
            lookAtHub();
        } else {
            schedule.cancel();
        }
        schedule.describe();
    }

    private void apply(SyncOverview overview) {
        loaded = true;
        state.read(overview);
        Connection connection = state.connectionProperty().get();
        if (overview.demo()) {
            state.connection(Connection.DEMO, clock.instant());
        } else if (!overview.enrolled()) {
            state.connection(Connection.NOT_ENROLLED, clock.instant());
        } else if (connection == Connection.NOT_ENROLLED || connection == Connection.DEMO) {
            state.connection(Connection.UNKNOWN, clock.instant());
        }
        if (!state.syncingProperty().get()) {
            state.pending(overview.pending());
        }
        schedule.describe();
    }

    /** Health check, then (automatic sync on) a sync if there is something to do. */
    private void lookAtHub() {
        schedule.looking();
        if (schedule.stopped() || state.demoProperty().get() || !state.enrolledProperty().get()) {
            return;
        }
        if (autoSync() && schedule.hubHoldsOff().isPresent()) {
            // Too early for the hub (a timer that fired early, the automatic sync turned back on): not even a look.
            schedule.waitForHub();
            return;
        }
        networkExecutor.run(service::reachable, online -> {
            state.connection(online ? Connection.ONLINE : Connection.OFFLINE, clock.instant());
            if (!autoSync() || schedule.stopped()) {
                schedule.describe();
            } else if (!online) {
                schedule.failed();
            } else if (schedule.due()) {
                sync(false);
            } else {
                schedule.fine();
            }
        }, error -> {
            state.connection(Connection.OFFLINE, clock.instant());
            schedule.failed();
        });
    }

    private boolean autoSync() {
        return state.autoSyncProperty().get();
    }

    private void failed(Throwable error) {
        state.message(MessageKind.ERROR, UserMessages.of(error));
    }

    /** The login of the person signed in, which the hub's console shows next to the laptop (null: nobody). */
    private String login() {
        return session.user() == null ? null : session.user().login();
    }

    private String userId() {
        return session.user() == null ? "system" : session.user().id();
    }
}
