package fr.convergence.terrain.core.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays text and tables down the pages of a PDF, top to bottom, starting a new page when one is full. A document
 * is a list of sections (one follow-up sheet each in a batch), each numbered "page N/M" on its own; the footers
 * are drawn once all pages exist.
 */
public final class PageFlow {

    public static final PDRectangle PORTRAIT = PDRectangle.A4;
    public static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    public static final Color INK = new Color(0x1F, 0x29, 0x37);
    public static final Color MUTED = new Color(0x5B, 0x64, 0x70);
    public static final Color RULE = new Color(0x9A, 0xA3, 0xAE);
    public static final Color SHADE = new Color(0xE8, 0xEE, 0xF4);
    public static final Color ACCENT = new Color(0x1B, 0x4F, 0x8A);
    private static final float FOOTER_HEIGHT = 26;
    /** Pale enough that text printed over it stays legible, in colour and in black and white. */
    private static final Color DEMO_WATERMARK = new Color(0xF9, 0xE0, 0xE0);
    private static final Color DEMO_INK = new Color(0xB4, 0x23, 0x18);

    private final PDDocument document;
    public final PrintFonts fonts;
    private final float margin;
    private final List<Section> sections = new ArrayList<>();
    private Section section;
    private PDPageContentStream content;
    private float y;
    /** Redraws a table's header on each new page while the table is being written. */
    private Runnable continuation;
    /** Printed on every page of a document made from demonstration data, or null. */
    private String demoMark;

    /** One printed document inside the PDF: its pages, its footer and its running header. */
    private static final class Section {
        final PDRectangle size;
        final String runningHeader;
        final String footerLeft;
        final List<PDPage> pages = new ArrayList<>();

        Section(PDRectangle size, String runningHeader, String footerLeft) {
            this.size = size;
            this.runningHeader = runningHeader;
            this.footerLeft = footerLeft;
        }
    }

    public PageFlow(PDDocument document, PrintFonts fonts, float margin) {
        this.document = document;
        this.fonts = fonts;
        this.margin = margin;
    }

    /**
     * Starts a new printed document on a new page. {@code runningHeader} is repeated at the top of its next pages;
     * {@code footerLeft} goes at the bottom of each, next to "Document confidentiel" and the page number.
     */
    public void startSection(PDRectangle size, String runningHeader, String footerLeft) {
        section = new Section(size, runningHeader, footerLeft);
        sections.add(section);
        continuation = null;
        newPage();
    }

    /**
     * Marks every page as demonstration data: a pale diagonal line drawn first (under the content, so nothing
     * becomes unreadable) and a red line in the top margin (nothing of the layout moves). Call before the first page.
     */
    public void markDemo(String mark) {
        this.demoMark = mark;
    }

    public void newPage() {
        closeContent();
        PDPage page = new PDPage(section.size);
        document.addPage(page);
        section.pages.add(page);
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (demoMark != null) {
            drawDemoMark();
        }
        y = top();
        if (section.pages.size() > 1 && section.runningHeader != null) {
            text(section.runningHeader, left(), y - 8, fonts.regular, 8, MUTED);
            line(left(), y - 12, right(), y - 12, RULE, 0.5f);
            y -= 22;
        }
        if (continuation != null) {
            continuation.run();
        }
    }

