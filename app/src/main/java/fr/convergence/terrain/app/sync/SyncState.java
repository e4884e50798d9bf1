package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.app.common.I18n;
import java.time.Instant;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
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
    private final ReadOnlyObjectWrapper<Instant> offlineSince = new ReadOnlyObjectWrapper<>(this, "offlineSince");
    private final ReadOnlyBooleanWrapper watched = new ReadOnlyBooleanWrapper(this, "watched", true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
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

    /** @param zone the zone the times of the summary are told in */
    SyncState(ZoneId zone) {
        summary.bind(Bindings.createStringBinding(() -> watched.get() ? summaryText(zone) : "", watched, demo,
                enrolled, connection, pending, lastSync, offlineSince, syncing, conflicts, quarantine));
    }

    /**
     * The one sentence that says where the sync stands, in the status bar and at the top of the Synchronisation
     * page alike; nothing until the store is first read. What needs the user comes first, then what is wrong with
     * the hub, then what waits, then when it last went well.
     */
    private String summaryText(ZoneId zone) {
        int waiting = pending.get();
        if (waiting < 0) {
            return "";
        }
        if (demo.get()) {
            return I18n.t("sync.summary.demo");
        }
        if (!enrolled.get()) {
            return waiting == 0 ? I18n.t("sync.summary.notEnrolled")
                    : I18n.t("sync.summary.notEnrolled.pending", waiting);
        }
        if (!quarantine.isEmpty()) {
            return I18n.t("sync.summary.quarantine", quarantine.size());
        }
        if (!conflicts.isEmpty()) {
            return I18n.t("sync.summary.conflicts", conflicts.size());
        }
        if (syncing.get()) {
            return I18n.t("sync.summary.syncing");
        }
        if (connection.get() == Connection.OFFLINE) {
            String since = offlineSince.get() == null ? "" : SyncFormats.when(offlineSince.get(), zone);
            return waiting == 0 ? I18n.t("sync.summary.offline", since)
                    : I18n.t("sync.summary.offline.pending", since, waiting);
        }
        if (waiting > 0) {
            return I18n.t("sync.summary.pending", waiting);
        }
        if (lastSync.get() == null) {
            return I18n.t("sync.summary.never");
        }
        return I18n.t("sync.summary.upToDate", SyncFormats.when(lastSync.get(), zone));
    }

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

    /** What is known of the hub; {@code now} is when it was learnt (the hub unreachable since then). */
    void connection(Connection state, Instant now) {
        if (state == Connection.OFFLINE && connection.get() != Connection.OFFLINE) {
            offlineSince.set(now);
        } else if (state != Connection.OFFLINE) {
            offlineSince.set(null);
        }
        connection.set(state);
    }

    /** Nobody watches the hub any more (signed out): the status bar must not keep saying how it stands. */
    void unwatched() {
        watched.set(false);
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

    /**
     * Where the sync stands, in one sentence: the status bar and the Synchronisation page both show this one
     * ("Poste non enrôlé : rien n’est synchronisé", "À jour — synchronisé le 18/03/2026 à 10:00", "Hub injoignable
     * depuis…", "Démonstration : rien n’est synchronisé"…); empty before the store is read and after sign-out.
     */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Since when the hub does not answer (null while it answers or was not tried). */
    public ReadOnlyObjectProperty<Instant> offlineSinceProperty() {
        return offlineSince.getReadOnlyProperty();
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
