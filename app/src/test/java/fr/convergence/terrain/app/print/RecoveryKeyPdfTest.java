package fr.convergence.terrain.app.print;

import fr.convergence.terrain.app.account.RecoveryKeyDialog;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.pdf.PageFlow;
import fr.convergence.terrain.core.security.RecoveryKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** « Imprimer… » of the recovery key dialog: one A4 page that holds the key, the worksite and where to keep it. */
class RecoveryKeyPdfTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 3, 18).atTime(10, 0).atZone(PARIS)
            .toInstant(), PARIS);

    @TempDir
    Path dir;

    @Test
    void theSheetHoldsTheKeyTheWorksiteTheDayAndWhereToKeepIt() throws Exception {
        String key = RecoveryKey.generate().groups();
        User coordinator = new User("u-1", "camille", "Camille Martin", Role.COORDINATOR, "lille",
                Set.of("abej-solidarite"), true);
        Path file = dir.resolve("cle.pdf");

        RecoveryKeyDialog.write(new RecoveryKeyDialog.Shown(key, "ABEJ Solidarité", coordinator, CLOCK, false), file);

        // The key opens every note of the laptop: its file is its owner's only, whatever the umask.
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(PageFlow.PORTRAIT.getWidth());
            String text = new PDFTextStripper().getText(pdf);
            // Two lines of four groups on the sheet; read back without the line break it is the key as shown.
            assertThat(text.replaceAll("\\s", "")).contains(key);
            assertThat(text).contains("ABEJ Solidarité", "18/03/2026", "sous clé, hors du portable",
                    "Mot de passe oublié ? (clé de secours)", "Camille Martin");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Clé de secours du poste — ABEJ Solidarité");
        }
    }

    @Test
    void theFileOfferedIsNamedAfterTheWorksiteWithoutAccents() {
        assertThat(RecoveryKeyDialog.fileName("ABEJ Solidarité (Lille)")).isEqualTo(
                "cle-de-secours-abej-solidarite-lille.pdf");
    }
}
