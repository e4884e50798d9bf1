package fr.convergence.terrain.app.data;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataFolderTest {

    @Test
    void theOverrideWinsSoTestsAndScreenshotsUseTheirOwnFolder() {
        assertThat(DataFolder.resolve(null, Map.of("TERRAIN_DATA_DIR", "/tmp/x"), "Linux", "/home/a").path())
                .isEqualTo(Path.of("/tmp/x"));
        assertThat(DataFolder.resolve("/tmp/y", Map.of("TERRAIN_DATA_DIR", "/tmp/x"), "Linux", "/home/a").path())
                .isEqualTo(Path.of("/tmp/y"));
    }

    @Test
    void eachSystemHasItsUsualUserDataFolder() {
        assertThat(DataFolder.resolve(null, Map.of(), "Linux", "/home/a").path())
                .isEqualTo(Path.of("/home/a/.local/share/convergence-terrain"));
        assertThat(DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/data"), "Linux", "/home/a").path())
                .isEqualTo(Path.of("/data/convergence-terrain"));
        assertThat(DataFolder.resolve(null, Map.of("APPDATA", "C:\\Users\\a\\AppData\\Roaming"), "Windows 11",
                "C:\\Users\\a").path().toString()).endsWith("Convergence Terrain");
        assertThat(DataFolder.resolve(null, Map.of(), "Mac OS X", "/Users/a").path())
                .isEqualTo(Path.of("/Users/a/Library/Application Support/Convergence Terrain"));
    }

    @Test
    void theDemoStoreIsNeverTheRealOne() {
        DataFolder folder = new DataFolder(Path.of("/tmp/t"));
        assertThat(folder.demoStore()).isNotEqualTo(folder.realStore());
    }
}
