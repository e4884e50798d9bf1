package fr.convergence.terrain.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;

import static fr.convergence.terrain.core.store.generated.Tables.STORE_META;

/**
 * The laptop's rotating local backups of a store, in the folder {@code sauvegardes} next to it: one a day (made
 * at the first sign-in of the day) and one before a sync when none was made in the last hour; the newest
 * {@link #KEEP_DAILY} and {@link #KEEP_BEFORE_SYNC} are kept. Each is SQLite's online backup of the last commit,
 * checked ({@code quick_check}) before it takes its place, so a damaged store never pushes a good backup out.
 * Owner-only like the store, and its personal fields are sealed like the store's (ADR 0005).
 * <p>
 * A restore keeps the current file aside first, puts the copy in its place and marks it ({@link #RESTORED_META}):
 * the copy is behind the hub, which the sync client then repairs (new row-id prefix, operation numbers after the
 * hub's, its own writes pulled again; see {@code docs/data-protection.md}).
 */
public final class StoreBackups {

    /** Seven days of daily backups: a problem noticed after a weekend and a bank holiday is still before them. */
    public static final int KEEP_DAILY = 7;
    /** The last three syncs' backups: a sync that brought bad data back can be undone. */
    public static final int KEEP_BEFORE_SYNC = 3;
    /** At most one backup before a sync an hour, whatever the sync schedule. */
    static final Duration BEFORE_SYNC_EVERY = Duration.ofHours(1);
    /** Set in a restored store's meta (the backup's name): the sync client's next sync catches up with the hub. */
    public static final String RESTORED_META = "restored_from";
    static final String FOLDER = "sauvegardes";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Why a backup was made; its name in the file name. */
    public enum Kind {
        DAILY("quotidienne", KEEP_DAILY), BEFORE_SYNC("avant-synchro", KEEP_BEFORE_SYNC);

        private final String fileName;
        private final int keep;

        Kind(String fileName, int keep) {
            this.fileName = fileName;
            this.keep = keep;
        }

