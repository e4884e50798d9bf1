package fr.convergence.terrain.app.shell;

import javafx.scene.Node;

/**
 * One screen of the main window's navigation. Built on first visit by its {@link PageDefinition}'s factory and
 * kept while the same user is signed in.
 */
public interface Page {

    /** The page's content, placed in the main window's centre. */
    Node view();

    /** Called each time the page is shown (load or refresh its data here, through the executor). */
    default void shown() {
    }

    /** The control to focus when the page is shown, if any. */
    default Node focusTarget() {
        return null;
    }
}
