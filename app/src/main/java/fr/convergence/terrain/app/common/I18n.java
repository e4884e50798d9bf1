package fr.convergence.terrain.app.common;

import fr.convergence.terrain.core.text.Labels;
import fr.convergence.terrain.core.text.MessagePatterns;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one way to user-visible text: {@code I18n.t("week.title")} reads {@code messages_fr.properties} (or
 * {@code messages_en.properties} with {@code -Dterrain.lang=en}); arguments fill {@code {0}} placeholders.
 * Every text goes through {@link MessagePatterns} (ICU): counts are written
 * {@code {0, plural, one {# case copiée} other {# cases copiées}}}, never "case(s)" nor a concatenation, and numbers
 * get the locale's grouping. French bundles use the typographic apostrophe (’), never '.
 */
public final class I18n {

    public static final String BUNDLE = "fr.convergence.terrain.app.messages";
    private static volatile ResourceBundle bundle = load(Locale.forLanguageTag(
            System.getProperty("terrain.lang", "fr")));

    private I18n() {
    }

    public static Locale locale() {
        return bundle.getLocale().getLanguage().isEmpty() ? Locale.FRENCH : bundle.getLocale();
    }

    /** Switches the language (tests, or a later preferences screen); screens built afterwards use it. */
    public static void use(Locale locale) {
        bundle = load(locale);
    }

    public static String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return MessagePatterns.format(locale(), pattern, args);
    }

    /** The label of a core enum (a role, an hours kind, a status…) in the screens' language. */
    public static String label(Enum<?> value) {
        return Labels.of(value, locale());
    }

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
