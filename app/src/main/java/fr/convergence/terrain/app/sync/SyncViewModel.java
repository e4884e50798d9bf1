package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.sync.SyncState.Connection;
import fr.convergence.terrain.app.sync.SyncState.MessageKind;
import java.time.Instant;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;

/**
 * The Synchronisation page's view of the laptop's sync: the {@link SyncState} that {@link SyncAgent} keeps, in the
 * page's words (whether the hub answers, the hub and scope, the last sync, what waits to go up), and the page's
 * actions handed to the agent. The automatic sync runs from sign-in whether or not the page is open.
 */
public final class SyncViewModel {

    private final SyncAgent agent;
    private final SyncState state;
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "");
    private final ReadOnlyStringWrapper hubText = new ReadOnlyStringWrapper(this, "hubText", "");
    private final ReadOnlyStringWrapper lastSyncText = new ReadOnlyStringWrapper(this, "lastSyncText", "");
    private final ReadOnlyStringWrapper pendingText = new ReadOnlyStringWrapper(this, "pendingText", "");
    private final BooleanProperty autoSync = new SimpleBooleanProperty(this, "autoSync");

    /** @param zone the zone the last sync's date and time are shown in */
    public SyncViewModel(SyncAgent agent, ZoneId zone) {
        this.agent = agent;
        this.state = agent.state();
        // Nothing is said before the store is first read (pending is -1 until then).
        BooleanBinding read = state.pendingProperty().greaterThanOrEqualTo(0);
        connectionText.bind(Bindings.createStringBinding(() -> read.get()
                ? connectionText(state.connectionProperty().get()) : "", read, state.connectionProperty()));
        hubText.bind(Bindings.createStringBinding(() -> state.enrolledProperty().get()
                        ? I18n.t("sync.hub", state.hubUrlProperty().get(),
                                SyncFormats.scopeText(state.scopeProperty().get())) : "",
                state.enrolledProperty(), state.hubUrlProperty(), state.scopeProperty()));
        lastSyncText.bind(Bindings.createStringBinding(() -> read.get()
                        ? lastSyncText(state.lastSyncProperty().get(), state.clockDriftProperty().get(), zone) : "",
                read, state.lastSyncProperty(), state.clockDriftProperty()));
        pendingText.bind(Bindings.createStringBinding(() -> read.get()
                ? SyncFormats.pendingText(state.pendingProperty().get()) : "", read, state.pendingProperty()));
        autoSync.set(state.autoSyncProperty().get());
        state.autoSyncProperty().addListener((obs, was, on) -> autoSync.set(on));
        autoSync.addListener((obs, was, on) -> agent.setAutoSync(on));
    }

    private static String connectionText(Connection connection) {
        return switch (connection) {
            case NOT_ENROLLED -> I18n.t("sync.state.notEnrolled");
            case DEMO -> I18n.t("sync.state.demo");
            case UNKNOWN -> I18n.t("sync.state.unknown");
            case ONLINE -> I18n.t("sync.state.online");
            case OFFLINE -> I18n.t("sync.state.offline");
        };
    }

    private static String lastSyncText(Instant lastSync, Long clockDrift, ZoneId zone) {
        return (lastSync == null ? I18n.t("sync.last.never") : I18n.t("sync.last", SyncFormats.when(lastSync, zone)))
                + SyncFormats.clockDriftText(clockDrift);
    }

    /** The page is shown: fresh state, and a look at the hub unless the automatic sync has its next one planned. */
    public void shown() {
        agent.checkNow();
    }

    /** Syncs now: sends what is pending, receives what is new, shows pages and bytes as they go. */
    public void syncNow() {
        agent.syncNow();
    }

    /** Enrols this laptop with the hub's address and the one-time code, then makes the first sync. */
    public void enrol(String url, String code, String label) {
        agent.enrol(url, code, label);
    }

    /** Keeps the value that is in the data now. */
    public void keep(ConflictRow row) {
        agent.keep(row);
    }

    /** Takes the other laptop's value. */
    public void takeOther(ConflictRow row) {
        agent.takeOther(row);
    }

    /** Saves a corrected value, typed as users type it (hours "6 h 30", dates jj/mm/aaaa); refused if unreadable. */
    public void resolveWithTyped(ConflictRow row, String typed) {
        agent.resolveWithTyped(row, typed);
    }

    /** Sends a refused change again, as a new edit. */
    public void retry(QuarantineRow row) {
        agent.retry(row);
    }

    /** Drops a refused change for good: it will never reach the hub. */
    public void discard(QuarantineRow row) {
        agent.discard(row);
    }

    /** Where the sync stands, the same sentence as the status bar's ({@link SyncState#summaryProperty}). */
    public ReadOnlyStringProperty summaryProperty() {
        return state.summaryProperty();
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return state.connectionProperty();
    }

    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    /** "Hub : https://… — chantier ABEJ Solidarité"; empty while not enrolled. */
    public ReadOnlyStringProperty hubTextProperty() {
        return hubText.getReadOnlyProperty();
    }

    /** "Dernière synchronisation : le 18/03/2026 à 10:00", with a sentence about this laptop's clock if it is off. */
    public ReadOnlyStringProperty lastSyncTextProperty() {
        return lastSyncText.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pendingProperty() {
        return state.pendingProperty();
    }

    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return state.syncingProperty();
    }

    public ReadOnlyBooleanProperty enrollingProperty() {
        return state.enrollingProperty();
    }

    public ReadOnlyBooleanProperty enrolledProperty() {
        return state.enrolledProperty();
    }

    public ReadOnlyBooleanProperty demoProperty() {
        return state.demoProperty();
    }

    /** -1 while a sync runs (its length is not known in advance), 1 when done, 0 otherwise. */
    public ReadOnlyDoubleProperty progressProperty() {
        return state.progressProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return state.progressTextProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return state.messageProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return state.messageKindProperty();
    }

    /** What the automatic sync does next ("prochaine vérification à 14:32", "nouvelle tentative à…"). */
    public ReadOnlyStringProperty autoTextProperty() {
        return state.autoTextProperty();
    }

    /** Automatic sync on or off, as the page's check box changes it; kept in the store by the agent. */
    public BooleanProperty autoSyncProperty() {
        return autoSync;
    }

    public ObservableList<ConflictRow> conflicts() {
        return state.conflicts();
    }

    public ObservableList<QuarantineRow> quarantine() {
        return state.quarantine();
    }
}
