package fr.convergence.terrain.app.account;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.text.NameOrder;
import fr.convergence.terrain.core.verdict.Result;
import fr.convergence.terrain.core.verdict.Verdict;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
 * The accounts of the laptop for an administrator or a coordinator: the list (active or not), creating an
 * account, setting a new password for someone who forgot theirs, deactivating and reactivating. Every action
 * runs on the background executor through {@link AuthService}, which checks who may do what.
 */
public final class AccountsViewModel {

    /** One line of the accounts table, with its texts ready to show. */
    public record AccountRow(User user, String scope) {

        public String roleText() {
            return I18n.label(user.role());
        }

        public String statusText() {
            return user.active() ? I18n.t("account.status.active") : I18n.t("account.status.inactive");
        }
    }

    private record Loaded(List<User> users, List<Worksite> worksites, List<Territory> territories, Worksite home) {
    }

    private final AuthService auth;
    private final Workstation workstation;
    private final Session session;
    private final TaskExecutor executor;
    private final Clock clock;

    private final ObservableList<AccountRow> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<AccountRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<Role> roles = FXCollections.observableArrayList();
    private final ObservableList<Worksite> worksiteChoices = FXCollections.observableArrayList();
    private final ObservableList<Territory> territoryChoices = FXCollections.observableArrayList();

    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty login = new SimpleStringProperty(this, "login", "");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role", Role.ESP);
    private final ObservableList<Worksite> chosenWorksites = FXCollections.observableArrayList();
    private final ObjectProperty<Territory> territory = new SimpleObjectProperty<>(this, "territory");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final StringProperty resetPassword = new SimpleStringProperty(this, "resetPassword", "");
    private final StringProperty resetConfirmation = new SimpleStringProperty(this, "resetConfirmation", "");

    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper(this, "errors", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper listError = new ReadOnlyStringWrapper(this, "listError", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** The account whose role and worksites the form is changing; null while the form creates an account. */
    private final ObjectProperty<User> editing = new SimpleObjectProperty<>(this, "editing");
    /** True until the first answer (rows or an error): the page shows "Chargement…", not "nothing found". */
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", true);
    private final BooleanBinding worksitesNeeded;
    private final BooleanBinding territoryNeeded;
    private final BooleanBinding selectedActive;
    private Worksite home;

    /** @param clock the day printed on the recovery key's sheet */
    public AccountsViewModel(AuthService auth, Workstation workstation, Session session, TaskExecutor executor,
                             Clock clock) {
        this.auth = auth;
        this.clock = clock;
        this.workstation = workstation;
        this.session = session;
        this.executor = executor;
        worksitesNeeded = Bindings.createBooleanBinding(() -> role.get() == Role.ESP || role.get() == Role.CIP, role);
        territoryNeeded = Bindings.createBooleanBinding(() -> role.get() == Role.COORDINATOR, role);
        selectedActive = Bindings.createBooleanBinding(() -> selected.get() == null || selected.get().user().active(),
                selected);
        selected.addListener((obs, was, now) -> {
            resetPassword.set("");
            resetConfirmation.set("");
        });
        User actor = session.user();
        roles.setAll(actor != null && actor.role() == Role.ADMIN ? List.of(Role.values()) : List.of(Role.ESP, Role.CIP));
    }

    /** Who sees the page in the navigation: an administrator or a coordinator (see {@link AuthService}). */
    public static boolean visibleTo(User user) {
        return AuthService.managesAccounts(user);
    }

    /** Reads the accounts and what a new account can be given; call each time the page is shown. */
    public void load() {
        User actor = session.user();
        executor.run(() -> new Loaded(auth.accounts(actor), workstation.worksitesFor(actor),
                workstation.territories(),
                workstation.worksite().orElse(null)), loaded -> {
                    loading.set(false);
                    home = loaded.home();
                    worksiteChoices.setAll(loaded.worksites());
                    territoryChoices.setAll(loaded.territories());
                    showAccounts(loaded.users());
                    if (chosenWorksites.isEmpty()) {
                        chosenWorksites.setAll(defaultWorksites());
                    }
                    listError.set("");
                }, e -> {
                    loading.set(false);
                    listError.set(UserMessages.of(e));
                });
    }

    private void showAccounts(List<User> users) {
        Map<String, String> worksiteNames = new HashMap<>();
        worksiteChoices.forEach(w -> worksiteNames.put(w.id(), w.name()));
        Map<String, String> territoryNames = new HashMap<>();
        territoryChoices.forEach(t -> territoryNames.put(t.id(), t.name()));
        String keep = selected.get() == null ? null : selected.get().user().id();
        accounts.setAll(users.stream().map(u -> new AccountRow(u, scope(u, worksiteNames, territoryNames))).toList());
        selected.set(keep == null ? null
                : accounts.stream().filter(r -> r.user().id().equals(keep)).findFirst().orElse(null));
    }

    private static String scope(User user, Map<String, String> worksiteNames, Map<String, String> territoryNames) {
        if (user.role() == Role.ADMIN) {
            return I18n.t("account.scope.all");
        }
        if (user.role() == Role.COORDINATOR && user.territoryId() != null) {
            return I18n.t("account.scope.territory",
                    territoryNames.getOrDefault(user.territoryId(), user.territoryId()));
        }
        return user.worksiteIds().stream().map(id -> worksiteNames.getOrDefault(id, id)).sorted(NameOrder.TEXT)
                .collect(Collectors.joining(", "));
    }

    /** The laptop's own worksite when the user sees it, so that the common case is one click less. */
    private List<Worksite> defaultWorksites() {
        if (home != null && worksiteChoices.contains(home)) {
            return List.of(home);
        }
        return worksiteChoices.size() == 1 ? List.of(worksiteChoices.get(0)) : List.of();
    }

    /** Creates the account from the form; refusals are listed all at once and nothing is created. */
    public void create() {
        User actor = session.user();
        Role chosenRole = role.get();
        Set<String> worksiteIds = chosenWorksites.stream().map(Worksite::id).collect(Collectors.toSet());
        String territoryId = territory.get() == null ? null : territory.get().id();
        String name = displayName.get();
        String typedLogin = login.get();
        char[] typed = password.get().toCharArray();
        char[] again = confirmation.get().toCharArray();
        run(() -> auth.createAccount(actor, typedLogin, name, chosenRole,
                territoryId, worksiteIds, typed, again), result -> {
                    if (result.saved()) {
                        User created = result.value().orElseThrow();
                        clearForm();
                        say(I18n.t("account.created", created.displayName(), created.login()));
                        load();
                    } else {
                        refuse(result.verdict());
                        password.set("");
                        confirmation.set("");
                    }
                });
    }

    /** Whether the person signed in may change roles and worksites: an administrator ({@link AuthService#changeAccess}). */
    public boolean changesAccess() {
        User actor = session.user();
        return actor != null && actor.role() == Role.ADMIN;
    }

    /** Puts the chosen account's role, territory and worksites in the form, to change them. */
    public void editAccess() {
        AccountRow row = selected.get();
        if (row == null) {
            refuse(Verdict.refused(I18n.t("account.chooseAccount")));
            return;
        }
        User user = row.user();
        editing.set(user);
        role.set(user.role());
        territory.set(territoryChoices.stream().filter(t -> t.id().equals(user.territoryId())).findFirst()
                .orElse(null));
        chosenWorksites.setAll(worksiteChoices.stream().filter(w -> user.worksiteIds().contains(w.id())).toList());
        errors.set("");
        message.set("");
    }

    /** Back to the new account form, without changing anything. */
    public void cancelEditing() {
        editing.set(null);
        clearForm();
        role.set(Role.ESP);
    }

    /** Saves the role, territory and worksites of the account being changed; journaled by the service. */
    public void saveAccess() {
        User target = editing.get();
        if (target == null) {
            return;
        }
        User actor = session.user();
        Role chosenRole = role.get();
        Set<String> worksiteIds = chosenWorksites.stream().map(Worksite::id).collect(Collectors.toSet());
        String territoryId = territory.get() == null ? null : territory.get().id();
        run(() -> auth.changeAccess(actor, target.id(), chosenRole, territoryId, worksiteIds), result -> {
            if (result.saved()) {
                cancelEditing();
                say(I18n.t("account.access.changed", target.displayName()));
                load();
            } else {
                refuse(result.verdict());
            }
        });
    }

    /** Gives the chosen account the new password typed twice; the old one stops working at once. */
    public void resetPassword() {
        AccountRow row = selected.get();
        if (row == null) {
            refuse(Verdict.refused(I18n.t("account.chooseAccount")));
            return;
        }
        char[] typed = resetPassword.get().toCharArray();
        char[] again = resetConfirmation.get().toCharArray();
        User actor = session.user();
        run(() -> auth.resetPassword(actor, row.user().id(), typed, again), result -> {
            resetPassword.set("");
            resetConfirmation.set("");
            if (result.saved()) {
                say(I18n.t("account.reset.done", row.user().displayName()));
            } else {
                refuse(result.verdict());
            }
        });
    }

    /** Deactivates the chosen account if active, reactivates it otherwise. */
    public void toggleActive() {
        AccountRow row = selected.get();
        if (row == null) {
            refuse(Verdict.refused(I18n.t("account.chooseAccount")));
            return;
        }
        boolean activate = !row.user().active();
        User actor = session.user();
        run(() -> auth.setActive(actor, row.user().id(), activate), result -> {
            if (result.saved()) {
                say(activate ? I18n.t("account.reactivated", row.user().displayName())
                        : I18n.t("account.deactivated", row.user().displayName()));
                load();
            } else {
                refuse(result.verdict());
            }
        });
    }

    /**
     * Replaces the laptop's recovery key ({@link AuthService#renewRecoveryKey}: the old one stops working at once)
     * and hands the new one to {@code show}, which shows it once with its print button.
     */
    public void renewRecoveryKey(Consumer<RecoveryKeyDialog.Shown> show) {
        User actor = session.user();
        busy.set(true);
        errors.set("");
        message.set("");
        executor.run(() -> new RecoveryKeyDialog.Shown(auth.renewRecoveryKey(actor).groups(),
                workstation.worksite().map(Worksite::name).orElse(""), actor, clock, workstation.demo()), shown -> {
                    busy.set(false);
                    say(I18n.t("account.recovery.done"));
                    show.accept(shown);
                }, e -> {
                    busy.set(false);
                    errors.set(UserMessages.of(e));
                });
    }

    private void run(Supplier<Result<User>> work, java.util.function.Consumer<Result<User>> then) {
        busy.set(true);
        errors.set("");
        message.set("");
        executor.run(work::get, result -> {
            busy.set(false);
            then.accept(result);
        }, e -> {
            busy.set(false);
            errors.set(UserMessages.of(e));
        });
    }

    private void clearForm() {
        displayName.set("");
        login.set("");
        password.set("");
        confirmation.set("");
        territory.set(null);
        chosenWorksites.setAll(defaultWorksites());
    }

    private void refuse(Verdict verdict) {
        message.set("");
        errors.set(verdict.text());
    }

    private void say(String text) {
        errors.set("");
        message.set(text);
    }

    public ObservableList<AccountRow> accounts() {
        return accounts;
    }

    public ObjectProperty<AccountRow> selectedProperty() {
        return selected;
    }

    public ObservableList<Role> roles() {
        return roles;
    }

    public ObservableList<Worksite> worksiteChoices() {
        return worksiteChoices;
    }

    public ObservableList<Territory> territoryChoices() {
        return territoryChoices;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty loginProperty() {
        return login;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    /** The worksites ticked for the new account (ESP and CIP). */
    public ObservableList<Worksite> chosenWorksites() {
        return chosenWorksites;
    }

    public ObjectProperty<Territory> territoryProperty() {
        return territory;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public StringProperty resetPasswordProperty() {
        return resetPassword;
    }

    public StringProperty resetConfirmationProperty() {
        return resetConfirmation;
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty listErrorProperty() {
        return listError.getReadOnlyProperty();
    }

    public ObjectProperty<User> editingProperty() {
        return editing;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the role chosen works on worksites (ESP, CIP): the worksite list is shown. */
    public BooleanBinding worksitesNeededProperty() {
        return worksitesNeeded;
    }

    /** Whether the role chosen covers a territory (coordinator, created by an administrator): the choice is shown. */
    public BooleanBinding territoryNeededProperty() {
        return territoryNeeded;
    }

    /** Whether the chosen account is active, or none is chosen (the button then offers to deactivate). */
    public BooleanBinding selectedActiveProperty() {
        return selectedActive;
    }

    /** True until the first answer: the table's placeholder says it is loading. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
