package fr.convergence.terrain.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another account of a shared laptop cannot read the store, its WAL, its backups, nor list the folder made for it. */
class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @Test
    void aStoreOpensWhateverTheFileSystemsPermissions() throws Exception {
        // Windows keeps other accounts out with the profile's ACL and has no POSIX modes: opening must simply work.
        Path file = dir.resolve("w").resolve("terrain.db");
        try (TerrainStore store = TerrainStore.open(file)) {
            Integer one = store.read(sql -> sql.fetchOne("select 1").get(0, Integer.class));
            assertThat(one).isEqualTo(1);
        }
        assertThat(file).exists();
    }

    @Test
    void theStoreItsCompanionsAndTheFoldersMadeForItAreTheOwnersOnly() throws Exception {
        Path folder = dir.resolve("share").resolve("convergence-terrain");
        Path file = folder.resolve("terrain.db");
        try (TerrainStore store = TerrainStore.open(file)) {
            new ReferenceRepository(store).install(fr.convergence.terrain.core.reference.ReferenceData.load());
            assertThat(Files.exists(file.resolveSibling("terrain.db-wal"))).as("WAL written").isTrue();
            assertOwnerOnly(folder);
        }
        assertThat(permissions(dir.resolve("share"))).isEqualTo("rwx------");
        assertThat(permissions(folder)).isEqualTo("rwx------");
    }

    @Test
    void aStoreMadeBeforeIsTightenedWhenOpenedAndItsUpgradeBackupIsTheOwnersOnly() throws Exception {
        Path chosen = Files.createDirectory(dir.resolve("chosen"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path file = chosen.resolve("t.db");
        TerrainStore.open(file, Clock.systemUTC(), new Migrations("testmigrations/v1/")).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        TerrainStore.open(file, Clock.systemUTC(), new Migrations("testmigrations/v2/")).close();

        assertThat(file.resolveSibling("t.db.avant-schema-2.bak")).exists();
        assertOwnerOnly(chosen);
        assertThat(permissions(chosen)).as("a folder the user chose is left as it is").isEqualTo("rwxr-xr-x");
    }

    /** This suite runs on Linux (CI) and macOS; on Windows the two tests above would fail loudly, never skip. */
    private static void assertOwnerOnly(Path folder) throws Exception {
        List<Path> files;
        try (Stream<Path> all = Files.walk(folder)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(f);
            assertThat(PosixFilePermissions.toString(permissions)).as(f.getFileName().toString())
                    .isEqualTo("rw-------");
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
