package fr.convergence.terrain.core.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

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
    /**
     * Starts making a one-line throwaway document on a daemon thread, and returns: for a command-line print, which
     * signs in next (a deliberately slow password derivation on one core), so that PDFBox's classes, the fonts'
     * parsers and the subsetting on save are loaded and compiled on the other core by the time the print-out is laid
     * out. Its bytes are dropped; a failure here only means the print-out pays for the loading, and says what is wrong.
     */
    public static void prepareInBackground() {
        Thread preparer = new Thread(() -> {
            try {
                make("", "", ZonedDateTime.now(), 40f, null, false, flow -> {
                    flow.startSection(PDRectangle.A4, "", "");
                    flow.text("Préparé « à l’avance » : 0123456789", flow.left(), flow.y(), flow.fonts.regular, 10,
                            PageFlow.INK);
                });
            } catch (RuntimeException | LinkageError e) {
                // the print-out itself will load PDFBox, and say what is wrong with it
            }
        }, "terrain-print-preparer");
        preparer.setDaemon(true);
        preparer.start();
    }

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
