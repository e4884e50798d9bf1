package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.store.StoreBackups;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command on a damaged store (cut short, of a newer version) says what happened and what to do in French,
 * with no stack trace, and leaves the file as it was; {@code terrain restore} lists the backups and puts one back.
 */
class DamagedStoreCommandsTest {

    @TempDir
    Path dir;

    @Test
    void aStoreCutShortIsSaidDamagedByEveryCommandWithTheWayBackAndLeftAsItWas() throws Exception {
        Path store = demoStore();
        byte[] whole = Files.readAllBytes(store);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        Files.write(store, cut);
        for (String[] args : everyCommand(store)) {
            Cli.Run run = Cli.run(Cli.DEMO_SCRIPT, args);
            assertThat(run.code()).as(args[0]).isEqualTo(2);
            assertThat(run.err()).as(args[0]).contains("est endommagé", "n’a pas été modifié",
                    "terrain restore --store " + store).doesNotContain("SQLITE").doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
        assertThat(Files.readAllBytes(store)).isEqualTo(cut);
    }

    @Test
    void aStoreOfANewerVersionSaysToUpdateTheApplicationAndIsLeftAsItWas() throws Exception {
        Path store = demoStore();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + store);
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = DELETE");
            statement.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(store);
        for (String[] args : everyCommand(store)) {
            Cli.Run run = Cli.run(Cli.DEMO_SCRIPT, args);
            assertThat(run.code()).as(args[0]).isEqualTo(2);
            assertThat(run.err()).as(args[0]).contains("version plus récente", "installez la dernière version")
                    .doesNotContain("terrain restore").doesNotContain("Exception");
        }
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void restoreListsTheBackupsThenPutsTheNewestBackKeepingTheDamagedFileAside() throws Exception {
        Path store = demoStore();
        try (TerrainStore open = TerrainStore.open(store)) {
            StoreBackups.make(open, StoreBackups.Kind.DAILY);
        }
        byte[] cut = Arrays.copyOf(Files.readAllBytes(store), (int) (Files.size(store) / 2));
        Files.write(store, cut);

        Cli.Run list = Cli.run(Cli.NOTHING, "restore", "--store", store.toString(), "--list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).containsPattern("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d  [\\d\u00a0\u202f,]+\u00a0Mo  .*"
                + "-quotidienne\\.db");

        Cli.Run restore = Cli.run(Cli.NOTHING, "restore", "--store", store.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("restaurée dans " + store, "L’ancien fichier est gardé");
        Path aside;
        try (var files = Files.list(dir)) {
            aside = files.filter(f -> f.getFileName().toString().startsWith("poste.db.remplace-")).findFirst()
                    .orElseThrow();
        }
        assertThat(Files.readAllBytes(aside)).isEqualTo(cut);
        Cli.Run check = Cli.run(Cli.DEMO_SCRIPT, "check", "--store", store.toString(), "--user", "admin");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("Intégrité (SQLite)\u00a0: ok");

        Cli.Run none = Cli.run(Cli.NOTHING, "restore", "--store", dir.resolve("autre.db").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("Aucune sauvegarde");
    }

    private Path demoStore() {
        Path store = dir.resolve("poste.db");
        assertThat(Cli.run(Cli.NOTHING, "demo", "--store", store.toString()).code()).isZero();
        return store;
    }

    private List<String[]> everyCommand(Path file) {
        String store = file.toString();
        return List.of(
                new String[] {"report", "--store", store, "--user", "admin", "--worksite", "abej-solidarite"},
                new String[] {"print", "referral", "--store", store, "--user", "cip", "--referral", "r", "--out",
                        dir.resolve("x.pdf").toString()},
                new String[] {"export-person", "--store", store, "--user", "cip", "--participant", "p", "--out",
                        dir.resolve("dossier").toString()},
                new String[] {"check", "--store", store},
                new String[] {"edit", "--store", store, "--user", "cip", "note", "--participant", "p", "--text", "x"},
                new String[] {"sync", "--store", store, "--user", "cip", "--hub", "https://hub.example"});
    }
}