        static Optional<Kind> ofFileName(String name) {
            for (Kind kind : values()) {
                if (kind.fileName.equals(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** A backup file: when it was made, its size in bytes. */
    public record Backup(Path file, Instant made, long bytes, Kind kind) {
    }

    private StoreBackups() {
    }

    /** The folder of {@code store}'s backups. */
    public static Path folderOf(Path store) {
        return store.toAbsolutePath().resolveSibling(FOLDER);
    }

    /** {@code store}'s backups, newest first (none if the folder does not exist). */
    public static List<Backup> list(Path store) {
        Path folder = folderOf(store);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Pattern pattern = Pattern.compile(Pattern.quote(baseName(store)) + "-(\\d{8}T\\d{6}Z)-([a-z-]+)\\.db");
        List<Backup> backups = new ArrayList<>();
        try (var files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Matcher matcher = pattern.matcher(file.getFileName().toString());
                Optional<Kind> kind = matcher.matches() ? Kind.ofFileName(matcher.group(2)) : Optional.empty();
                if (kind.isPresent()) {
                    try {
                        backups.add(new Backup(file, Instant.from(STAMP.parse(matcher.group(1))), Files.size(file),
                                kind.get()));
                    } catch (DateTimeParseException | IOException skipped) {
                        // Not one of ours after all, or gone meanwhile.
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("Le dossier des sauvegardes " + folder + " ne peut pas être lu\u00a0: "
                    + e.getMessage(), e);
        }
        backups.sort(Comparator.comparing(Backup::made).reversed());
        return backups;
    }

    /** The daily backup, if none was made today (in the store clock's zone). */
    public static Optional<Backup> makeDailyIfDue(TerrainStore store) {
        Clock clock = store.clock();
        LocalDate today = LocalDate.now(clock);
        boolean done = list(store.file()).stream().anyMatch(b -> b.kind() == Kind.DAILY
                && LocalDate.ofInstant(b.made(), clock.getZone()).equals(today));
        return done ? Optional.empty() : Optional.of(make(store, Kind.DAILY));
    }

    /** A backup before a sync, if the newest backup is more than an hour old. */
    public static Optional<Backup> makeBeforeSyncIfDue(TerrainStore store) {
        Instant now = store.clock().instant();
        boolean recent = list(store.file()).stream().findFirst()
                .filter(b -> b.made().isAfter(now.minus(BEFORE_SYNC_EVERY))).isPresent();
        return recent ? Optional.empty() : Optional.of(make(store, Kind.BEFORE_SYNC));
    }

    /**
     * Makes a backup of {@code store} now and removes the oldest of its kind beyond what is kept.
     *
     * @throws StoreException if it cannot be written, or if the copy fails SQLite's check (the store itself is then
     *                        damaged: the backups already made are all kept)
     */
    public static Backup make(TerrainStore store, Kind kind) {
        Path folder = folderOf(store.file());
        Instant now = store.clock().instant();
        Path target = folder.resolve(baseName(store.file()) + "-" + STAMP.format(now) + "-" + kind.fileName + ".db");
        Path partial = folder.resolve("." + target.getFileName() + ".partielle");
        try {
            OwnerOnlyFiles.createFolders(folder);
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new StoreException("Le dossier des sauvegardes " + folder + " ne peut pas être créé\u00a0: "
                    + e.getMessage(), e);
        }
        try {
            try {
                store.backupTo(partial);
                plainFile(partial);
                StoreDiagnosis.check(partial, Migrations.STORE.latestVersion());
            } catch (DamagedStoreException e) {
                throw new StoreException("Le fichier de données semble endommagé\u00a0: la sauvegarde n’a pas été "
                        + "faite et les précédentes sont gardées. Fermez l’application et restaurez la dernière "
                        + "sauvegarde (terrain restore --store FICHIER).", e);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + "-journal"));
            rotate(store.file(), kind);
            return new Backup(target, now, Files.size(target), kind);
        } catch (IOException e) {
            throw new StoreException("La sauvegarde n’a pas pu être écrite dans " + folder + "\u00a0: "
                    + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // Left for the next backup, which deletes it first.
            }
        }
    }

    private static void rotate(Path store, Kind kind) throws IOException {
        List<Backup> ofKind = list(store).stream().filter(b -> b.kind() == kind).toList();
        for (Backup old : ofKind.subList(Math.min(kind.keep, ofKind.size()), ofKind.size())) {
            Files.deleteIfExists(old.file());
        }
    }

    /**
     * Puts {@code backup} in the place of the store at {@code store}, which must be closed. The current file (with
     * its {@code -wal} and {@code -shm}, which belong to it) is moved aside first, next to it, under the name
     * returned; then the copy gets a new row-id prefix — the ids it would issue were perhaps used since the backup
     * by this laptop, in rows the hub holds — and the {@link #RESTORED_META} mark.
     *
     * @return where the replaced file was kept, if there was one
     * @throws DamagedStoreException if the backup itself is damaged or of a newer schema (nothing is changed)
     */
    public static Optional<Path> restore(Path store, Path backup, Clock clock) {
        StoreDiagnosis.check(backup, Migrations.STORE.latestVersion());
        if (!Files.isRegularFile(backup)) {
            throw new StoreException("La sauvegarde " + backup + " n’existe pas\u00a0: vérifiez le chemin.");
        }
        Path absolute = store.toAbsolutePath();
        Path incoming = absolute.resolveSibling("." + absolute.getFileName() + ".restauration");
        String stamp = STAMP.format(clock.instant());
        try {
            OwnerOnlyFiles.createFolders(absolute.getParent());
            Files.deleteIfExists(incoming);
            OwnerOnlyFiles.restrict(incoming);
            Files.copy(backup, incoming, StandardCopyOption.REPLACE_EXISTING);
            markRestored(incoming, backup.getFileName().toString(), clock);
            Optional<Path> aside = Optional.empty();
            if (Files.exists(absolute)) {
                Path kept = absolute.resolveSibling(absolute.getFileName() + ".remplace-" + stamp);
                for (String companion : new String[] {"-wal", "-shm"}) {
                    Path file = absolute.resolveSibling(absolute.getFileName() + companion);
                    if (Files.exists(file)) {
                        Files.move(file, kept.resolveSibling(kept.getFileName() + companion));
                    }
                }
                Files.move(absolute, kept);
                aside = Optional.of(kept);
            }
            Files.move(incoming, absolute, StandardCopyOption.ATOMIC_MOVE);
            return aside;
        } catch (IOException | SQLException e) {
            throw TerrainStore.sqliteFailure(e, absolute).orElseGet(() -> new StoreException("La restauration de "
                    + backup + " a échoué\u00a0: " + e.getMessage() + ". Le fichier de données n’a pas été remplacé.",
                    e));
        } finally {
            try {
                Files.deleteIfExists(incoming);
            } catch (IOException ignored) {
                // A leftover copy, replaced by the next restore.
            }
        }
    }

    /** A backup in rollback-journal mode: one file, no {@code -wal} or {@code -shm} beside it when it is read. */
    private static void plainFile(Path backup) {
        try (Connection connection = SqliteLibrary.connect(new SQLiteConfig(), backup);
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = DELETE");
        } catch (SQLException e) {
            throw TerrainStore.sqliteFailure(e, backup).orElseGet(() -> new StoreException("La sauvegarde "
                    + backup + " n’a pas pu être terminée\u00a0: " + e.getMessage(), e));
        }
    }

    private static void markRestored(Path copy, String backupName, Clock clock) throws SQLException {
        try (Connection connection = SqliteLibrary.connect(new SQLiteConfig(), copy);
             var statement = connection.prepareStatement("INSERT INTO store_meta (meta_key, meta_value) VALUES (?, ?) "
                     + "ON CONFLICT (meta_key) DO UPDATE SET meta_value = excluded.meta_value")) {
            statement.setString(1, TerrainStore.META_ROW_ID_PREFIX);
            statement.setString(2, Long.toHexString(RowIds.prefixOf(new SecureRandom().nextLong())));
            statement.executeUpdate();
            statement.setString(1, RESTORED_META);
            statement.setString(2, backupName + " " + clock.instant());
            statement.executeUpdate();
        }
    }

    /** Whether {@code store} was restored from a backup and has not caught up with the hub since. */
    public static boolean restoredSinceLastSync(TerrainStore store) {
        return store.meta(RESTORED_META).isPresent();
    }

    /** Called by the sync client, in the transaction that catches up with the hub after a restore. */
    public static void forgetRestore(StoreTransaction tx) {
        tx.sql().deleteFrom(STORE_META).where(STORE_META.META_KEY.eq(RESTORED_META)).execute();
    }

    private static String baseName(Path store) {
        String name = store.getFileName().toString();
        return name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
    }
}
