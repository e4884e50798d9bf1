package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.sync.client.HubException;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import java.io.IOException;
import fr.convergence.terrain.sync.client.HubAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and actions of the Synchronisation page: whether the hub answers, the last sync, what waits to go up,
 * a sync with its progress (pages, bytes), enrolment, conflicts to settle and refused changes to retry or drop.
 * With automatic sync on, it looks at the hub every minute, syncs when there is something to send (or every
 * ten minutes to receive), and after a failure tries again on its own with a growing delay, saying when.
 * Store work goes through the application's executor; network work through a second one, so a slow link never
 * holds up the other pages' saves.
 */
public final class SyncViewModel {

    /** What the page says about the hub. */
    public enum Connection { NOT_ENROLLED, DEMO, UNKNOWN, ONLINE, OFFLINE }

    /** How the last message reads. */
    public enum MessageKind { NONE, INFO, SUCCESS, ERROR }

    static final Duration POLL = Duration.ofMinutes(1);
    static final Duration PULL_EVERY = Duration.ofMinutes(10);
    static final Duration FIRST_RETRY = Duration.ofSeconds(15);
    static final Duration MAX_RETRY = Duration.ofMinutes(15);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final SyncService service;
    private final Session session;
    private final TaskExecutor storeExecutor;
    private final TaskExecutor networkExecutor;
    private final SyncScheduler scheduler;
    private final Clock clock;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(this, "connection",
            Connection.UNKNOWN);
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "");
    private final ReadOnlyStringWrapper hubText = new ReadOnlyStringWrapper(this, "hubText", "");
    private final ReadOnlyStringWrapper lastSyncText = new ReadOnlyStringWrapper(this, "lastSyncText", "");
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(this, "pending");
    private final ReadOnlyStringWrapper pendingText = new ReadOnlyStringWrapper(this, "pendingText", "");
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(this, "syncing");
    private final ReadOnlyBooleanWrapper enrolling = new ReadOnlyBooleanWrapper(this, "enrolling");
    private final ReadOnlyBooleanWrapper enrolled = new ReadOnlyBooleanWrapper(this, "enrolled");
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(this, "demo");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(this, "messageKind",
            MessageKind.NONE);
    private final ReadOnlyStringWrapper autoText = new ReadOnlyStringWrapper(this, "autoText", "");
    private final BooleanProperty autoSync = new SimpleBooleanProperty(this, "autoSync", true);
    private final ObservableList<ConflictRow> conflicts = FXCollections.observableArrayList();
    private final ObservableList<QuarantineRow> quarantine = FXCollections.observableArrayList();
    private final ObservableList<ConflictRow> conflictsView = FXCollections.unmodifiableObservableList(conflicts);
    private final ObservableList<QuarantineRow> quarantineView = FXCollections.unmodifiableObservableList(quarantine);

    private boolean applying;
    private boolean loaded;
    private boolean stopped;
    private int failures;
    private Long lastSyncMillis;
    private SyncScheduler.Cancellable next;

    /**
     * @param ui runs progress updates on the JavaFX thread (they come from the network thread)
     */
    public SyncViewModel(SyncService service, Session session, TaskExecutor storeExecutor,
                         TaskExecutor networkExecutor, SyncScheduler scheduler, Clock clock, Executor ui) {
        this.service = service;
        this.session = session;
        this.storeExecutor = storeExecutor;
        this.networkExecutor = networkExecutor;
        this.scheduler = scheduler;
        this.clock = clock;
        this.ui = ui;
        autoSync.addListener((obs, was, on) -> autoSyncChanged(on));
        session.changesProperty().addListener((obs, was, now) -> refreshPending());
    }

    /** Another page saved something: the count of changes waiting for the hub follows. */
    private void refreshPending() {
        if (!loaded || syncing.get()) {
            return;
        }
        storeExecutor.run(service::pendingCount, count -> {
            if (!syncing.get()) {
                pending.set(count);
                pendingText.set(pendingText(count));
            }
        }, error -> {
        });
    }

    /** The page is shown: reads the state, then looks at the hub (which starts the automatic sync if it is on). */
    public void shown() {
        stopped = false;
        storeExecutor.run(service::overview, overview -> {
            apply(overview);
            // Fresh state on each visit, unless the automatic sync already has its next look planned.
            if (next == null && !syncing.get()) {
                lookAtHub();
            }
        }, this::failed);
    }

    /** Re-reads the state from the store (after a sync, an enrolment, a resolution…). */
    public void refresh() {
        storeExecutor.run(service::overview, this::apply, this::failed);
    }

    /** Stops the automatic sync (the user who opened the page signed out). */
    public void stop() {
        stopped = true;
        cancelNext();
        // Nobody watches the hub any more: the status bar must not keep saying it answers.
        session.hubState("");
    }

    /** Syncs now: sends what is pending, receives what is new, shows pages and bytes as they go. */
    public void syncNow() {
        sync(true);
    }

    /** An automatic sync says how it went only when something needs the user (conflicts, refusals, errors). */
    private void sync(boolean asked) {
        if (syncing.get() || demo.get() || !enrolled.get()) {
            return;
        }
        cancelNext();
        syncing.set(true);
        progress.set(-1);
        progressText.set(I18n.t("sync.progress.connecting"));
        networkExecutor.run(() -> service.sync(new SyncProgress() {
            // Called on the sync's thread, one after the other: pages and bytes, then (pulls over several pages)
            // the share of rows received.
            private String pagesAndBytes = "";
            private String share = "";

            @Override
            public void exchanged(int pages, long up, long down, int left) {
                pagesAndBytes = I18n.t("sync.progress", pages, bytes(up), bytes(down));
                String text = pagesAndBytes + share;
                ui.execute(() -> {
                    progressText.set(text);
                    pending.set(left);
                    pendingText.set(pendingText(left));
                });
            }

            @Override
            public void rows(long received, long remaining) {
                // A pull over several pages (first sync of a worksite): the bar fills as rows arrive.
                double done = received + remaining == 0 ? 1 : received / (double) (received + remaining);
                share = I18n.t("sync.progress.share", Math.round(done * 100));
                String text = pagesAndBytes + share;
                ui.execute(() -> {
                    progress.set(done);
                    progressText.set(text);
                });
            }
        }), report -> synced(report, asked), this::syncFailed);
    }

    private void synced(SyncReport report, boolean asked) {
        syncing.set(false);
        failures = 0;
        setConnection(Connection.ONLINE);
        progress.set(1);
        progressText.set(I18n.t("sync.progress.done", report.pages(), bytes(report.bytesUp()),
                bytes(report.bytesDown())));
        String summary = I18n.t("sync.done", report.operationsSent(), report.rowsReceived(), report.conflicts(),
                report.refused());
        boolean notable = report.refused() > 0 || report.conflicts() > 0;
        if (asked || notable) {
            show(notable ? MessageKind.INFO : MessageKind.SUCCESS, summary);
        }
        session.changed();
        refresh();
        scheduleNext(POLL);
    }

    private void syncFailed(Throwable error) {
        syncing.set(false);
        progress.set(0);
        progressText.set("");
        if (error instanceof HubException hub && !hub.retryable()) {
            setConnection(Connection.ONLINE);
            show(MessageKind.ERROR, I18n.t("sync.error.refused", hub.getMessage()));
            cancelNext();
            autoText.set(autoSync.get() ? I18n.t("sync.auto.suspended") : I18n.t("sync.auto.off"));
            refresh();
            return;
        }
        if (error instanceof IOException) {
            setConnection(Connection.OFFLINE);
            show(MessageKind.ERROR, I18n.t("sync.error.network"));
        } else if (error instanceof HubException hub) {
            show(MessageKind.ERROR, I18n.t("sync.error.hub", hub.getMessage()));
        } else {
            show(MessageKind.ERROR, UserMessages.of(error));
        }
        refresh();
        retryLater();
    }

    /** Enrols this laptop with the hub's address and the one-time code, then makes the first sync. */
    public void enrol(String url, String code, String label) {
        if (enrolling.get()) {
            return;
        }
        URI hub;
        try {
            hub = hubUri(url);
        } catch (URISyntaxException e) {
            show(MessageKind.ERROR, I18n.t("sync.enrol.badUrl"));
            return;
        }
        try {
            HubAddress.check(hub);
        } catch (IllegalArgumentException e) {
            // http:// to another machine: the token and the participants' data would cross the network in clear.
            show(MessageKind.ERROR, I18n.t("sync.enrol.insecureUrl"));
            return;
        }
        String cleanCode = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (cleanCode.isEmpty()) {
            show(MessageKind.ERROR, I18n.t("sync.enrol.noCode"));
            return;
        }
        String cleanLabel = label == null || label.isBlank() ? I18n.t("sync.enrol.defaultLabel") : label.strip();
        enrolling.set(true);
        show(MessageKind.INFO, I18n.t("sync.enrol.running"));
        networkExecutor.run(() -> service.enrol(hub, cleanCode, cleanLabel), response -> {
            enrolling.set(false);
            show(MessageKind.SUCCESS, I18n.t("sync.enrol.done", scopeText(response.scopeKind() + ":"
                    + response.scopeId())));
            setConnection(Connection.ONLINE);
            storeExecutor.run(service::overview, overview -> {
                apply(overview);
                syncNow();
            }, this::failed);
        }, error -> {
            enrolling.set(false);
            if (error instanceof HubException refused) {
                show(MessageKind.ERROR, I18n.t("sync.enrol.refused", refused.getMessage()));
            } else if (error instanceof IOException) {
                show(MessageKind.ERROR, I18n.t("sync.enrol.unreachable"));
            } else {
                show(MessageKind.ERROR, UserMessages.of(error));
            }
        });
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
            show(MessageKind.ERROR, parsed.error());
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
            show(MessageKind.SUCCESS, I18n.t("sync.conflict.resolved", row.subject(), row.field()));
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
            show(MessageKind.SUCCESS, I18n.t("sync.quarantine.retried", row.subject()));
            changedLocally();
        }, this::failed);
    }

    /** Drops a refused change for good: it will never reach the hub. */
    public void discard(QuarantineRow row) {
        storeExecutor.run(() -> {
            service.discard(row.number());
            return null;
        }, done -> {
            show(MessageKind.SUCCESS, I18n.t("sync.quarantine.discarded", row.subject()));
            refresh();
        }, this::failed);
    }

    /** A local change to send: the status bar and the other pages learn it; online, it goes up at once. */
    private void changedLocally() {
        session.changed();
        refresh();
        if (autoSync.get() && connection.get() == Connection.ONLINE && !stopped) {
            sync(false);
        }
    }

    private void apply(SyncOverview overview) {
        loaded = true;
        applying = true;
        try {
            autoSync.set(overview.autoSync());
        } finally {
            applying = false;
        }
        enrolled.set(overview.enrolled());
        demo.set(overview.demo());
        lastSyncMillis = overview.lastSyncMillis();
        if (overview.demo()) {
            setConnection(Connection.DEMO);
        } else if (!overview.enrolled()) {
            setConnection(Connection.NOT_ENROLLED);
        } else if (connection.get() == Connection.NOT_ENROLLED || connection.get() == Connection.DEMO) {
            setConnection(Connection.UNKNOWN);
        }
        hubText.set(overview.enrolled() ? I18n.t("sync.hub", overview.hubUrl(), scopeText(overview.scope())) : "");
        lastSyncText.set((overview.lastSyncMillis() == null ? I18n.t("sync.last.never")
                : I18n.t("sync.last", when(Instant.ofEpochMilli(overview.lastSyncMillis()))))
                + clockDriftText(overview.clockDriftMillis()));
        if (!syncing.get()) {
            pending.set(overview.pending());
            pendingText.set(pendingText(overview.pending()));
        }
        conflicts.setAll(overview.conflicts());
        quarantine.setAll(overview.quarantine());
        updateAutoText();
    }

    /** Health check, then (automatic sync on) a sync if there is something to do. */
    private void lookAtHub() {
        next = null;
        if (stopped || demo.get() || !enrolled.get()) {
            return;
        }
        networkExecutor.run(service::reachable, online -> {
            setConnection(online ? Connection.ONLINE : Connection.OFFLINE);
            if (!autoSync.get() || stopped) {
                updateAutoText();
                return;
            }
            if (!online) {
                retryLater();
            } else if (syncDue()) {
                sync(false);
            } else {
                scheduleNext(POLL);
            }
        }, error -> {
            setConnection(Connection.OFFLINE);
            retryLater();
        });
    }

    private boolean syncDue() {
        return pending.get() > 0 || failures > 0 || lastSyncMillis == null
                || clock.millis() - lastSyncMillis >= PULL_EVERY.toMillis();
    }

    /** After a failure: 15 s, 30 s, 1 min, 2 min… up to 15 min between attempts. */
    static Duration backoff(int failures) {
        long seconds = FIRST_RETRY.getSeconds() << Math.min(Math.max(failures - 1, 0), 10);
        return Duration.ofSeconds(Math.min(seconds, MAX_RETRY.getSeconds()));
    }

    private void retryLater() {
        failures++;
        if (!autoSync.get() || stopped) {
            updateAutoText();
            return;
        }
        Duration delay = backoff(failures);
        schedule(delay);
        autoText.set(I18n.t("sync.auto.retry", when(clock.instant().plus(delay)), failures + 1));
    }

    private void scheduleNext(Duration delay) {
        if (!autoSync.get() || stopped) {
            updateAutoText();
            return;
        }
        schedule(delay);
        autoText.set(I18n.t("sync.auto.next", when(clock.instant().plus(delay))));
    }

    private void schedule(Duration delay) {
        cancelNext();
        next = scheduler.after(delay, this::lookAtHub);
    }

    private void cancelNext() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private void autoSyncChanged(boolean on) {
        if (applying) {
            return;
        }
        storeExecutor.run(() -> {
            service.setAutoSync(on);
            return null;
        }, done -> {
        }, this::failed);
        if (on) {
            failures = 0;
            lookAtHub();
        } else {
            cancelNext();
        }
        updateAutoText();
    }

    private void updateAutoText() {
        if (demo.get() || !enrolled.get()) {
            autoText.set("");
        } else if (!autoSync.get()) {
            autoText.set(I18n.t("sync.auto.off"));
        } else if (next == null && autoText.get().isEmpty()) {
            autoText.set(I18n.t("sync.auto.on"));
        }
    }

    private void setConnection(Connection state) {
        connection.set(state);
        connectionText.set(switch (state) {
            case NOT_ENROLLED -> I18n.t("sync.state.notEnrolled");
            case DEMO -> I18n.t("sync.state.demo");
            case UNKNOWN -> I18n.t("sync.state.unknown");
            case ONLINE -> I18n.t("sync.state.online");
            case OFFLINE -> I18n.t("sync.state.offline");
        });
        session.hubState(switch (state) {
            case NOT_ENROLLED, DEMO -> "";
            case UNKNOWN -> I18n.t("status.hub.unknown");
            case ONLINE -> I18n.t("status.hub.online");
            case OFFLINE -> I18n.t("status.hub.offline");
        });
    }

    private void failed(Throwable error) {
        show(MessageKind.ERROR, UserMessages.of(error));
    }

    private void show(MessageKind kind, String text) {
        messageKind.set(kind);
        message.set(text);
    }

    private String userId() {
        return session.user() == null ? "system" : session.user().id();
    }

    private String when(Instant instant) {
        ZonedDateTime time = instant.atZone(clock.getZone());
        return I18n.t("sync.when", fr.convergence.terrain.app.common.Formats.date(time.toLocalDate()),
                time.format(TIME));
    }

    /** Past this, the laptop's clock is said to be wrong: edits are dated by it, week rules judge "today" by it. */
    static final java.time.Duration CLOCK_DRIFT_SHOWN = java.time.Duration.ofMinutes(5);

    /**
     * " — L'horloge de ce poste retarde de 12 minutes sur celle du hub : …", or "" when within
     * {@link #CLOCK_DRIFT_SHOWN} or unknown. {@code hubMinusLaptop} is positive when the laptop is behind.
     */
    static String clockDriftText(Long hubMinusLaptop) {
        if (hubMinusLaptop == null || Math.abs(hubMinusLaptop) < CLOCK_DRIFT_SHOWN.toMillis()) {
            return "";
        }
        long minutes = Math.abs(hubMinusLaptop) / 60_000;
        String amount = minutes < 120 ? I18n.t("sync.clock.minutes", minutes)
                : minutes < 48 * 60 ? I18n.t("sync.clock.hours", minutes / 60)
                : I18n.t("sync.clock.days", minutes / (24 * 60));
        return " — " + I18n.t(hubMinusLaptop > 0 ? "sync.clock.behind" : "sync.clock.ahead", amount);
    }

    static String pendingText(int count) {
        return count == 0 ? I18n.t("sync.pending.none") : I18n.t("sync.pending", count);
    }

    static String scopeText(String scope) {
        if (scope == null || !scope.contains(":")) {
            return scope == null ? "" : scope;
        }
        String kind = scope.substring(0, scope.indexOf(':'));
        String id = scope.substring(scope.indexOf(':') + 1);
        return kind.equals("territory") ? I18n.t("sync.scope.territory", id) : I18n.t("sync.scope.worksite", id);
    }

    /** 950 → "950 o", 12 345 → "12,1 Ko", 3 400 000 → "3,2 Mo". */
    static String bytes(long count) {
        if (count < 1024) {
            return I18n.t("sync.bytes", count);
        }
        if (count < 1024 * 1024) {
            return I18n.t("sync.kilobytes", count / 1024.0);
        }
        return I18n.t("sync.megabytes", count / (1024.0 * 1024.0));
    }

    static URI hubUri(String text) throws URISyntaxException {
        String cleaned = text == null ? "" : text.strip();
        if (cleaned.isEmpty()) {
            throw new URISyntaxException("", "empty");
        }
        if (!cleaned.contains("://")) {
            cleaned = "https://" + cleaned;
        }
        URI uri = new URI(cleaned);
        if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new URISyntaxException(cleaned, "not a hub address");
        }
        return uri;
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hubTextProperty() {
        return hubText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSyncTextProperty() {
        return lastSyncText.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enrollingProperty() {
        return enrolling.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enrolledProperty() {
        return enrolled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    /** -1 while a sync runs (its length is not known in advance), 1 when done, 0 otherwise. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    /** What the automatic sync does next ("prochaine vérification à 14:32", "nouvelle tentative à…"). */
    public ReadOnlyStringProperty autoTextProperty() {
        return autoText.getReadOnlyProperty();
    }

    /** Automatic sync on or off; kept in the store. */
    public BooleanProperty autoSyncProperty() {
        return autoSync;
    }

    public ObservableList<ConflictRow> conflicts() {
        return conflictsView;
    }

    public ObservableList<QuarantineRow> quarantine() {
        return quarantineView;
    }
}
