package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.store.StoreBackups;
import fr.convergence.terrain.core.store.StoreBackups.Backup;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code terrain restore}: lists a store's local backups, or puts one in its place — the current file kept aside,
 * next to it, first. Reads no personal field (the backup's stay sealed), so it needs no account: it must work when
 * the store no longer opens.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restaure une sauvegarde locale du fichier de données, ou les liste (--list).",
                "Fermez d’abord l’application. Le fichier actuel est mis de côté, à côté de lui, sans modification. "
                        + "À la synchronisation suivante, le poste renvoie au hub ce qui lui manque et reprend du hub "
                        + "ce qu’il avait envoyé depuis la sauvegarde\u00a0; ce qui a été saisi depuis sans être "
                        + "synchronisé est perdu."})
final class RestoreCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Option(names = "--store", paramLabel = "FICHIER", required = true,
            description = "Fichier de données à restaurer (il peut être endommagé, ou absent).")
    Path store;

    @Option(names = "--list", description = "Liste les sauvegardes (date, taille, fichier), la plus récente en premier, "
            + "sans rien restaurer.")
    boolean list;

    @Option(names = "--backup", paramLabel = "SAUVEGARDE",
            description = "Sauvegarde à restaurer (un fichier donné par --list). Par défaut\u00a0: la plus récente.")
    Path backup;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Backup> backups = StoreBackups.list(store);
        if (list) {
            if (backups.isEmpty()) {
                out.println("Aucune sauvegarde de " + store + " (dossier " + StoreBackups.folderOf(store) + ").");
            }
            for (Backup b : backups) {
                out.println(describe(b) + "  " + b.file());
            }
            return 0;
        }
        Optional<Path> chosen = backup != null ? Optional.of(backup)
                : backups.stream().findFirst().map(Backup::file);
        if (chosen.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Aucune sauvegarde de " + store
                    + " n’a été trouvée (dossier " + StoreBackups.folderOf(store) + ")\u00a0: donnez-en une avec "
                    + "--backup FICHIER, ou appelez le support sans supprimer le fichier.");
        }
        if (!Files.isRegularFile(chosen.get())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "La sauvegarde " + chosen.get()
                    + " n’existe pas\u00a0: vérifiez le chemin (terrain restore --store FICHIER --list).");
        }
        Optional<Path> aside = StoreBackups.restore(store, chosen.get(), Clock.systemDefaultZone());
        String made = backups.stream().filter(b -> b.file().toAbsolutePath().equals(chosen.get().toAbsolutePath()))
                .findFirst().map(b -> "du " + WHEN.format(b.made().atZone(ZoneId.systemDefault()))).orElse(chosen.get()
                        .getFileName().toString());
        out.println("Sauvegarde " + made + " restaurée dans " + store + ".");
        aside.ifPresent(path -> out.println("L’ancien fichier est gardé, sans modification\u00a0: " + path));
        out.println("À la prochaine synchronisation, ce poste renvoie au hub ce qui lui manque et reprend du hub ce "
                + "qu’il avait envoyé depuis la sauvegarde.");
        return 0;
    }

    private static String describe(Backup b) {
        return String.format(Locale.FRANCE, "%s  %,.1f\u00a0Mo", WHEN.format(b.made().atZone(ZoneId.systemDefault())),
                b.bytes() / (1024.0 * 1024.0));
    }
}