    private void drawDemoMark() {
        float w = section.size.getWidth();
        float h = section.size.getHeight();
        String printable = fonts.printable(demoMark);
        // As large as fits on the diagonal with a margin at both ends, whatever the page's orientation.
        float diagonal = (float) Math.hypot(w, h);
        float size = Math.min(Math.min(w, h) / 13, 0.75f * diagonal / width(demoMark, fonts.bold, 1));
        float length = width(demoMark, fonts.bold, size);
        double angle = Math.atan2(h, w);
        try {
            content.beginText();
            content.setNonStrokingColor(DEMO_WATERMARK);
            content.setFont(fonts.bold, size);
            float cos = (float) Math.cos(angle);
            float sin = (float) Math.sin(angle);
            // Centred on the page's diagonal: start half the text's length back from the centre.
            content.setTextMatrix(Matrix.getRotateInstance(angle, w / 2 - cos * length / 2 + sin * size / 3,
                    h / 2 - sin * length / 2 - cos * size / 3));
            content.showText(printable);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        textCentered(demoMark, w / 2, h - margin / 2 - 3, fonts.bold, 9, DEMO_INK);
    }

    public float left() {
        return margin;
    }

    public float right() {
        return section.size.getWidth() - margin;
    }

    public float width() {
        return right() - left();
    }

    public float top() {
        return section.size.getHeight() - margin;
    }

    public float bottom() {
        return margin + FOOTER_HEIGHT;
    }

    public float y() {
        return y;
    }

    public void moveDown(float amount) {
        y -= amount;
    }

    /** Starts a new page unless {@code height} still fits above the footer. */
    public void ensure(float height) {
        if (y - height < bottom()) {
            newPage();
        }
    }

    void setContinuation(Runnable continuation) {
        this.continuation = continuation;
    }

    // Drawing primitives -------------------------------------------------------------------------------------

    public void text(String text, float x, float baseline, PDFont font, float size, Color color) {
        String printable = fonts.printable(text);
        if (printable.isEmpty()) {
            return;
        }
        try {
            content.beginText();
            content.setNonStrokingColor(color);
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(printable);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void textRight(String text, float rightX, float baseline, PDFont font, float size, Color color) {
        text(text, rightX - width(text, font, size), baseline, font, size, color);
    }

    public void textCentered(String text, float centreX, float baseline, PDFont font, float size, Color color) {
        text(text, centreX - width(text, font, size) / 2, baseline, font, size, color);
    }

    public float width(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(fonts.printable(text)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void line(float x1, float y1, float x2, float y2, Color color, float thickness) {
        draw(c -> {
            c.setStrokingColor(color);
            c.setLineWidth(thickness);
            c.moveTo(x1, y1);
            c.lineTo(x2, y2);
            c.stroke();
        });
    }

    public void fillRect(float x, float yBottom, float w, float h, Color color) {
        draw(c -> {
            c.setNonStrokingColor(color);
            c.addRect(x, yBottom, w, h);
            c.fill();
        });
    }

    public void strokeRect(float x, float yBottom, float w, float h, Color color, float thickness) {
        draw(c -> {
            c.setStrokingColor(color);
            c.setLineWidth(thickness);
            c.addRect(x, yBottom, w, h);
            c.stroke();
        });
    }

    /** A polyline through {@code xs}/{@code ys}. */
    public void polyline(float[] xs, float[] ys, Color color, float thickness) {
        if (xs.length < 2) {
            return;
        }
        draw(c -> {
            c.setStrokingColor(color);
            c.setLineWidth(thickness);
            c.moveTo(xs[0], ys[0]);
            for (int i = 1; i < xs.length; i++) {
                c.lineTo(xs[i], ys[i]);
            }
            c.stroke();
        });
    }

    /** Drawing on the current page's content; PDFBox's I/O failures become unchecked, as everywhere here. */
    @FunctionalInterface
    private interface Drawing {
        void on(PDPageContentStream content) throws IOException;
    }

    private void draw(Drawing drawing) {
        try {
            drawing.on(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Flowing text --------------------------------------------------------------------------------------------

    /** Splits {@code text} into lines no wider than {@code maxWidth}; a word too long is cut. */
    public List<String> wrap(String text, PDFont font, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        String clean = fonts.printable(text).strip();
        if (clean.isEmpty()) {
            lines.add("");
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : clean.split(" +")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, font, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(word, font, size) > maxWidth && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && width(word.substring(0, cut), font, size) > maxWidth) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A wrapped paragraph from the cursor, breaking pages between lines. */
    public void paragraph(String text, PDFont font, float size, Color color) {
        float leading = size * 1.35f;
        for (String line : wrap(text, font, size, width())) {
            ensure(leading);
            y -= leading;
            text(line, left(), y + size * 0.3f, font, size, color);
        }
    }

    /** A section title with a rule, kept with at least {@code keepWith} points of what follows. */
    public void heading(String title, float keepWith) {
        ensure(30 + keepWith);
        y -= 20;
        text(title, left(), y, fonts.bold, 11.5f, ACCENT);
        line(left(), y - 4, right(), y - 4, ACCENT, 0.8f);
        y -= 12;
    }

    /** Label/value pairs on two columns of pairs; labels and values wrap in their own width. */
    public void facts(List<String[]> pairs, float labelWidth) {
        float columnWidth = width() / 2;
        float size = 9.5f;
        float leading = size * 1.3f;
        float valueWidth = columnWidth - labelWidth - 8;
        for (int i = 0; i < pairs.size(); i += 2) {
            float rowHeight = 0;
            for (int j = i; j < Math.min(i + 2, pairs.size()); j++) {
                int lines = Math.max(wrap(pairs.get(j)[0], fonts.regular, size - 1, labelWidth - 6).size(),
                        wrap(pairs.get(j)[1], fonts.bold, size, valueWidth).size());
                rowHeight = Math.max(rowHeight, lines * leading + 4);
            }
            ensure(rowHeight);
            for (int j = i; j < Math.min(i + 2, pairs.size()); j++) {
                float x = left() + (j - i) * columnWidth;
                float labelY = y - size;
                for (String line : wrap(pairs.get(j)[0], fonts.regular, size - 1, labelWidth - 6)) {
                    text(line, x, labelY, fonts.regular, size - 1, MUTED);
                    labelY -= leading;
                }
                float lineY = y - size;
                for (String line : wrap(pairs.get(j)[1], fonts.bold, size, valueWidth)) {
                    text(line, x + labelWidth, lineY, fonts.bold, size, INK);
                    lineY -= leading;
                }
            }
            y -= rowHeight;
        }
    }

    // Footers -------------------------------------------------------------------------------------------------

    /** Closes the last page and writes every section's footer: who printed it and when, confidentiality, N/M. */
    public void finish() {
        closeContent();
        for (Section s : sections) {
            int count = s.pages.size();
            for (int i = 0; i < count; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, s.pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    content = footer;
                    float right = s.size.getWidth() - margin;
                    float baseline = margin;
                    line(margin, baseline + 11, right, baseline + 11, RULE, 0.5f);
                    text(s.footerLeft, margin, baseline, fonts.regular, 7.5f, MUTED);
                    textCentered(PrintBundle.STYLE.text("footer.confidential"), (margin + right) / 2 + 60, baseline,
                            fonts.bold, 7.5f, INK);
                    textRight(PrintBundle.STYLE.text("footer.page", i + 1, count), right, baseline, fonts.regular,
                            7.5f, MUTED);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        content = null;
    }

    private void closeContent() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }
}
