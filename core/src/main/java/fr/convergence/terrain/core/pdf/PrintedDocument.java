package fr.convergence.terrain.core.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Makes a print-out's bytes in the print style: the fonts loaded, the pages laid by {@code body} through a
 * {@link PageFlow}, the footers, the document information and, if asked, PDF/A-2b. The app's print-outs and the
 * hub's yearly table are all made here.
 */
public final class PrintedDocument {

    private PrintedDocument() {
    }

    /**
     * @param demoMark printed on every page when the data are a demonstration's ({@code DemoMarking.TEXT}), or null
     * @param pdfA     whether to write PDF/A-2b
     */
    public static byte[] make(String title, String author, ZonedDateTime created, float margin, String demoMark,
                              boolean pdfA, Consumer<PageFlow> body) {
        try (PDDocument document = new PDDocument()) {
            PageFlow flow = new PageFlow(document, PrintFonts.load(document), margin);
            if (demoMark != null) {
                flow.markDemo(demoMark);
            }
            body.accept(flow);
            flow.finish();
            PdfA.describe(document, title, author, GregorianCalendar.from(created));
            if (pdfA) {
                PdfA.conform(document);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Le document n’a pas pu être produit", e);
        }
    }
}
