package fr.convergence.terrain.app.welcome;

import fr.convergence.terrain.app.account.RecoveryKeyDialog;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.data.AppConfig;
import fr.convergence.terrain.app.data.Services;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.verdict.Result;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Installer ce poste": the territory and worksite from the shipped reference data, and the first account.
 * The real store is created only here, never by the demo.
 */
public final class SetupViewModel {

    private final AppConfig config;
    private final TaskExecutor executor;
    private final SetupService setup = new SetupService();
    private final BiConsumer<Services, User> onInstalled;
    /** Shows the recovery key once (ADR 0005), before the main window replaces this page; set by the view. */
    private java.util.function.Consumer<RecoveryKeyDialog.Shown> showRecoveryKey = key -> { };
    private final ObservableList<Territory> territories = FXCollections.observableArrayList();
    private final ObservableList<Worksite> worksites = FXCollections.observableArrayList();
    private final ObjectProperty<Territory> territory = new SimpleObjectProperty<>(this, "territory");
    private final ObjectProperty<Worksite> worksite = new SimpleObjectProperty<>(this, "worksite");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role", Role.COORDINATOR);
    private final StringProperty login = new SimpleStringProperty(this, "login", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper(this, "errors", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private Services services;

    public SetupViewModel(AppConfig config, BiConsumer<Services, User> onInstalled) {
        this.config = config;
        this.executor = config.executor();
        this.onInstalled = onInstalled;
        territories.setAll(setup.territories());
        territories.add(new Territory(SetupService.NO_TERRITORY, I18n.t("setup.noTerritory"), ""));
        territory.addListener((obs, was, now) -> {
            worksite.set(null);
            worksites.setAll(now == null ? java.util.List.of() : setup.worksitesOf(now.id()));
        });
    }

    public void install() {
        busy.set(true);
        errors.set("");
        Worksite chosen = worksite.get();
        char[] typed = password.get().toCharArray();
        char[] again = confirmation.get().toCharArray();
        password.set("");
        confirmation.set("");
        executor.run(() -> {
            if (services == null) {
                services = Services.open(config.dataFolder().realStore(), config.hasher(), config.clock());
            }
            return setup.installWithRecoveryKey(services.workstation().store(), config.hasher(),
                    chosen == null ? null : chosen.id(), login.get(), displayName.get(), role.get(), typed, again);
        }, (SetupService.Installation installation) -> {
            busy.set(false);
            Result<User> result = installation.account();
            if (result.saved()) {
                User installer = result.value().get();
                installation.recoveryKey().ifPresent(key -> showRecoveryKey.accept(new RecoveryKeyDialog.Shown(
                        key.groups(), chosen.name(), installer, config.clock(), false)));
                onInstalled.accept(services, result.value().get());
            } else {
                errors.set(result.verdict().text());
            }
        }, e -> {
            busy.set(false);
            errors.set(UserMessages.of(e));
        });
    }

    public void setRecoveryKeyDisplay(java.util.function.Consumer<RecoveryKeyDialog.Shown> display) {
        this.showRecoveryKey = display;
    }

    public ObservableList<Territory> territories() {
        return territories;
    }

    public ObservableList<Worksite> worksites() {
        return worksites;
    }

    public ObjectProperty<Territory> territoryProperty() {
        return territory;
    }

    public ObjectProperty<Worksite> worksiteProperty() {
        return worksite;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public StringProperty loginProperty() {
        return login;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
