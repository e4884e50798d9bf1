package fr.convergence.terrain.app;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.app.print.PrintsPage;
import fr.convergence.terrain.app.print.PrintsViewModel;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.image.ImageView;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The Impressions page in the main window, as a CIP on demonstration data: preview, then save the PDF. */
class PrintsPageWorkflowTest extends AppTestSupport {

    @Override
    void prepare(DataFolder folder) {
        try (TerrainStore store = TerrainStore.open(folder.demoStore(), clock())) {
            new SetupService().installDemo(store, FAST, 7, TODAY);
        }
    }

    @Test
    void aCipPreviewsAParticipantsFollowUpSheetAndSavesThePdfWithTheirName() throws Exception {
        signIn("Yanis", DemoDataGenerator.DEMO_PASSWORD);
        clickOn("#nav-print");
        PrintsViewModel model = ((PrintsPage) flow.mainWindow().page("print").orElseThrow()).model();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.participants().isEmpty());

        Participant chosen = model.participants().get(0);
        interact(() -> lookup("#print-participant").<Participant>queryComboBox().setValue(chosen));
        assertThat(model.participantProperty().get()).isEqualTo(chosen);
        clickOn("#print-preview-follow-up");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.pages().isEmpty() && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#print-pages").lookup((javafx.scene.Node n) -> n instanceof ImageView).queryAll())
                .isNotEmpty();
        assertThat(model.documentNameProperty().get()).endsWith(".pdf");

        Path file = dataDir.resolve("fiche.pdf");
        interact(() -> model.saveTo(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file) && Files.size(file) > 0);

        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(chosen.lastName()).contains(chosen.firstName());
        }
    }
}
