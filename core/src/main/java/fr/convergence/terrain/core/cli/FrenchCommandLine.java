package fr.convergence.terrain.core.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * French for what picocli writes itself, shared by {@code terrain} and {@code terrain-hub}: the usage help's headings
 * and the help and version options from a resource bundle, and the refusals of a command line (missing or unknown
 * option, wrong value) rewritten in French, each saying what to do. Exit code {@value #USAGE} for these, as for every
 * other usage problem of both commands.
 */
public final class FrenchCommandLine {

    /** The exit code of a command line that cannot be run as typed. */
    public static final int USAGE = 2;

    private static final String BUNDLE = "fr.convergence.terrain.core.cli.picocli";

    private FrenchCommandLine() {
    }

    /** Makes {@code commandLine} and its subcommands speak French; returns it. */
    public static CommandLine speakFrench(CommandLine commandLine) {
        commandLine.setResourceBundle(ResourceBundle.getBundle(BUNDLE, Locale.FRENCH));
        commandLine.setParameterExceptionHandler(FrenchCommandLine::refuse);
        return commandLine;
    }

    /** Says in French what is wrong with the command line and where the help is; never the whole usage. */
    static int refuse(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(message(e));
        err.println("Aide\u00a0: " + command.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return USAGE;
    }

    /** The French sentence for {@code e}; a message written in French by a command is kept as it is. */
    static String message(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return unmatched(unmatched);
        }
        if (e instanceof CommandLine.MissingParameterException missing) {
            return missing(missing);
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            return "Ces options s’excluent\u00a0: " + names(e.getCommandLine(), e.getMessage())
                    + "\u00a0; n’en donnez qu’une.";
        }
        if (e instanceof CommandLine.OverwrittenOptionException overwritten) {
            return "L’option " + name(overwritten.getOverwritten()) + " est donnée plusieurs fois\u00a0: "
                    + "donnez-la une seule fois.";
        }
        if (e instanceof CommandLine.MaxValuesExceededException) {
            return "Trop de valeurs sur la ligne de commande\u00a0: chaque option se donne une fois, avec une valeur.";
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            return "Valeur refusée pour " + name(e.getArgSpec()) + "\u00a0: «\u00a0" + e.getValue() + "\u00a0»"
                    + expected(e.getArgSpec());
        }
        return e.getMessage();
    }

    private static String unmatched(CommandLine.UnmatchedArgumentException e) {
        List<String> unmatched = e.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        StringBuilder text = new StringBuilder();
        if (first.startsWith("-")) {
            text.append("Option inconnue\u00a0: «\u00a0").append(first).append("\u00a0».");
        } else if (!e.getCommandLine().getSubcommands().isEmpty()) {
            text.append("Commande inconnue\u00a0: «\u00a0").append(first).append("\u00a0».");
        } else {
            text.append("Valeur en trop\u00a0: «\u00a0").append(first).append("\u00a0» (chaque valeur suit son option).");
        }
        List<String> suggestions = e.getSuggestions();
        if (!suggestions.isEmpty()) {
            text.append(" Vouliez-vous dire ").append(String.join(" ou ", suggestions.subList(0,
                    Math.min(3, suggestions.size())))).append("\u00a0?");
        }
        return text.toString();
    }

    private static String missing(CommandLine.MissingParameterException e) {
        List<ArgSpec> missing = e.getMissing();
        if (missing == null || missing.isEmpty()) {
            return "Il manque une option ou une valeur sur la ligne de commande.";
        }
        // picocli's own wording is the only thing telling an option typed without its value from an absent one.
        if (e.getMessage() != null && e.getMessage().startsWith("Missing required parameter for option")
                || e.getMessage() != null && e.getMessage().startsWith("Expected parameter for option")) {
            ArgSpec arg = missing.get(0);
            return "L’option " + name(arg) + " attend une valeur" + label(arg) + "\u00a0: écrivez-la après l’option.";
        }
        ArgSpec first = missing.get(0);
        if (first.group() != null && first.group().exclusive() && missing.size() > 1) {
            return "Indiquez l’une de ces options\u00a0: " + missing.stream().map(FrenchCommandLine::name)
                    .collect(Collectors.joining(" ou ")) + ".";
        }
        if (missing.size() == 1) {
            return "Option obligatoire manquante\u00a0: " + name(first) + label(first) + ".";
        }
        return "Options obligatoires manquantes\u00a0: " + missing.stream().map(a -> name(a) + label(a))
                .collect(Collectors.joining(", ")) + ".";
    }

    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.longestName();
        }
        return arg.paramLabel();
    }

    private static String label(ArgSpec arg) {
        if (arg instanceof OptionSpec option && option.typeInfo().isBoolean()) {
            return "";
        }
        String label = arg.paramLabel();
        return label.startsWith("<") ? "" : " " + label;
    }

    /** What a value of {@code arg}'s type looks like, to end the sentence of a refused value. */
    private static String expected(ArgSpec arg) {
        Class<?> type = arg.type();
        if (type == java.time.LocalDate.class) {
            return "\u00a0: une date s’écrit ici aaaa-mm-jj (par exemple 2026-03-31) et doit exister dans le calendrier.";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "\u00a0: un nombre entier est attendu.";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                values.append(values.length() == 0 ? "" : ", ").append(constant);
            }
            return "\u00a0: choisissez parmi " + values + ".";
        }
        if (type == java.nio.file.Path.class) {
            return "\u00a0: un chemin de fichier est attendu.";
        }
        return ".";
    }

    /**
     * The command's options that picocli's message names (« --worksite=<worksite>, --territory=<territory> are
     * mutually exclusive »): the exception gives no other list of the conflicting options.
     */
    private static String names(CommandLine command, String message) {
        String text = message == null ? "" : message;
        List<String> found = command.getCommandSpec().options().stream().map(OptionSpec::longestName)
                .filter(n -> text.contains(n + "=") || text.contains(n + " ") || text.contains(n + ","))
                .toList();
        return found.isEmpty() ? "options incompatibles" : String.join(" et ", found);
    }
}
