package fr.convergence.terrain.app.session;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SignInDelayedException;
import fr.convergence.terrain.core.domain.User;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
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
 * Sign-in and unlock: the accounts of the laptop, the chosen one, the password, and the outcome. The password
 * check (a deliberately slow hash) runs on the background executor.
 */
public final class SignInViewModel {

    private final AuthService auth;
    private final TaskExecutor executor;
    private final Consumer<User> onSignedIn;
    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final ObjectProperty<User> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /**
     * @param lockedUser the user whose session is locked (preselected), or null for a plain sign-in
     */
    public SignInViewModel(AuthService auth, TaskExecutor executor, User lockedUser, Consumer<User> onSignedIn) {
        this.auth = auth;
        this.executor = executor;
        this.onSignedIn = onSignedIn;
        title.set(lockedUser == null ? I18n.t("signin.title") : I18n.t("signin.locked", lockedUser.displayName()));
        selected.set(lockedUser);
        selected.addListener((obs, was, now) -> {
            error.set("");
            password.set("");
        });
    }

    public void loadUsers() {
        executor.run(auth::activeUsers, list -> {
            User keep = selected.get();
            users.setAll(list);
            if (keep != null) {
                list.stream().filter(u -> u.id().equals(keep.id())).findFirst().ifPresent(selected::set);
            } else if (list.size() == 1) {
                selected.set(list.get(0));
            }
        }, e -> error.set(UserMessages.of(e)));
    }

    public void signIn() {
        User user = selected.get();
        if (user == null) {
            error.set(I18n.t("signin.chooseUser"));
            return;
        }
        if (password.get() == null || password.get().isEmpty()) {
            error.set(I18n.t("signin.typePassword"));
            return;
        }
        char[] typed = password.get().toCharArray();
        password.set("");
        busy.set(true);
        error.set("");
        executor.run(() -> {
            Optional<User> signedIn = auth.signIn(user.login(), typed);
            // After a wrong password the next try waits (doubling delay): say how long.
            return new Outcome(signedIn, signedIn.isPresent() ? Duration.ZERO : auth.remainingDelay(user.login()));
        }, outcome -> {
            busy.set(false);
            if (outcome.user().isPresent()) {
                onSignedIn.accept(outcome.user().get());
            } else {
                error.set(I18n.t("signin.wrongPassword", SignInDelayedException.seconds(outcome.delay())));
            }
        }, e -> {
            busy.set(false);
            error.set(UserMessages.of(e));
        });
    }

    private record Outcome(Optional<User> user, Duration delay) {
    }

    public ObservableList<User> users() {
        return users;
    }

    public ObjectProperty<User> selectedProperty() {
        return selected;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
