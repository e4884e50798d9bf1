package fr.convergence.terrain.core.pdf;

import fr.convergence.terrain.core.text.Texts;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates, durations and hours as the print-outs write them (dd/MM/yyyy, "6 h 30", "1 an et 2 mois"). */
public final class PrintFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter FULL_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE dd/MM", Locale.FRENCH);

    private PrintFormats() {
    }

    public static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    public static String month(YearMonth month) {
        return MONTH.format(month);
    }

    /** "novembre 2026". */
    public static String fullMonth(YearMonth month) {
        return FULL_MONTH.format(month);
    }

    /** A figure with two decimals, French style: 1.69 → "1,69". */
    public static String decimal(java.math.BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }

    /** "lundi 16/03". */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    public static String hours(int minutes) {
        return Texts.hours(minutes);
    }

    /** "2 ans et 3 mois", "5 mois", "3 semaines", "4 jours" between two days. */
    public static String duration(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return PrintBundle.STYLE.text("duration.notYet");
        }
        Period period = Period.between(from, to);
        int years = period.getYears();
        int months = period.getMonths();
        if (years > 0) {
            String y = PrintBundle.STYLE.text("duration.years", years);
            return months == 0 ? y
                    : PrintBundle.STYLE.text("duration.and", y, PrintBundle.STYLE.text("duration.months", months));
        }
        if (months > 0) {
            return PrintBundle.STYLE.text("duration.months", months);
        }
        int days = period.getDays();
        if (days >= 14) {
            return PrintBundle.STYLE.text("duration.weeks", days / 7);
        }
        return PrintBundle.STYLE.text("duration.days", Math.max(days, 0));
    }
}
