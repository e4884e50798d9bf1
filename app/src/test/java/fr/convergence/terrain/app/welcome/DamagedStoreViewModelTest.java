package fr.convergence.terrain.app.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.convergence.terrain.app.common.DirectTaskExecutor;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.data.AppConfig;
import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.app.data.LocalBackups;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.StoreException;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screen shown when the store does not open: titled for what happened. Only a file from a newer version is said
 * to be one; a store that does not open for another reason (SQLite's native library not loading, a file that cannot
 * be read) is said not to open, with the store's own French explanation and no backup to restore.
 */
class DamagedStoreViewModelTest {

    @TempDir
    Path dir;
    AppConfig config;
    Path store;

    @BeforeEach
    void config() {
        I18n.use(Locale.FRENCH);
        PasswordHasher fast = new PasswordHasher(1000);
        config = new AppConfig(new DataFolder(dir), new DirectTaskExecutor(), new DirectTaskExecutor(),
                (delay, action) -> () -> { }, Clock.systemUTC(), fast, fast, Duration.ofHours(1), 1);
        store = new DataFolder(dir).realStore();
    }

    @Test
    void aStoreThatDoesNotOpenForAnotherReasonThanItsVersionIsSaidNotToOpen() {
        String why = "Convergence Terrain ne peut pas ouvrir ses données\u00a0: le moteur de base de données (SQLite) "
                + "n’a pas pu être chargé sur cet ordinateur. Réinstallez l’application.";
        DamagedStoreViewModel screen = new DamagedStoreViewModel(LocalBackups.failure(store, new StoreException(why)),
                config, (services, aside) -> { });
        screen.load();

        assertThat(screen.title()).isEqualTo("Le fichier de données ne s’ouvre pas");
        assertThat(screen.explanation()).isEqualTo(why);
        assertThat(screen.restoreHelps()).isFalse();
        assertThat(screen.backups()).isEmpty();
    }

    @Test
    void aStoreFromANewerVersionIsStillSaidToBeOne() throws Exception {
        TerrainStore.open(store).close();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + store);
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 999");
        }
        StoreException refused = catchThrowableOfType(() -> TerrainStore.open(store), StoreException.class);

        DamagedStoreViewModel screen = new DamagedStoreViewModel(LocalBackups.failure(store, refused), config,
                (services, aside) -> { });

        assertThat(screen.title()).isEqualTo("Ce fichier vient d’une version plus récente de l’application");
        assertThat(screen.restoreHelps()).isFalse();
    }
}
