package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.print.AttendanceSheetService;
import fr.convergence.terrain.core.referral.ReferralFormService;
import fr.convergence.terrain.core.week.IsoWeek;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PrintPdfAAndRenderTest {

    @TempDir
    static Path dir;
    static PrintFixture fixture;
    static Map<String, byte[]> documents;

    @BeforeAll
    static void demo() {
        fixture = new PrintFixture(dir);
        PdfPrinter printer = new PdfPrinter(fixture.cip, PrintFixture.CLOCK, true, fixture.catalog.demo());
        documents = Map.of(
                "follow-up", printer.followUpSheet(new ParticipantFileService(fixture.store, fixture.access)
                        .load(fixture.cip, PrintFixture.ZOE), FollowUpSheetOptions.withoutNotes()),
                "attendance", printer.attendanceSheet(new AttendanceSheetService(fixture.store, fixture.access)
                        .load(fixture.cip, PrintFixture.WORKSITE, IsoWeek.of(PrintFixture.TODAY)), true),
                "referral", printer.referralForm(new ReferralFormService(fixture.store, fixture.access)
                        .load(fixture.cip, PrintFixture.CPAM_REFERRAL)));
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void pdfAOutputDeclaresPart2BWithAnSrgbIntentAndMetadataMatchingTheInfo() throws Exception {
        for (var entry : documents.entrySet()) {
            try (PDDocument document = Loader.loadPDF(entry.getValue())) {
                XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().exportXMPMetadata());
                PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
                assertThat(id.getPart()).as(entry.getKey()).isEqualTo(2);
                assertThat(id.getConformance()).isEqualTo("B");
                assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(document.getDocumentInformation().getTitle());
                assertThat(xmp.getAdobePDFSchema().getProducer())
                        .isEqualTo(document.getDocumentInformation().getProducer());
                assertThat(xmp.getXMPBasicSchema().getCreatorTool())
                        .isEqualTo(document.getDocumentInformation().getCreator());
                assertThat(xmp.getXMPBasicSchema().getCreateDate().toInstant())
                        .isEqualTo(document.getDocumentInformation().getCreationDate().toInstant());
                PDOutputIntent intent = document.getDocumentCatalog().getOutputIntents().get(0);
                assertThat(intent.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1");
                assertThat(intent.getDestOutputIntent().createInputStream().readAllBytes()).hasSizeGreaterThan(1000);
                assertThat(document.getDocument().getTrailer().getCOSArray(COSName.ID)).isNotNull();
                for (PDPage page : document.getPages()) {
                    for (COSName name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void everyDocumentRendersToImagesWithInkOnThem() throws IOException {
        for (var entry : documents.entrySet()) {
            try (PDDocument document = Loader.loadPDF(entry.getValue())) {
                PDFRenderer renderer = new PDFRenderer(document);
                for (int page = 0; page < document.getNumberOfPages(); page++) {
                    BufferedImage image = renderer.renderImageWithDPI(page, 50);
                    assertThat(darkPixels(image)).as("%s page %d", entry.getKey(), page + 1).isGreaterThan(50);
                }
            }
        }
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 300) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
