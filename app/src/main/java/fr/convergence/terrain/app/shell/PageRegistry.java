package fr.convergence.terrain.app.shell;

import fr.convergence.terrain.core.domain.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The main window's pages, in navigation order. The application lists its own where it is assembled
 * ({@code TerrainPages}); this package knows pages only as {@link Page}s.
 */
public final class PageRegistry {

    private final List<PageDefinition> pages = new ArrayList<>();

    public PageRegistry add(String id, String labelKey, Function<PageContext, Page> factory) {
        return add(id, labelKey, factory, user -> true);
    }

    /** A page shown in the navigation only to the users {@code visibleTo} accepts (e.g. by role). */
    public PageRegistry add(String id, String labelKey, Function<PageContext, Page> factory,
                            Predicate<User> visibleTo) {
        if (find(id).isPresent()) {
            throw new IllegalArgumentException("Page already registered: " + id);
        }
        pages.add(new PageDefinition(id, labelKey, factory, visibleTo));
        return this;
    }

    /** Replaces the factory of a registered page (a test wrapping it to reach the page it drives). */
    public PageRegistry replace(String id, Function<PageContext, Page> factory) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).id().equals(id)) {
                PageDefinition old = pages.get(i);
                pages.set(i, new PageDefinition(id, old.labelKey(), factory, old.visibleTo()));
                return this;
            }
        }
        throw new IllegalArgumentException("No page " + id);
    }

    public List<PageDefinition> pages() {
        return Collections.unmodifiableList(pages);
    }

    public Optional<PageDefinition> find(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
