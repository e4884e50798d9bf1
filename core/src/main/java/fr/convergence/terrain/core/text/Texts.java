package fr.convergence.terrain.core.text;

import com.ibm.icu.text.NumberFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates and hours are written in French, in messages and on screen, so every text reads the same way. */
public final class Texts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Texts() {
    }

    /** 18/03/2026. */
    public static String date(LocalDate day) {
        return day.format(DATE);
    }

    /** A count as French readers write it: 60564 → "60 564" (narrow no-break space between thousands). */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.FRENCH).format(n);
    }

    /**
     * Minutes as decimal hours with two decimals, for screens and print-outs: 1577115 → "26 285,25". The CSV for
     * Excel keeps its own ungrouped form (ReportCsv.hours), which Excel reads as a number.
     */
    public static String decimalHours(long minutes) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRENCH);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
    }

    /** 390 → "6 h 30", 360 → "6 h", 45 → "0 h 45", 0 → "0 h", 60000 → "1 000 h". */
    public static String hours(int minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("Negative duration: " + minutes);
        }
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (rest == 0) {
            return number(hours) + " h";
        }
        return number(hours) + " h " + (rest < 10 ? "0" + rest : Integer.toString(rest));
    }
}
