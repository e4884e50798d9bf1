package fr.convergence.terrain.core.pdf;

import fr.convergence.terrain.core.text.MessagePatterns;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * French texts of printed documents, read from a {@code _fr.properties} bundle and filled by {@link MessagePatterns}
 * (ICU: plural forms, French number grouping). Print-outs are French documents whatever language the screens show.
 * The print style's own texts (footer, durations) are in {@code core/pdf/PrintStyleMessages_fr.properties}; each
 * module keeps its documents' texts in its own bundle.
 */
public final class PrintBundle {

    /** The print style's own texts: the footer of every page, the durations of {@link PrintFormats}. */
    static final PrintBundle STYLE = french("fr.convergence.terrain.core.pdf.PrintStyleMessages");

    private final String name;
    private final ResourceBundle bundle;

    private PrintBundle(String name, ResourceBundle bundle) {
        this.name = name;
        this.bundle = bundle;
    }

    /** The French bundle {@code baseName} ({@code fr.convergence.terrain.app.print.PrintMessages}). */
    public static PrintBundle french(String baseName) {
        return new PrintBundle(baseName, ResourceBundle.getBundle(baseName, Locale.FRENCH));
    }

    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Missing print text in " + name + ": " + key, e);
        }
        return MessagePatterns.french(pattern, args);
    }

    /** Every key of the bundle (consistency tests check they are all used). */
    public Set<String> keys() {
        return bundle.keySet();
    }
}
