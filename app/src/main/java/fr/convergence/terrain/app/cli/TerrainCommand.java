package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.cli.FrenchCommandLine;
import fr.convergence.terrain.core.store.SqliteUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code terrain} command: the desktop application with no subcommand, tools otherwise. */
@Command(name = "terrain", mixinStandardHelpOptions = true, versionProvider = TerrainCommand.Version.class,
        description = "Convergence Terrain\u00a0: suivi des chantiers d’insertion (PHC, CVG), hors ligne.")
public final class TerrainCommand implements Callable<Integer> {

    /**
     * The subcommands, in the help's order. picocli builds a command's model by reflection over its class, options and
     * mixins, most of what a call costs before its work: {@link #subcommandsFor} gives it only those a command line
     * needs (issue 17).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, PrintCommand.class, SyncCommand.class,
            ReportCommand.class, CheckCommand.class, EditCommand.class, ExportPersonCommand.class,
            RestoreCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Callable<Integer> desktop;
    private final Terminal terminal;

    private TerrainCommand(Callable<Integer> desktop, Terminal terminal) {
        this.desktop = desktop;
        this.terminal = terminal;
    }

    /** Runs the command line; with no subcommand, {@code desktop} opens the application's window. */
    public static int run(Callable<Integer> desktop, String... args) {
        return commandLine(desktop, Terminal.SYSTEM, args).execute(args);
    }

    /** {@link #run(Callable, String...)} with its output sent to the given writers. */
    public static int run(Callable<Integer> desktop, PrintWriter out, PrintWriter err, String... args) {
        return run(desktop, Terminal.SYSTEM, out, err, args);
    }

    /** {@link #run(Callable, PrintWriter, PrintWriter, String...)} reading passwords from {@code terminal}. */
    public static int run(Callable<Integer> desktop, Terminal terminal, PrintWriter out, PrintWriter err,
                          String... args) {
        CommandLine commandLine = commandLine(desktop, terminal, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /**
     * The subcommands {@code args} need: the one they name; none for the window (no argument) or for
     * {@code --version}; every one otherwise (the help lists them, and a mistyped name is answered with the nearest).
     */
    static List<Class<?>> subcommandsFor(String... args) {
        if (args.length == 0 || args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        return SUBCOMMANDS.stream().filter(type -> type.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().map(List::<Class<?>>of).orElse(SUBCOMMANDS);
    }

    static CommandLine commandLine(Callable<Integer> desktop, Terminal terminal, String... args) {
        CommandLine terrain = new CommandLine(new TerrainCommand(desktop, terminal));
        subcommandsFor(args).forEach(terrain::addSubcommand);
        // After the subcommands: the French texts and refusals apply to those already added.
        CommandLine commandLine = FrenchCommandLine.speakFrench(terrain);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof SignInRefusedException refused) {
                cmd.getErr().println(refused.getMessage());
                return refused.exitCode();
            }
            cmd.getErr().println(failure(e, cmd));
            return e instanceof IllegalArgumentException ? FrenchCommandLine.USAGE : 1;
        });
        return commandLine;
    }

    /**
     * What a command that failed says: the services' own French sentence; for an id the store does not hold (an
     * {@link IllegalArgumentException}: « Chantier introuvable : … »), where to look; SQLite's refusals in French.
     */
    static String failure(Exception e, CommandLine command) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        Optional<String> sqlite = StoreFile.sqliteRefusal(message)
                .or(() -> StoreFile.sqliteRefusal(cause == null ? null : cause.getMessage()));
        if (sqlite.isPresent()) {
            return sqlite.get();
        }
        if (e instanceof SqliteUnavailableException) {
            // The whole sentence already: what happened, what to do, and the reason for the support.
            return message;
        }
        if (e instanceof IllegalArgumentException) {
            return message + "\nVérifiez les identifiants et les valeurs donnés sur la ligne de commande (aide\u00a0: "
                    + command.getCommandSpec().qualifiedName() + " --help).";
        }
        if (message == null || !(e instanceof RuntimeException) || e instanceof NullPointerException
                || e instanceof ClassCastException || e instanceof IndexOutOfBoundsException) {
            return "Erreur inattendue (" + e.getClass().getSimpleName() + (message == null ? "" : "\u00a0: " + message)
                    + ")\u00a0: relancez la commande\u00a0; si elle échoue encore, envoyez ce message au support avec "
                    + "la sortie de «\u00a0terrain check --store FICHIER\u00a0».";
        }
        return "Erreur\u00a0: " + message;
    }

    /** Where the commands that act as a person read their password from. */
    Terminal terminal() {
        return terminal;
    }

    /** With no subcommand: the desktop application (JavaFX loads only from there). */
    @Override
    public Integer call() throws Exception {
        try {
            return desktop.call();
        } catch (UnsupportedOperationException | IllegalStateException | UnsatisfiedLinkError e) {
            spec.commandLine().getErr().println("L’application de bureau ne peut pas s’ouvrir sur cet écran ("
                    + e.getMessage() + ").\nSous Linux, elle a besoin d’une session graphique, de GTK 3 et d’OpenGL "
                    + "(Debian, Ubuntu\u00a0: sudo apt-get install libgtk-3-0 libgl1).\n"
                    + "Les commandes en ligne restent disponibles (terrain --help).");
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
