package fr.convergence.terrain.app;

import fr.convergence.terrain.app.cli.TerrainCommand;

/**
 * Entry point of the {@code terrain} launcher: the command line when arguments are given, the desktop
 * application otherwise. Kept free of JavaFX types so the command line starts without the toolkit.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(TerrainCommand.run(DesktopLauncher::launch, args));
    }
}
