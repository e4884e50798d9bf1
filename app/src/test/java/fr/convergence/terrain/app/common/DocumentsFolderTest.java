package fr.convergence.terrain.app.common;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The save dialogs open in the person's documents folder, or their home folder when there is none. */
class DocumentsFolderTest {

    @TempDir
    Path home;

    @Test
    void theDocumentsFolderWhenItExists() throws Exception {
        Files.createDirectories(home.resolve("Documents"));

        assertThat(Controls.documentsFolder(home)).isEqualTo(home.resolve("Documents"));
    }

    @Test
    void theHomeFolderOtherwise() {
        assertThat(Controls.documentsFolder(home)).isEqualTo(home);
    }
}
