package fr.convergence.terrain.core.text;

import com.ibm.icu.text.MessageFormat;
import java.util.Locale;

/**
 * The one way a message pattern is filled, for the screens ({@code I18n}), the print-outs ({@code PrintTexts}), the
 * command line and the core's own French texts: ICU's {@link MessageFormat}, which knows French plural rules
 * ({@code {0, plural, one {# passage} other {# passages}}}: 0 and 1 are singular in French) and writes numbers with the
 * locale's grouping (French: "60 564", narrow no-break space). Unlike {@code java.text.MessageFormat}, a lone
 * apostrophe is literal, and French texts use the typographic one (’) anyway.
 */
public final class MessagePatterns {

    private MessagePatterns() {
    }

    public static String format(Locale locale, String pattern, Object... args) {
        return new MessageFormat(pattern, locale).format(args);
    }

    /** A French text: the core's messages and the print-outs are French documents whatever the screen language. */
    public static String french(String pattern, Object... args) {
        return format(Locale.FRENCH, pattern, args);
    }
}
