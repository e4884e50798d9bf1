package fr.convergence.terrain.app.session;

import fr.convergence.terrain.core.domain.User;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * Who is using the shared laptop now, whether the session is locked, and a counter of saved changes that
 * screens watch to refresh (status bar, lists). Lives on the JavaFX thread.
 */
public final class Session {

    private final ReadOnlyObjectWrapper<User> user = new ReadOnlyObjectWrapper<>(this, "user");
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper(this, "changes");

    public ReadOnlyObjectProperty<User> userProperty() {
        return user.getReadOnlyProperty();
    }

    public User user() {
        return user.get();
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public boolean locked() {
        return locked.get();
    }

    public void signIn(User signedIn) {
        user.set(signedIn);
        locked.set(false);
    }

    /** Hides everything until the password is typed again (idle time or on demand). */
    public void lock() {
        if (user.get() != null) {
            locked.set(true);
        }
    }

    public void signOut() {
        locked.set(false);
        user.set(null);
    }

    /** Incremented after each saved change. */
    public ReadOnlyLongProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    public void changed() {
        changes.set(changes.get() + 1);
    }
}
