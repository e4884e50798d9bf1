package fr.convergence.terrain.app.data;

import fr.convergence.terrain.core.store.DamagedStoreException;
import fr.convergence.terrain.core.store.DamagedStoreException.Damage;
import fr.convergence.terrain.core.store.StoreBackups;
import fr.convergence.terrain.core.store.StoreException;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The laptop's local backups as the screens need them (the store's own types stay in this package): the list of a
 * store's backups, the restore, the daily backup at sign-in and the one before a sync ({@link StoreBackups}).
 */
public final class LocalBackups {

    private static final Logger LOG = LoggerFactory.getLogger(LocalBackups.class);

    /** One backup: its file, when it was made, its size in bytes. */
    public record BackupFile(Path file, Instant made, long bytes) {
    }

    /**
     * Why a store did not open: the French message, whether restoring a backup is the way back, and whether the file
     * comes from a newer version of the application (else: damaged, or nothing opens, SQLite itself failing).
     */
    public record OpeningFailure(Path store, String message, boolean restoreHelps, boolean newerVersion) {
    }

    private LocalBackups() {
    }

    /** {@code store}'s backups, newest first. */
    public static List<BackupFile> of(Path store) {
        return StoreBackups.list(store).stream().map(b -> new BackupFile(b.file(), b.made(), b.bytes())).toList();
    }

    /** What went wrong opening {@code store}: a damaged file (restore helps) or another refusal (it does not). */
    public static OpeningFailure failure(Path store, StoreException e) {
        boolean restoreHelps = e instanceof DamagedStoreException damaged && damaged.restoreHelps();
        boolean newer = e instanceof DamagedStoreException damaged && damaged.damage() == Damage.NEWER_SCHEMA;
        return new OpeningFailure(store, e.getMessage(), restoreHelps, newer);
    }

    /**
     * Puts {@code backup} in the place of the closed store {@code store}, the current file kept aside next to it.
     *
     * @return where the replaced file was kept, if there was one
     */
    public static Optional<Path> restore(Path store, BackupFile backup, Clock clock) {
        return StoreBackups.restore(store, backup.file(), clock);
    }

    /** The day's backup at a sign-in; a failure is logged, never in the way of the person's work. */
    static void dailyIfDue(TerrainStore store) {
        try {
            StoreBackups.makeDailyIfDue(store).ifPresent(b -> LOG.info("Daily backup made: {}", b.file()));
        } catch (StoreException e) {
            LOG.warn("Daily backup not made: {}", e.getMessage());
        }
    }

    /** The backup before a sync, at most one an hour; a failure is logged and the sync goes on. */
    static void beforeSyncIfDue(TerrainStore store) {
        try {
            StoreBackups.makeBeforeSyncIfDue(store).ifPresent(b -> LOG.info("Backup before sync made: {}", b.file()));
        } catch (StoreException e) {
            LOG.warn("Backup before sync not made: {}", e.getMessage());
        }
    }
}
