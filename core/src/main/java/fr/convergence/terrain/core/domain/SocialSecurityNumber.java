package fr.convergence.terrain.core.domain;

import java.util.Locale;

/**
 * How a social-security number (NIR) is shown to someone who may not read it whole (an ESP): the one place that
 * decides the mask, so the screens, print-outs, CSV and the command line all show the same thing.
 *
 * <p>The mask keeps the sex digit, the two digits of the year of birth and the two-digit key:
 * {@code 1 84 ** ** *** *** 42}. Those tell a colleague that a number is on file and let them tell two files apart
 * at a glance, while the month, department, commune and order number — what makes the number identify a person —
 * stay hidden. A number that is not 13 or 15 characters long (typed wrongly) is shown as {@link #UNREADABLE}, as no
 * part of it can be trusted to be the harmless part.
 */
public final class SocialSecurityNumber {

    /** Shown instead of a number that does not have the NIR's shape. */
    public static final String UNREADABLE = "numéro masqué";

    private SocialSecurityNumber() {
    }

    /** The masked form of {@code number}; null or blank stays null (nothing on file is not hidden). */
    public static String masked(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String compact = number.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        if (compact.length() != 13 && compact.length() != 15) {
            return UNREADABLE;
        }
        String masked = compact.charAt(0) + " " + compact.substring(1, 3) + " ** ** *** ***";
        return compact.length() == 15 ? masked + " " + compact.substring(13) : masked;
    }

    /** Whether {@code shown} is a masked form (so an edit that sends it back changes nothing). */
    public static boolean isMasked(String shown) {
        return shown != null && (shown.contains("*") || shown.equals(UNREADABLE));
    }
}
