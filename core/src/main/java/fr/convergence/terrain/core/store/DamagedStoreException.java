package fr.convergence.terrain.core.store;

import java.nio.file.Path;

/**
 * A data file that cannot be used as it is: not a store of this application, damaged (cut short, bytes
 * overwritten), or made by a newer version. Thrown before anything is written to it; its French message says
 * what happened and what to do.
 */
public final class DamagedStoreException extends StoreException {

    /** What is wrong with the file. */
    public enum Damage {
        /** Another kind of file, or one whose first bytes were overwritten. */
        NOT_A_STORE,
        /** A store cut short or whose pages were overwritten: a backup is the way back. */
        DAMAGED,
        /** A store of a newer schema: the application must be updated, not the file restored. */
        NEWER_SCHEMA
    }

    private final Path file;
    private final Damage damage;

    DamagedStoreException(Path file, Damage damage, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.damage = damage;
    }

    public Path file() {
        return file;
    }

    public Damage damage() {
        return damage;
    }

    /** Whether restoring a backup is the way back (not for a file of a newer version). */
    public boolean restoreHelps() {
        return damage != Damage.NEWER_SCHEMA;
    }
}
