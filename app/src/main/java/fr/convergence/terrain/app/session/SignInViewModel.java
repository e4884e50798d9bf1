package fr.convergence.terrain.app.session;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SignInDelayedException;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.verdict.Result;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
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
    // A forgotten password, with the laptop's recovery key (ADR 0005): the form that replaces the password.
    private final BooleanProperty recovering = new SimpleBooleanProperty(this, "recovering");
    private final StringProperty recoveryLogin = new SimpleStringProperty(this, "recoveryLogin", "");
    private final StringProperty recoveryKey = new SimpleStringProperty(this, "recoveryKey", "");
    private final StringProperty recoveryPassword = new SimpleStringProperty(this, "recoveryPassword", "");
    private final StringProperty recoveryConfirmation = new SimpleStringProperty(this, "recoveryConfirmation", "");
    private final ReadOnlyStringWrapper recoveryError = new ReadOnlyStringWrapper(this, "recoveryError", "");

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
            if (now != null && recovering.get()) {
                recoveryLogin.set(now.login());
            }
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

    /** Opens the recovery form for the account chosen in the list (its login can still be typed over). */
    public void startRecovery() {
        User user = selected.get();
        recoveryLogin.set(user == null ? "" : user.login());
        recoveryKey.set("");
        recoveryPassword.set("");
        recoveryConfirmation.set("");
        recoveryError.set("");
        error.set("");
        recovering.set(true);
    }

    /** Back to the password, nothing changed. */
    public void cancelRecovery() {
        recovering.set(false);
        recoveryKey.set("");
        recoveryPassword.set("");
        recoveryConfirmation.set("");
        recoveryError.set("");
    }

    /**
     * Sets a new password with the recovery key ({@link AuthService#recover}), then signs in with it, both on the
     * background executor; a wrong key or a refused password leaves the form open with the reason.
     */
    public void recover() {
        String login = recoveryLogin.get() == null ? "" : recoveryLogin.get().strip();
        String key = recoveryKey.get() == null ? "" : recoveryKey.get();
        if (login.isEmpty()) {
            recoveryError.set(I18n.t("signin.recover.typeLogin"));
            return;
        }
        if (key.isBlank()) {
            recoveryError.set(I18n.t("signin.recover.typeKey"));
            return;
        }
        char[] typed = recoveryPassword.get().toCharArray();
        char[] again = recoveryConfirmation.get().toCharArray();
        // recover() wipes its copies; the sign-in that follows needs its own.
        char[] forSignIn = typed.clone();
        recoveryPassword.set("");
        recoveryConfirmation.set("");
        busy.set(true);
        recoveryError.set("");
        executor.run(() -> {
            Result<User> result = auth.recover(login, key, typed, again);
            if (!result.saved()) {
                Arrays.fill(forSignIn, '\0');
                return new Recovery(result.verdict().text(), Optional.empty());
            }
            try {
                return new Recovery(null, auth.signIn(login, forSignIn));
            } catch (SignInDelayedException e) {
                // The password is changed, but wrong tries just before ask to wait: the person signs in after.
                return new Recovery(null, Optional.empty());
            }
        }, recovery -> {
            busy.set(false);
            if (recovery.refusal() != null) {
                recoveryError.set(recovery.refusal());
                return;
            }
            cancelRecovery();
            if (recovery.user().isPresent()) {
                onSignedIn.accept(recovery.user().get());
            } else {
                error.set(I18n.t("signin.recover.done"));
            }
        }, e -> {
            busy.set(false);
            recoveryError.set(UserMessages.of(e));
        });
    }

    private record Recovery(String refusal, Optional<User> user) {
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

    public BooleanProperty recoveringProperty() {
        return recovering;
    }

    public StringProperty recoveryLoginProperty() {
        return recoveryLogin;
    }

    public StringProperty recoveryKeyProperty() {
        return recoveryKey;
    }

    public StringProperty recoveryPasswordProperty() {
        return recoveryPassword;
    }

    public StringProperty recoveryConfirmationProperty() {
        return recoveryConfirmation;
    }

    public ReadOnlyStringProperty recoveryErrorProperty() {
        return recoveryError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
