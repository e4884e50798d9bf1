package fr.convergence.terrain.app;

import fr.convergence.terrain.app.participant.ParticipantsPage;
import fr.convergence.terrain.app.shell.PageRegistry;
import fr.convergence.terrain.app.sync.SyncAgent;
import fr.convergence.terrain.core.participant.ParticipantSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.scene.control.TableView;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Exporter ses données (droit d'accès)…" on the participant file: for advisers, not for educators. */
class RightOfAccessExportTest extends FeatureTestSupport {

    private ParticipantsPage participants;

    @Override
    Function<SyncAgent, PageRegistry> pages() {
        return sync -> TerrainPages.standard(sync).replace("participants", ctx -> {
            participants = new ParticipantsPage(ctx);
            return participants;
        });
    }

    private ParticipantSummary openFirstFile() {
        clickOn("#nav-participants");
        TableView<?> table = lookup("#participants-table").queryAs(TableView.class);
        ParticipantSummary first = (ParticipantSummary) table.getItems().get(0);
        interact(() -> table.getSelectionModel().select(0));
        clickOn("#participants-open");
        return first;
    }

    @Test
    void anAdviserConfirmsThenGetsThePdfAndTheJsonInTheChosenFolder() throws Exception {
        startDemoAs("Yanis");
        ParticipantSummary person = openFirstFile();
        assertThat(lookup("#file-export-access").query().isVisible()).isTrue();
        assertThat(lookup("#file-export-confirm").query().isVisible()).isFalse();

        clickOn("#file-export-access");

        assertThat(lookup("#file-export-confirm").query().isVisible()).isTrue();
        assertThat(text("#file-export-confirm-text")).contains(person.participant().firstName(),
                "notes réservées à la CIP", "Relisez-les avant de les remettre");
        clickOn("#file-export-cancel");
        assertThat(lookup("#file-export-confirm").query().isVisible()).isFalse();

        // The folder chooser is the system's own window: the test hands the folder to the view model, as the
        // chooser would (the report export test does the same with its file chooser).
        Path folder = dataDir.resolve("exports");
        interact(() -> participants.currentFile().exportPersonalData(folder));

        List<Path> written;
        try (Stream<Path> list = Files.list(folder)) {
            written = list.sorted().toList();
        }
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("donnees-" + slug(person) + "-2026-03-18.json",
                        "donnees-" + slug(person) + "-2026-03-18.pdf");
        assertThat(text("#file-export-message")).isEqualTo("Données exportées dans " + folder + "\u00a0: donnees-"
                + slug(person) + "-2026-03-18.pdf (à remettre à la personne) et donnees-" + slug(person)
                + "-2026-03-18.json (les mêmes données en JSON).");
        try (PDDocument pdf = Loader.loadPDF(written.get(1).toFile())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains(
                    "Vos données personnelles", person.participant().fullName(), "DÉMONSTRATION — données fictives");
        }
        assertThat(Files.readString(written.get(0))).contains("\"demonstration\" : true");
    }

    @Test
    void anEducatorDoesNotSeeTheAction() {
        startDemoAs("Camille");
        openFirstFile();

        assertThat(lookup("#file-export-access").query().isVisible()).isFalse();
        assertThat(lookup("#file-export-access").query().isManaged()).isFalse();
    }

    private static String slug(ParticipantSummary person) {
        return java.text.Normalizer.normalize(person.participant().firstName() + " " + person.participant().lastName(),
                        java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
