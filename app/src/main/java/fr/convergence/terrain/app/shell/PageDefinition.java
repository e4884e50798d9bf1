package fr.convergence.terrain.app.shell;

import fr.convergence.terrain.core.domain.User;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A navigation entry: its id, the bundle key of its label, how to build the page (on its first visit), and who
 * sees it in the navigation (everyone unless said otherwise; the page's services still check access themselves).
 */
public record PageDefinition(String id, String labelKey, Function<PageContext, Page> factory,
                             Predicate<User> visibleTo) {
}
