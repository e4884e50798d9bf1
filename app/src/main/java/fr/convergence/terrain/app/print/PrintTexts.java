package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.text.MessagePatterns;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The French texts of the print-outs and the print page, from {@code PrintMessages_fr.properties}. Kept apart
 * from the application's bundle ({@code I18n}) on purpose: the sheets are French documents for French partners
 * and participants' files, whatever language the screens are shown in. Patterns are filled by {@link MessagePatterns}
 * (ICU: plural forms, French number grouping), like the screens' texts.
 */
public final class PrintTexts {

    private static final ResourceBundle BUNDLE =
            ResourceBundle.getBundle("fr.convergence.terrain.app.print.PrintMessages", Locale.FRENCH);

    private PrintTexts() {
    }

    public static String text(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Missing print text: " + key, e);
        }
        return MessagePatterns.french(pattern, args);
    }

    /** Every key of the bundle (the consistency test checks they are all used). */
    static java.util.Set<String> keys() {
        return BUNDLE.keySet();
    }
}
