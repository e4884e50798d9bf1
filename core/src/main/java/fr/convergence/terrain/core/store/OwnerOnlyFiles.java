package fr.convergence.terrain.core.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's files and the folders made for them are readable by their owner only (0600 / 0700), so that another
 * account of a shared laptop cannot copy them. Where the file system has no POSIX permissions (Windows), the user's
 * profile folder's ACL already keeps other accounts out and nothing is changed.
 */
final class OwnerOnlyFiles {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    /** What SQLite puts next to a store: it gives them the store file's permissions when it creates them. */
    private static final String[] COMPANIONS = {"-wal", "-shm", "-journal"};

    private OwnerOnlyFiles() {
    }

    /** Creates the missing folders of {@code folder}, owner-only; folders that exist (one the user chose) stay as they are. */
    static void createFolders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (absolute.getParent() != null) {
            createFolders(absolute.getParent());
        }
        try {
            if (posix(absolute)) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // Another process made it between the check and here: fine.
        }
    }

    /**
     * The store file, created empty if missing, and the files SQLite keeps next to it and before its upgrades, made
     * owner-only — before SQLite opens it, so that its WAL and shared memory are created owner-only too.
     */
    static void restrictStore(Path store) throws IOException {
        if (!posix(store)) {
            return;
        }
        restrict(store);
        for (String companion : COMPANIONS) {
            Path file = store.resolveSibling(store.getFileName() + companion);
            if (Files.exists(file)) {
                ownerOnly(file);
            }
        }
        try (var backups = Files.newDirectoryStream(store.toAbsolutePath().getParent(),
                store.getFileName() + ".avant-schema-*.bak")) {
            for (Path backup : backups) {
                ownerOnly(backup);
            }
        }
    }

    /** {@code file}, created empty if missing, readable and writable by its owner only. */
    static void restrict(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        if (Files.exists(file)) {
            ownerOnly(file);
        } else {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        }
    }

    /** An existing file made owner-only; one this account does not own (opened to be read, say) is left, and said. */
    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, FILE);
        } catch (IOException notOurs) {
            LOG.warn("Could not make {} readable by its owner only: {}", file, notOurs.getMessage());
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
