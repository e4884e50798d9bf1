package fr.convergence.terrain.app.shell;

import fr.convergence.terrain.core.domain.User;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A navigation entry: its id, the bundle key of its label, how to build the page, who sees it in the
 * navigation (everyone unless said otherwise; the page's services still check access themselves), and whether
 * it is built and started as soon as the main window opens ({@link Page#startInBackground()}).
 */
public record PageDefinition(String id, String labelKey, Function<PageContext, Page> factory,
                             Predicate<User> visibleTo, boolean startsAtSignIn) {

    public PageDefinition(String id, String labelKey, Function<PageContext, Page> factory) {
        this(id, labelKey, factory, user -> true);
    }

    public PageDefinition(String id, String labelKey, Function<PageContext, Page> factory,
                          Predicate<User> visibleTo) {
        this(id, labelKey, factory, visibleTo, false);
    }
}
