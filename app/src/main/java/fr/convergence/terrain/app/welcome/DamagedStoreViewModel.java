package fr.convergence.terrain.app.welcome;

import fr.convergence.terrain.app.common.Formats;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.data.AppConfig;
import fr.convergence.terrain.app.data.LocalBackups;
import fr.convergence.terrain.app.data.LocalBackups.BackupFile;
import fr.convergence.terrain.app.data.LocalBackups.OpeningFailure;
import fr.convergence.terrain.app.data.Services;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The store did not open (damaged, not a store, made by a newer version, SQLite itself not loading): what happened and what to do, and, when
 * a backup can help, the store's backups (newest first, chosen) to restore one after a confirmation. The current
 * file is kept aside, next to it, before the backup takes its place; then the store opens again.
 */
public final class DamagedStoreViewModel {

    private final OpeningFailure failure;
    private final AppConfig config;
    private final TaskExecutor executor;
    private final BiConsumer<Services, Optional<Path>> onRestored;
    private final ObservableList<BackupFile> backups = FXCollections.observableArrayList();
    private final ObjectProperty<BackupFile> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** @param onRestored the reopened store and where the replaced file was kept */
    public DamagedStoreViewModel(OpeningFailure failure, AppConfig config,
                                 BiConsumer<Services, Optional<Path>> onRestored) {
        this.failure = failure;
        this.config = config;
        this.executor = config.executor();
        this.onRestored = onRestored;
    }

    /** Lists the backups, off the JavaFX thread. */
    public void load() {
        if (!failure.restoreHelps()) {
            return;
        }
        busy.set(true);
        executor.run(() -> LocalBackups.of(failure.store()), list -> {
            busy.set(false);
            backups.setAll(list);
            chosen.set(list.isEmpty() ? null : list.get(0));
            message.set(list.isEmpty() ? I18n.t("damaged.noBackup") : "");
        }, e -> {
            busy.set(false);
            message.set(UserMessages.of(e));
        });
    }

    /** What the confirmation asks, about the chosen backup. */
    public String confirmation() {
        BackupFile backup = chosen.get();
        return I18n.t("damaged.restore.confirm", describe(backup), failure.store().getFileName().toString());
    }

    /** Restores the chosen backup (after the person confirmed), then opens the store again. */
    public void restore() {
        BackupFile backup = chosen.get();
        if (backup == null) {
            return;
        }
        busy.set(true);
        message.set(I18n.t("damaged.restoring"));
        Clock clock = config.clock();
        Path store = failure.store();
        boolean demo = store.equals(config.dataFolder().demoStore());
        executor.run(() -> {
            Optional<Path> aside = LocalBackups.restore(store, backup, clock);
            return new Restored(Services.open(store, demo ? config.demoHasher() : config.hasher(), clock), aside);
        }, restored -> {
            busy.set(false);
            message.set("");
            onRestored.accept(restored.services(), restored.aside());
        }, e -> {
            busy.set(false);
            message.set(UserMessages.of(e));
        });
    }

    private record Restored(Services services, Optional<Path> aside) {
    }

    /** A backup as the list shows it: « 06/12/2026 08:02 — 23,0 Mo ». */
    public String describe(BackupFile backup) {
        if (backup == null) {
            return "";
        }
        return I18n.t("damaged.backup", Formats.DATE_TIME.format(backup.made().atZone(config.clock().getZone())),
                backup.bytes() / (1024.0 * 1024.0));
    }

    public String title() {
        return I18n.t(failure.newerVersion() ? "damaged.title.newer" : "damaged.title");
    }

    public String explanation() {
        return failure.message();
    }

    public boolean restoreHelps() {
        return failure.restoreHelps();
    }

    public ObservableList<BackupFile> backups() {
        return backups;
    }

    public ObjectProperty<BackupFile> chosenProperty() {
        return chosen;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
