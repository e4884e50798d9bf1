package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.app.common.I18n;
import java.time.Instant;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The laptop's sync while someone is signed in: the one copy that the status bar and the Synchronisation page
 * watch. Read-only outside this package; {@link SyncAgent} keeps it, on the JavaFX thread.
 */
public final class SyncState {

    /** What is known of the hub. */
    public enum Connection { NOT_ENROLLED, DEMO, UNKNOWN, ONLINE, OFFLINE }

    /** How the last message reads. */
    public enum MessageKind { NONE, INFO, SUCCESS, ERROR }

    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(this, "connection",
            Connection.UNKNOWN);
    private final ReadOnlyStringWrapper hubStatus = new ReadOnlyStringWrapper(this, "hubStatus", "");
    private final ReadOnlyBooleanWrapper enrolled = new ReadOnlyBooleanWrapper(this, "enrolled");
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(this, "demo");
    private final ReadOnlyStringWrapper hubUrl = new ReadOnlyStringWrapper(this, "hubUrl");
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper(this, "scope");
    private final ReadOnlyObjectWrapper<Instant> lastSync = new ReadOnlyObjectWrapper<>(this, "lastSync");
    private final ReadOnlyObjectWrapper<Long> clockDrift = new ReadOnlyObjectWrapper<>(this, "clockDrift");
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(this, "pending", -1);
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(this, "syncing");
    private final ReadOnlyBooleanWrapper enrolling = new ReadOnlyBooleanWrapper(this, "enrolling");
    private final ReadOnlyBooleanWrapper autoSync = new ReadOnlyBooleanWrapper(this, "autoSync", true);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(this, "messageKind",
            MessageKind.NONE);
    private final ReadOnlyStringWrapper autoText = new ReadOnlyStringWrapper(this, "autoText", "");
    private final ObservableList<ConflictRow> conflicts = FXCollections.observableArrayList();
    private final ObservableList<QuarantineRow> quarantine = FXCollections.observableArrayList();
    private final ObservableList<ConflictRow> conflictsView = FXCollections.unmodifiableObservableList(conflicts);
    private final ObservableList<QuarantineRow> quarantineView = FXCollections.unmodifiableObservableList(quarantine);

    /** The store as read: everything but the connection and the pending count (counted down during a sync). */
    void read(SyncOverview overview) {
        enrolled.set(overview.enrolled());
        demo.set(overview.demo());
        hubUrl.set(overview.hubUrl());
        scope.set(overview.scope());
        lastSync.set(overview.lastSyncMillis() == null ? null : Instant.ofEpochMilli(overview.lastSyncMillis()));
        clockDrift.set(overview.clockDriftMillis());
        autoSync.set(overview.autoSync());
        conflicts.setAll(overview.conflicts());
        quarantine.setAll(overview.quarantine());
    }

    void connection(Connection state) {
        connection.set(state);
        hubStatus.set(switch (state) {
            case NOT_ENROLLED, DEMO -> "";
            case UNKNOWN -> I18n.t("status.hub.unknown");
            case ONLINE -> I18n.t("status.hub.online");
            case OFFLINE -> I18n.t("status.hub.offline");
        });
    }

    /** Nobody watches the hub any more (signed out): the status bar must not keep saying it answers. */
    void unwatched() {
        hubStatus.set("");
    }

    void pending(int count) {
        pending.set(count);
    }

    void syncing(boolean on) {
        syncing.set(on);
    }

    void enrolling(boolean on) {
        enrolling.set(on);
    }

    void autoSync(boolean on) {
        autoSync.set(on);
    }

    void progress(double share, String text) {
        progress.set(share);
        progressText.set(text);
    }

    void progressText(String text) {
        progressText.set(text);
    }

    void message(MessageKind kind, String text) {
        messageKind.set(kind);
        message.set(text);
    }

    void autoText(String text) {
        autoText.set(text);
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** What the status bar says of the hub ("Hub : en ligne"…); empty for a demo store, a laptop not enrolled. */
    public ReadOnlyStringProperty hubStatusProperty() {
        return hubStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enrolledProperty() {
        return enrolled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    /** The hub this laptop is enrolled with (null if none). */
    public ReadOnlyStringProperty hubUrlProperty() {
        return hubUrl.getReadOnlyProperty();
    }

    /** This laptop's scope, {@code kind:name} ("worksite:ABEJ Solidarité"); null if not enrolled. */
    public ReadOnlyStringProperty scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    /** When this laptop last synced (null if never). */
    public ReadOnlyObjectProperty<Instant> lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }

    /** How far this laptop's clock was from the hub's at the last sync: ms, hub minus laptop (null if unknown). */
    public ReadOnlyObjectProperty<Long> clockDriftProperty() {
        return clockDrift.getReadOnlyProperty();
    }

    /** Changes the hub has not acknowledged yet, counted down during a sync; -1 until the store is first read. */
    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enrollingProperty() {
        return enrolling.getReadOnlyProperty();
    }

    /** Automatic sync on or off (kept in the store); {@link SyncAgent#setAutoSync} changes it. */
    public ReadOnlyBooleanProperty autoSyncProperty() {
        return autoSync.getReadOnlyProperty();
    }

    /** -1 while a sync runs (its length is not known in advance), 1 when done, 0 otherwise. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** How the last action or the last automatic sync that needs the user went. */
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

    public ObservableList<ConflictRow> conflicts() {
        return conflictsView;
    }

    public ObservableList<QuarantineRow> quarantine() {
        return quarantineView;
    }
}
