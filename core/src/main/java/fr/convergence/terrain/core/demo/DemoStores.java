package fr.convergence.terrain.core.demo;

import fr.convergence.terrain.core.store.StoreException;
import fr.convergence.terrain.core.store.TerrainStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.function.Function;

/**
 * Makes a demo store whole or not at all (issue 17, faults): the generator fills a file beside the store's place,
 * {@code <name>.en-cours}, which is moved into place once the store is complete and closed. A generation cut short
 * (the process killed, a crash, a full disk) leaves no store where the application and {@code terrain demo} look for
 * it, only the file in progress, which the next generation starts again from nothing.
 */
public final class DemoStores {

    private DemoStores() {
    }

    /** Where the demo store for {@code target} is built. */
    public static Path inProgress(Path target) {
        return target.resolveSibling(target.getFileName() + ".en-cours");
    }

    /** Builds a demo store at {@code target}, which must not exist, by {@code fill}; returns what {@code fill} did. */
    public static <T> T create(Path target, Clock clock, Function<TerrainStore, T> fill) {
        Path building = inProgress(target);
        T result;
        try {
            discard(building);
            try (TerrainStore store = TerrainStore.open(building, clock)) {
                result = fill.apply(store);
            }
            // Closed: SQLite has folded its write-ahead log into the file, which is now the whole store.
            if (Files.exists(Path.of(building + "-wal"))) {
                throw new StoreException("Les données de démonstration n’ont pas pu être terminées (journal "
                        + building + "-wal restant)\u00a0: recommencez.");
            }
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("Les données de démonstration n’ont pas pu être écrites dans " + target
                    + "\u00a0: " + e.getMessage() + ". Vérifiez la place sur le disque et les droits du dossier, "
                    + "puis recommencez.", e);
        }
        return result;
    }

    /** Deletes a demo store that is not whole, with its journals. Never call it on a real store. */
    public static void discard(Path file) {
        try {
            deleteWithJournal(file);
        } catch (IOException e) {
            throw new StoreException("Les données de démonstration incomplètes " + file + " n’ont pas pu être "
                    + "effacées : " + e.getMessage() + ". Effacez ce fichier, puis recommencez.", e);
        }
    }

    private static void deleteWithJournal(Path file) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }
}
