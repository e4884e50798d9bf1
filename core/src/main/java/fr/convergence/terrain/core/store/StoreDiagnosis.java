package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.store.DamagedStoreException.Damage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;

/**
 * Looks at an existing data file before the store opens it for writing, so that a damaged one is refused with a
 * French sentence and nothing is written over it (no WAL switch, no migration, no new device id). Read-only: the
 * file's header (SQLite's magic, page size, the page count against the file's length: a file cut short), then
 * SQLite's {@code quick_check} on a read-only connection (≈ 30 ms on a territory's 24 MB store on an idle machine,
 * ≈ 100 ms under load; skipped above {@link #QUICK_CHECK_UP_TO_BYTES}) and the schema version.
 */
final class StoreDiagnosis {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 100;
    /**
     * Above this size (the national demo store, ≈ 1 GB) {@code quick_check} would cost seconds at each open: only the
     * header is checked, and damage met later is still said in French ({@link TerrainStore#sqliteFailure}). A
     * laptop's store is far below it (a territory: 24 MB; twice that at the 2027 scale).
     */
    static final long QUICK_CHECK_UP_TO_BYTES = 256L * 1024 * 1024;

    private StoreDiagnosis() {
    }

    /**
     * Returns if {@code file} is missing, empty (a store about to be made) or a store of a schema up to
     * {@code latestVersion}.
     *
     * @throws DamagedStoreException otherwise
     * @throws StoreException when the file cannot be read at all (permissions)
     */
    static void check(Path file, int latestVersion) {
        byte[] header;
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                return;
            }
            if (Files.size(file) == 0) {
                // A store about to be made — unless backups of it exist: then it was emptied (cut to nothing), and
                // making a new store over it would hide them behind a first start.
                if (!StoreBackups.list(file).isEmpty()) {
                    throw damaged(file, null);
                }
                return;
            }
            size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                header = in.readNBytes(HEADER);
            }
        } catch (IOException e) {
            throw new StoreException("Le fichier de données " + file + " ne peut pas être lu (" + e.getMessage()
                    + ")\u00a0: vérifiez les droits du fichier et de son dossier.", e);
        }
        if (header.length < HEADER || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw notAStore(file, null);
        }
        int pageSize = u16(header, 16) == 1 ? 65_536 : u16(header, 16);
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1 || size % pageSize != 0) {
            throw damaged(file, null);
        }
        long pages = u32(header, 28);
        // The page count is valid when written by the same change as the "version valid for" field (SQLite ≥ 3.7).
        if (pages > 0 && u32(header, 24) == u32(header, 92) && size < pages * pageSize) {
            throw damaged(file, null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = SqliteLibrary.connect(config, file)) {
            int version = Migrations.currentVersion(connection);
            if (version > latestVersion) {
                throw new DamagedStoreException(file, Damage.NEWER_SCHEMA, "Le fichier de données " + file
                        + " a été créé par une version plus récente de Convergence Terrain (schéma " + version
                        + ", cette version connaît le schéma " + latestVersion + ")\u00a0: installez la dernière "
                        + "version de l’application. Le fichier n’a pas été modifié.", null);
            }
            if (size <= QUICK_CHECK_UP_TO_BYTES) {
                try (var statement = connection.createStatement();
                     var result = statement.executeQuery("PRAGMA quick_check")) {
                    if (!result.next() || !"ok".equals(result.getString(1))) {
                        throw damaged(file, null);
                    }
                }
            }
            if (version > 0 && !hasTable(connection, "store_meta")) {
                throw notAStore(file, null);
            }
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("[SQLITE_NOTADB")) {
                throw notAStore(file, e);
            }
            if (message.contains("[SQLITE_CORRUPT")) {
                throw damaged(file, e);
            }
            // Busy, locked, no permission: not the file's fault; opening says it in its own words.
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            statement.setString(1, name);
            try (var result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    static DamagedStoreException notAStore(Path file, Throwable cause) {
        return new DamagedStoreException(file, Damage.NOT_A_STORE, file + " n’est pas un fichier de données de "
                + "Convergence Terrain, ou son début a été écrasé\u00a0: vérifiez le chemin du fichier, ou restaurez "
                + "la dernière sauvegarde. Le fichier n’a pas été modifié.", cause);
    }

    static DamagedStoreException damaged(Path file, Throwable cause) {
        return new DamagedStoreException(file, Damage.DAMAGED, "Le fichier de données " + file + " est endommagé "
                + "(coupé ou en partie écrasé, après une panne de disque ou une copie interrompue)\u00a0: restaurez "
                + "la dernière sauvegarde. Le fichier n’a pas été modifié\u00a0; gardez-le pour le support.", cause);
    }

    private static int u16(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private static long u32(byte[] bytes, int at) {
        return ((long) (bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }
}
