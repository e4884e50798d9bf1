package fr.convergence.terrain.app;

import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.store.StoreBackups;
import fr.convergence.terrain.core.store.TerrainStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installed store was cut short (a disk failing, a copy interrupted): the application says so instead of the
 * sign-in, lists the laptop's backups with their date and size, and restores the chosen one after a confirmation —
 * the damaged file kept aside, byte for byte — then the person signs in again. A sign-in makes the day's backup.
 */
class DamagedStoreRestoreTest extends AppTestSupport {

    private byte[] damaged;

    @Override
    void prepare(DataFolder folder) {
        Clock yesterday = Clock.offset(clock(), Duration.ofDays(-1));
        try (TerrainStore store = TerrainStore.open(folder.realStore(), yesterday)) {
            TestAccounts.install(store, FAST, "abej-solidarite", "alice", "Alice Admin", Role.ADMIN);
            StoreBackups.make(store, StoreBackups.Kind.DAILY);
        }
        try {
            byte[] whole = Files.readAllBytes(folder.realStore());
            damaged = Arrays.copyOf(whole, whole.length / 2);
            Files.write(folder.realStore(), damaged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theDamagedStoreIsSaidItsBackupRestoredAndTheDamagedFileKeptAside() throws Exception {
        assertThat(screen.get()).isEqualTo("damaged");
        assertThat(text("#damaged-explanation")).contains("est endommagé").contains("restaurez la dernière sauvegarde")
                .doesNotContain("SQLITE").doesNotContain("Exception");
        ListView<?> backups = lookup("#damaged-backups").queryAs(ListView.class);
        assertThat(backups.getItems()).hasSize(1);
        assertThat(backups.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(lookup(".list-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getText()).filter(t -> t != null).toList())
                .singleElement().asString().matches("17/03/2026 10:00 — \\d+,\\d\u00a0Mo");
        assertThat(Files.readAllBytes(new DataFolder(dataDir).realStore())).as("nothing written yet").isEqualTo(damaged);

        clickOn("#damaged-restore");
        DialogPane confirm = lookup("#damaged-confirm").queryAs(DialogPane.class);
        assertThat(confirm.getContentText()).contains("17/03/2026 10:00").contains("«\u00a0terrain.db\u00a0»");
        Button restore = (Button) confirm.getButtonTypes().stream().filter(b -> b != null
                && b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                .map(confirm::lookupButton).findFirst().orElseThrow();
        clickOn(restore);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(screen.get()).isEqualTo("signin");
        List<Path> aside;
        try (var files = Files.list(dataDir)) {
            aside = files.filter(f -> f.getFileName().toString().startsWith("terrain.db.remplace-")
                    && !f.getFileName().toString().endsWith("-wal") && !f.getFileName().toString().endsWith("-shm"))
                    .toList();
        }
        assertThat(aside).singleElement().satisfies(f -> assertThat(Files.readAllBytes(f)).isEqualTo(damaged));

        signIn("Alice", TestAccounts.PASSWORD);
        assertThat(screen.get()).isEqualTo("main");
        assertThat(StoreBackups.list(new DataFolder(dataDir).realStore())).as("the day's backup, at sign-in")
                .hasSize(2);
    }

}
