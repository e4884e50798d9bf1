package fr.convergence.terrain.hub.sync;

/**
 * Which files of its scope a device receives. A territory coordinator's laptop receives every file; a worksite
 * laptop, shared by the site's ESP and CIP who may not read an archived file, receives the files in use only: an
 * archived file leaves it and its later changes are withheld ({@link Archives}, docs/data-protection.md).
 */
public enum Audience {
    EVERY_FILE,
    FILES_IN_USE;

    /** The audience of a device enrolled for {@code scopeKind} ({@code worksite} or {@code territory}). */
    public static Audience of(String scopeKind) {
        return "worksite".equals(scopeKind) ? FILES_IN_USE : EVERY_FILE;
    }
}
