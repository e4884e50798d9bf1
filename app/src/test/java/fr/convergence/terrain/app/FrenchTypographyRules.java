package fr.convergence.terrain.app;

import com.ibm.icu.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of French typography the texts follow, shared by the check of the bundles ({@link FrenchTypographyTest})
 * and the check of the texts written in Java ({@link FrenchJavaTextTypographyTest}): a no-break space (U+00A0 or the
 * narrow U+202F) before : ; ! ? and inside « », the typographic apostrophe, plurals written out by ICU rather than
 * "(s)"; for a whole message pattern also grouped thousands, a lower-case word after a colon (unless it is a name)
 * and a pattern ICU can read.
 */
final class FrenchTypographyRules {

    private static final String NO_BREAK = "\u00a0\u202f";
    /** Names that may follow a colon with their capital (demo accounts, programmes, places). */
    private static final Set<String> PROPER_NOUNS = Set.of("Camille", "Yanis", "Sandrine", "Administration",
            "Premières", "Convergence", "Paris");
    private static final Pattern PLURAL_HACK = Pattern.compile("\\p{L}\\((?:s|e|es|x|nes|le)\\)");
    private static final Pattern AFTER_COLON = Pattern.compile(":[\u00a0\u202f ]+(\\p{Lu}\\p{Ll}+)");
    /** Five digits or more in a row: a number that should be grouped, unless it is a postcode before a town. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d.])\\d{5,}(?![\\d ]*\\p{Lu})");

    private FrenchTypographyRules() {
    }

    /** Every breach in a whole French message pattern (a bundle's value). */
    static List<String> breaches(String pattern) {
        List<String> found = new ArrayList<>(apostropheAndPluralBreaches(pattern));
        found.addAll(spacingBreaches(pattern));
        Matcher colon = AFTER_COLON.matcher(pattern);
        while (colon.find()) {
            if (!PROPER_NOUNS.contains(colon.group(1))) {
                found.add("capital after a colon: " + colon.group(1));
            }
        }
        Matcher number = LONG_NUMBER.matcher(pattern);
        while (number.find()) {
            found.add("ungrouped number " + number.group());
        }
        try {
            new MessageFormat(pattern, Locale.FRENCH);
        } catch (IllegalArgumentException e) {
            found.add("not a valid message pattern: " + e.getMessage());
        }
        return found;
    }

    /** The straight apostrophe and the "(s)" plural: breaches in a French text, not in any text. */
    static List<String> apostropheAndPluralBreaches(String text) {
        List<String> found = new ArrayList<>();
        if (text.indexOf('\'') >= 0) {
            found.add("straight apostrophe (write ’)");
        }
        Matcher hack = PLURAL_HACK.matcher(text);
        while (hack.find()) {
            found.add("plural written " + hack.group() + " (use {n, plural, one {…} other {…}})");
        }
        return found;
    }

    /**
     * A missing no-break space before : ; ! ? (after a plain space or a letter) and inside « »: breaches in a piece of
     * French as well as in any text with a plain space before those signs, which no other language writes.
     */
    static List<String> spacingBreaches(String text) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (":;!?".indexOf(c) >= 0 && i > 0 && NO_BREAK.indexOf(text.charAt(i - 1)) < 0 && !exempt(text, i)) {
                found.add("no no-break space before «" + c + "» at " + i);
            }
            if (c == '«' && (i + 1 >= text.length() || NO_BREAK.indexOf(text.charAt(i + 1)) < 0)) {
                found.add("no no-break space after « at " + i);
            }
            if (c == '»' && (i == 0 || NO_BREAK.indexOf(text.charAt(i - 1)) < 0)) {
                found.add("no no-break space before » at " + i);
            }
        }
        return found;
    }

    /** Whether {@code text} has a plain space right before : ; ! ? — French spacing with the wrong space. */
    static boolean hasPlainSpaceBeforePunctuation(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (":;!?".indexOf(text.charAt(i)) >= 0 && text.charAt(i - 1) == ' ' && !exempt(text, i)) {
                return true;
            }
        }
        return false;
    }

    /** A colon in an address ("https://") or a time typed as an example ("6:30") is not punctuation. */
    private static boolean exempt(String text, int i) {
        char before = text.charAt(i - 1);
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return text.charAt(i) == ':' && (after == '/' || Character.isDigit(before) && Character.isDigit(after));
    }
}
