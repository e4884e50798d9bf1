package fr.convergence.terrain.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code terrain} command: the desktop application with no subcommand, tools otherwise. */
@Command(name = "terrain", mixinStandardHelpOptions = true, versionProvider = TerrainCommand.Version.class,
        description = "Convergence Terrain : suivi des chantiers d'insertion (PHC, CVG), hors ligne.",
        subcommands = {DemoCommand.class, PrintCommand.class, SyncCommand.class, ReportCommand.class,
                CheckCommand.class, EditCommand.class})
public final class TerrainCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new TerrainCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("Erreur : " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    /** Runs a command with its output sent to the given writers (tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new TerrainCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("Erreur : " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    /** With no subcommand: the desktop application (JavaFX loads only from here). */
    @Override
    public Integer call() {
        try {
            return fr.convergence.terrain.app.DesktopLauncher.launch();
        } catch (UnsupportedOperationException | IllegalStateException | UnsatisfiedLinkError e) {
            spec.commandLine().getErr().println("L'application de bureau ne peut pas s'ouvrir sur cet écran : "
                    + e.getMessage() + "\nLes commandes en ligne restent disponibles (terrain --help).");
            return 2;
        }
    }

    public static String version() {
        try (InputStream in = TerrainCommand.class.getResourceAsStream("/fr/convergence/terrain/app/build.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "inconnue");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the version Maven wrote into build.properties. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Convergence Terrain " + version()};
        }
    }
}
