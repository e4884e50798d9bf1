package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.store.DamagedStoreException;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The data file a command works on ({@code --store}), checked before anything opens it — opening would create a
 * missing file, and SQLite's own refusals ({@code [SQLITE_NOTADB] …}) tell a user nothing — and SQLite's refusals
 * met later said in French, with what to do.
 */
final class StoreFile {

    private StoreFile() {
    }

    /**
     * Refuses (exit 2) a {@code --store} that does not exist or is not a store of this application.
     *
     * @throws CommandLine.ParameterException saying which and what to do
     */
    static void requireExisting(Path store, CommandLine.Model.CommandSpec command) {
        if (!Files.exists(store)) {
            throw new CommandLine.ParameterException(command.commandLine(), "Le fichier de données " + store
                    + " n’existe pas\u00a0: vérifiez le chemin donné à --store (terrain demo --store FICHIER crée un "
                    + "fichier de démonstration).");
        }
        Optional<String> damage = damage(store);
        if (damage.isPresent()) {
            throw new CommandLine.ParameterException(command.commandLine(), damage.get());
        }
        if (TerrainStore.schemaVersionOf(store).isEmpty()) {
            throw new CommandLine.ParameterException(command.commandLine(), notAStore(store));
        }
    }

    /**
     * What is wrong with {@code store}, if it is damaged, not a store or of a newer version, and what to do (for a
     * damaged one, the command that restores its latest backup); read without writing to it.
     */
    static Optional<String> damage(Path store) {
        try {
            TerrainStore.checkOpenable(store);
            return Optional.empty();
        } catch (DamagedStoreException e) {
            return Optional.of(e.getMessage() + (e.restoreHelps()
                    ? "\nPour restaurer la dernière sauvegarde de ce poste\u00a0: terrain restore --store " + store
                    : ""));
        }
    }

    static String notAStore(Path store) {
        return store + " n’est pas un fichier de données de Convergence Terrain (ou il est endommagé)\u00a0: "
                + "vérifiez le chemin donné à --store.";
    }

    /** The French sentence for an SQLite refusal met while using {@code store}, if {@code message} is one. */
    static Optional<String> sqliteRefusal(String message) {
        if (message == null || !message.contains("[SQLITE_")) {
            return Optional.empty();
        }
        if (message.contains("[SQLITE_BUSY") || message.contains("[SQLITE_LOCKED")) {
            return Optional.of("Le fichier de données est occupé par un autre programme (l’application est peut-être "
                    + "ouverte sur ce fichier)\u00a0: fermez-la, puis relancez la commande.");
        }
        if (message.contains("[SQLITE_READONLY") || message.contains("[SQLITE_CANTOPEN")
                || message.contains("[SQLITE_PERM")) {
            return Optional.of("Le fichier de données ne peut pas être ouvert en écriture\u00a0: vérifiez les droits "
                    + "du fichier et de son dossier.");
        }
        if (message.contains("[SQLITE_FULL")) {
            return Optional.of("Le disque est plein\u00a0: libérez de la place, puis relancez la commande.");
        }
        return Optional.of("Le fichier de données est illisible (ce n’est pas un fichier de Convergence Terrain, ou il "
                + "est endommagé)\u00a0: vérifiez le chemin donné à --store, puis «\u00a0terrain check --store FICHIER\u00a0».");
    }
}
