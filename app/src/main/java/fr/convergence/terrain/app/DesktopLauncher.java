package fr.convergence.terrain.app;

/**
 * Starts the desktop application. Its signature has no JavaFX type, so {@link Main} can hand it to the command
 * line without loading the toolkit; JavaFX classes load only when {@link #launch} runs.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /** Blocks until the window is closed; returns the exit code. */
    public static int launch(String... args) {
        javafx.application.Application.launch(TerrainApplication.class, args);
        return 0;
    }
}
