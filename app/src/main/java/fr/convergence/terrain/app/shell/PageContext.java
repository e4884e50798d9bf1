package fr.convergence.terrain.app.shell;

import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.data.Services;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.domain.User;
import java.time.Clock;

/**
 * What a page gets to build its view model: the core services of the open store, the session (current user,
 * change counter), the one background executor, the clock, and navigation to other pages.
 */
public record PageContext(Services services, Session session, TaskExecutor executor, Clock clock,
                          Navigation navigation) {

    /** The signed-in user (pages exist only while someone is signed in). */
    public User user() {
        return session.user();
    }

    /** Opens another page of the main window. */
    public interface Navigation {
        void open(String pageId);

        /** Opens a page and hands it an argument (e.g. the participant whose file to show). */
        void open(String pageId, Object argument);
    }
}
