package fr.convergence.terrain.core.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The DejaVu Sans font shipped with the application (licence next to it), embedded as a subset in every print-out
 * so that é è ê à ç œ « » … and any name print the same on every computer, and PDF/A accepts the file.
 */
public final class PrintFonts {

    private static final String FOLDER = "/fr/convergence/terrain/core/pdf/fonts/";
    private static final byte[] REGULAR = read("DejaVuSans.ttf");
    private static final byte[] BOLD = read("DejaVuSans-Bold.ttf");
    /** Read only by the documents that need it (the recovery key, whose characters must line up). */
    private static final String MONO = "DejaVuSansMono-Bold.ttf";

    private final PDDocument document;
    private PDFont mono;

    public final PDFont regular;
    public final PDFont bold;
    private final Map<Integer, Boolean> printable = new HashMap<>();

    private PrintFonts(PDDocument document, PDFont regular, PDFont bold) {
        this.document = document;
        this.regular = regular;
        this.bold = bold;
    }

    /** Loads both fonts into {@code document}; only the glyphs used are embedded when it is saved. */
    public static PrintFonts load(PDDocument document) {
        try {
            return new PrintFonts(document, PDType0Font.load(document, new ByteArrayInputStream(REGULAR), true),
                    PDType0Font.load(document, new ByteArrayInputStream(BOLD), true));
        } catch (IOException e) {
            throw new UncheckedIOException("Police d’impression illisible", e);
        }
    }

    /**
     * DejaVu Sans Mono Bold, loaded into the document the first time it is asked for (the other print-outs do
     * not carry it). Its letters and digits are all in DejaVu Sans too, so {@link #printable} keeps them.
     */
    public PDFont mono() {
        if (mono == null) {
            try {
                mono = PDType0Font.load(document, new ByteArrayInputStream(read(MONO)), true);
            } catch (IOException e) {
                throw new UncheckedIOException("Police d’impression illisible", e);
            }
        }
        return mono;
    }

    /**
     * {@code text} made printable: line breaks and tabs become spaces, no-break spaces stay, and a character the font
     * lacks becomes "?" rather than failing the whole print-out.
     */
    public String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (cp == '\u00A0' || cp == '\u202F') {
                // Kept so that wrapping never parts "mot :" or "« mot »" (it breaks at plain spaces only).
                out.append(printable.computeIfAbsent(cp, this::hasGlyph) ? (char) cp : ' ');
            } else if (cp < 0x20 || Character.getType(cp) == Character.FORMAT) {
                // Control and zero-width characters carry nothing to print.
            } else if (printable.computeIfAbsent(cp, this::hasGlyph)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        String s = new String(Character.toChars(codePoint));
        try {
            regular.encode(s);
            bold.encode(s);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = PrintFonts.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Police absente de l’application\u00a0: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
