package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.verdict.Verdict;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the hours users type in a cell (written back as {@link fr.convergence.terrain.core.text.Texts#hours}: "6 h 30").
 * Users type hours in many ways (6,5 / 6.5 / 6h30 / 6:30); all are accepted, but only on a quarter hour.
 */
public final class HoursFormat {

    /** 6, 6,5, 6.5, 6,25 */
    private static final Pattern DECIMAL = Pattern.compile("(\\d{1,2})(?:[.,](\\d{1,2}))?");
    /** 6h, 6h30, 6 h 30, 6H30, 6:30 */
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})\\s*(?:[hH]\\s*(\\d{1,2})?|:\\s*(\\d{2}))");

    private HoursFormat() {
    }

    /**
     * Reads a typed value: "6", "6,5", "6.5", "6h30", "6 h 30", "6h", "6:30", "0". Empty (or blank) gives 0,
     * which means the cell is emptied. Anything else, or a value that is not on a quarter hour, is refused
     * with a French message.
     */
    public static HoursVerdict parse(String typed) {
        String text = typed == null ? "" : typed.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
        if (text.isEmpty()) {
            return new HoursVerdict(0, Verdict.ok());
        }
        if (text.startsWith("-")) {
            return refused("Les heures ne peuvent pas être négatives\u00a0: pour effacer la case, "
                    + "laissez-la vide ou saisissez 0.");
        }
        Matcher decimal = DECIMAL.matcher(text);
        if (decimal.matches()) {
            int hours = Integer.parseInt(decimal.group(1));
            String fraction = decimal.group(2);
            if (fraction == null) {
                return checked(text, hours * 60);
            }
            int scale = fraction.length() == 1 ? 10 : 100;
            int sixtieths = Integer.parseInt(fraction) * 60;
            if (sixtieths % scale != 0) {
                // Not even a whole minute (6,33): certainly not a quarter hour.
                return notQuarter(text, hours * 60 + sixtieths / scale);
            }
            return checked(text, hours * 60 + sixtieths / scale);
        }
        Matcher clock = CLOCK.matcher(text);
        if (clock.matches()) {
            int hours = Integer.parseInt(clock.group(1));
            String minutesText = clock.group(2) != null ? clock.group(2) : clock.group(3);
            int minutes = minutesText == null ? 0 : Integer.parseInt(minutesText);
            if (minutes >= 60) {
                return refused("«\u00a0" + text + "\u00a0»\u00a0: les minutes vont de 0 à 59. Saisissez par exemple "
                        + "6 h 30.");
            }
            return checked(text, hours * 60 + minutes);
        }
        return refused("«\u00a0" + text + "\u00a0» n’est pas une durée reconnue\u00a0: saisissez par exemple 6, 6,5 "
                + "ou 6 h 30.");
    }

    private static HoursVerdict checked(String text, int minutes) {
        if (minutes % HoursCell.QUARTER_HOUR != 0) {
            return notQuarter(text, minutes);
        }
        return new HoursVerdict(minutes, HoursCell.checkMinutes(minutes));
    }

    private static HoursVerdict notQuarter(String text, int approxMinutes) {
        return refused("«\u00a0" + text + "\u00a0» ne tombe pas sur un quart d’heure\u00a0: les heures se saisissent "
                + "au quart d’heure près. " + HoursCell.quarterHint(approxMinutes));
    }

    private static HoursVerdict refused(String message) {
        return new HoursVerdict(0, Verdict.refused(message));
    }
}
