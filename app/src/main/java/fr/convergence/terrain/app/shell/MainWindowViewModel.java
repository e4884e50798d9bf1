package fr.convergence.terrain.app.shell;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.data.Services;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.account.StatusService.StoreStatus;
import fr.convergence.terrain.core.domain.User;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The main window's state: status bar texts, the signed-in user, the demo marker. What the status bar says of the
 * sync (the hub, the changes waiting for it) is the sync's own state, handed over where the application is
 * assembled: the Synchronisation page watches the same.
 */
public final class MainWindowViewModel {

    private final Services services;
    private final Session session;
    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper storeText = new ReadOnlyStringWrapper(this, "storeText", "");
    private final ReadOnlyStringWrapper userText = new ReadOnlyStringWrapper(this, "userText", "");
    private final ReadOnlyStringWrapper userName = new ReadOnlyStringWrapper(this, "userName", "");
    private final ReadOnlyStringProperty syncSummary;
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(this, "demo");

    /**
     * @param syncSummary where the sync stands, in the sync's own words (the Synchronisation page shows the same)
     */
    public MainWindowViewModel(Services services, Session session, TaskExecutor executor, boolean demoStore,
                               ReadOnlyStringProperty syncSummary) {
        this.services = services;
        this.session = session;
        this.executor = executor;
        this.syncSummary = syncSummary;
        demo.set(demoStore);
        User user = session.user();
        userText.set(userText(user));
        userName.set(user == null ? "" : user.displayName());
        session.changesProperty().addListener((obs, was, now) -> refreshStatus());
    }

    /** Reads the worksite and its participants again (after a saved change). */
    public void refreshStatus() {
        executor.run(() -> services.status().status(), this::show, e -> { });
    }

    private void show(StoreStatus status) {
        storeText.set(status.worksite()
                .map(w -> I18n.t("status.store", w.name(), status.participants()))
                .orElse(I18n.t("status.noWorksite")));
    }

    public void lock() {
        session.lock();
    }

    public ReadOnlyStringProperty storeTextProperty() {
        return storeText.getReadOnlyProperty();
    }

    /**
     * "Session : Sandrine Coordinatrice — Coordination de territoire"; the role is left out when the name already
     * says it ("Camille Éducatrice (ESP)"), so the status bar never says it twice.
     */
    static String userText(User user) {
        if (user == null) {
            return "";
        }
        return user.displayName().contains("(" + user.role().name() + ")")
                ? I18n.t("status.user.named", user.displayName())
                : I18n.t("status.user", user.displayName(), I18n.label(user.role()));
    }

    public ReadOnlyStringProperty userTextProperty() {
        return userText.getReadOnlyProperty();
    }

    /** The signed-in person's name, for the header. */
    public ReadOnlyStringProperty userNameProperty() {
        return userName.getReadOnlyProperty();
    }

    /** Where the sync stands ("À jour — synchronisé le…", "3 modifications en attente d’envoi"…). */
    public ReadOnlyStringProperty syncSummaryProperty() {
        return syncSummary;
    }

    public ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }
}
