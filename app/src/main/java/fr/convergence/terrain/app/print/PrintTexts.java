package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.pdf.PrintBundle;
import java.util.Set;

/**
 * The French texts of the print-outs and the print page, from {@code PrintMessages_fr.properties}. Kept apart
 * from the application's bundle ({@code I18n}) on purpose: the sheets are French documents for French partners
 * and participants' files, whatever language the screens are shown in. Read through core's {@link PrintBundle}
 * (ICU: plural forms, French number grouping), like the print style's own texts.
 */
public final class PrintTexts {

    private static final PrintBundle BUNDLE = PrintBundle.french("fr.convergence.terrain.app.print.PrintMessages");

    private PrintTexts() {
    }

    public static String text(String key, Object... args) {
        return BUNDLE.text(key, args);
    }

    /** Every key of the bundle (the consistency test checks they are all used). */
    static Set<String> keys() {
        return BUNDLE.keys();
    }
}
