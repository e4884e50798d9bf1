package fr.convergence.terrain.core.domain;

import java.util.Locale;
import java.util.Optional;

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
        String compact = compact(number);
        if (compact.length() != 13 && compact.length() != 15) {
            return UNREADABLE;
        }
        String masked = compact.charAt(0) + " " + compact.substring(1, 3) + " ** ** *** ***";
        return compact.length() == 15 ? masked + " " + compact.substring(13) : masked;
    }

    /**
     * What is wrong with a typed number, in French, naming the part to check; empty for a well-formed NIR whose
     * control key matches. Spaces, dots and dashes typed between the groups are allowed. The parts, after INSEE: sex
     * (1 or 2; 3 for a number being assigned to a person born abroad, 7 or 8 for a temporary number), year of birth,
     * month of birth (01 to 12; 20 to 42 or 50 and above when the civil record gives no month), département of birth
     * (01 to 95, 2A or 2B for Corsica, 20 on numbers given before 1976, 97 or 98 with a third digit for overseas, 99
     * for abroad), commune or country, order number, and the key: 97 − (the first 13 digits modulo 97), Corsica's 2A
     * counted as 19 and 2B as 18.
     */
    public static Optional<String> problem(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String n = compact(typed);
        if (!n.matches("[0-9AB]*")) {
            return refused("il ne contient que des chiffres (et 2A ou 2B pour la Corse)");
        }
        if (n.length() != 15) {
            return refused("il compte 15 chiffres, clé comprise, et non " + n.length());
        }
        if (!n.substring(0, 5).matches("\\d{5}") || !n.substring(7).matches("\\d{8}")
                || !n.substring(5, 7).matches("\\d\\d|2A|2B")) {
            return refused("les lettres A ou B ne s’écrivent qu’en 6ᵉ et 7ᵉ position, dans 2A ou 2B (Corse)");
        }
        if ("12378".indexOf(n.charAt(0)) < 0) {
            return refused("le premier chiffre (sexe) vaut 1 ou 2 (3, 7 ou 8 pour un numéro provisoire), pas "
                    + n.charAt(0));
        }
        int month = Integer.parseInt(n.substring(3, 5));
        if (month == 0 || month > 12 && month < 20 || month > 42 && month < 50) {
            return refused("le mois de naissance (4ᵉ et 5ᵉ chiffres) va de 01 à 12, pas " + n.substring(3, 5));
        }
        String department = n.substring(5, 7);
        boolean overseas = department.equals("97") || department.equals("98");
        if (department.equals("00") || department.equals("96")
                || overseas && n.charAt(7) == '0') {
            return refused("le département de naissance (6ᵉ et 7ᵉ caractères) n’existe pas\u00a0: " + department
                    + (overseas ? n.charAt(7) : ""));
        }
        if (n.substring(overseas ? 8 : 7, 10).matches("0+")) {
            return refused("la commune ou le pays de naissance (8ᵉ à 10ᵉ chiffres) ne peut pas valoir "
                    + n.substring(7, 10));
        }
        if (n.substring(10, 13).equals("000")) {
            return refused("le numéro d’ordre (11ᵉ à 13ᵉ chiffres) ne peut pas valoir 000");
        }
        int key = Integer.parseInt(n.substring(13));
        int expected = key(n.substring(0, 13));
        if (key != expected) {
            return refused("la clé de contrôle (2 derniers chiffres) ne correspond pas au reste du numéro\u00a0; "
                    + "vérifiez chaque chiffre");
        }
        return Optional.empty();
    }

    /**
     * The control key of the first 13 characters of a NIR: 97 − (number mod 97), with 2A read as 19 and 2B as 18.
     */
    public static int key(String first13) {
        String digits = compact(first13);
        if (digits.length() != 13) {
            throw new IllegalArgumentException("A NIR without its key has 13 characters: " + digits.length());
        }
        String department = digits.substring(5, 7);
        String replaced = department.equals("2A") ? "19" : department.equals("2B") ? "18" : department;
        long number = Long.parseLong(digits.substring(0, 5) + replaced + digits.substring(7));
        return (int) (97 - number % 97);
    }

    private static String compact(String typed) {
        return typed.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
    }

    private static Optional<String> refused(String reason) {
        return Optional.of("Le numéro de sécurité sociale n’est pas valide\u00a0: " + reason + ".");
    }

    /** Whether {@code shown} is a masked form (so an edit that sends it back changes nothing). */
    public static boolean isMasked(String shown) {
        return shown != null && (shown.contains("*") || shown.equals(UNREADABLE));
    }
}
