package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.text.Texts;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates, durations and hours as the print-outs write them (dd/MM/yyyy, "6 h 30", "1 an et 2 mois"). */
final class PrintFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter FULL_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE dd/MM", Locale.FRENCH);

    private PrintFormats() {
    }

    static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    static String month(YearMonth month) {
        return MONTH.format(month);
    }

    /** "novembre 2026". */
    static String fullMonth(YearMonth month) {
        return FULL_MONTH.format(month);
    }

    /** A figure with two decimals, French style: 1.69 → "1,69". */
    static String decimal(java.math.BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }

    /** "lundi 16/03". */
    static String day(LocalDate day) {
        return DAY.format(day);
    }

    static String hours(int minutes) {
        return Texts.hours(minutes);
    }

    /** "2 ans et 3 mois", "5 mois", "3 semaines", "4 jours" between two days. */
    static String duration(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return PrintTexts.text("duration.notYet");
        }
        Period period = Period.between(from, to);
        int years = period.getYears();
        int months = period.getMonths();
        if (years > 0) {
            String y = PrintTexts.text("duration.years", years);
            return months == 0 ? y : PrintTexts.text("duration.and", y, PrintTexts.text("duration.months", months));
        }
        if (months > 0) {
            return PrintTexts.text("duration.months", months);
        }
        int days = period.getDays();
        if (days >= 14) {
            return PrintTexts.text("duration.weeks", days / 7);
        }
        return PrintTexts.text("duration.days", Math.max(days, 0));
    }
}
