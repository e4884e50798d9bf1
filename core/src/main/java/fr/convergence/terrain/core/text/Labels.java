package fr.convergence.terrain.core.text;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The labels of the core's enums (roles, hours kinds, statuses…), one per language in {@code Labels_fr.properties}
 * and {@code Labels_en.properties}, keyed by the enum's simple name and the constant ({@code Role.ESP},
 * {@code RetentionService.Stage.ARCHIVED}). {@code label()} on an enum is the French one, for the French documents
 * the core writes (journal, CSV, print-outs); screens ask {@link #of} in their language.
 */
public final class Labels {

    private static final String BUNDLE = "fr.convergence.terrain.core.text.Labels";

    private Labels() {
    }

    public static String of(Enum<?> value, Locale locale) {
        ResourceBundle bundle;
        try {
            bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            bundle = ResourceBundle.getBundle(BUNDLE, Locale.FRENCH, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
        }
        return bundle.getString(key(value));
    }

    public static String french(Enum<?> value) {
        return of(value, Locale.FRENCH);
    }

    /** "Role.ESP"; for an enum nested in a class, "RetentionService.Stage.ARCHIVED". */
    public static String key(Enum<?> value) {
        String type = value.getDeclaringClass().getName();
        return type.substring(type.lastIndexOf('.') + 1).replace('$', '.') + "." + value.name();
    }
}
