package fr.convergence.terrain.app;

import fr.convergence.terrain.app.data.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A text file where the store should be: said in French, with no backup to offer, and left as it was. */
class NotAStoreAtStartTest extends AppTestSupport {

    private static final String NOTES = "Numéros utiles du chantier\n";

    @Override
    void prepare(DataFolder folder) {
        try {
            Files.createDirectories(folder.path());
            Files.writeString(folder.realStore(), NOTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFileIsSaidNotToBeAStoreAndIsLeftAsItWas() throws Exception {
        assertThat(screen.get()).isEqualTo("damaged");
        assertThat(text("#damaged-explanation")).contains("n’est pas un fichier de données de Convergence Terrain")
                .contains("n’a pas été modifié");
        assertThat(text("#damaged-message")).contains("Aucune sauvegarde");
        assertThat(lookup("#damaged-restore").queryButton().isDisabled()).isTrue();
        assertThat(Files.readString(new DataFolder(dataDir).realStore())).isEqualTo(NOTES);
    }
}
