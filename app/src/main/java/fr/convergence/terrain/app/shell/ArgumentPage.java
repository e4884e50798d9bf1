package fr.convergence.terrain.app.shell;

/** A page that can be opened with an argument, e.g. the participants page with a participant id. */
public interface ArgumentPage extends Page {

    void open(Object argument);
}
