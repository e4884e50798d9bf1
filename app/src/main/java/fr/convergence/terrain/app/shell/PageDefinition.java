package fr.convergence.terrain.app.shell;

import java.util.function.Function;

/** A navigation entry: its id, the bundle key of its label, and how to build the page. */
public record PageDefinition(String id, String labelKey, Function<PageContext, Page> factory) {
}
