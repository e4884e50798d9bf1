package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.verdict.Verdict;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The days a report covers, both included. */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** The longest period a report covers: beyond, monthly charts become unreadable. */
    public static final int MAX_YEARS = 10;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("A report period ends on or after its start: " + from + " > " + to);
        }
    }

    /** What the period pickers show before a report is computed. */
    public static Verdict check(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return Verdict.refused("Indiquez le premier et le dernier jour de la période.");
        }
        if (to.isBefore(from)) {
            return Verdict.refused("La période se termine avant de commencer\u00a0: le " + to.format(DATE)
                    + " précède le " + from.format(DATE) + ".");
        }
        if (from.plusYears(MAX_YEARS).isBefore(to)) {
            return Verdict.refused("La période dépasse "
                    + "" + MAX_YEARS + " ans\u00a0: choisissez une période plus courte.");
        }
        return Verdict.ok();
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
    }

    public static ReportPeriod year(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** From the first of January to {@code today}. */
    public static ReportPeriod yearToDate(LocalDate today) {
        return new ReportPeriod(today.withDayOfYear(1), today);
    }

    /** The twelve whole months before {@code today}'s month. */
    public static ReportPeriod lastTwelveMonths(LocalDate today) {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        return new ReportPeriod(last.minusMonths(11).atDay(1), last.atEndOfMonth());
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    /** Whether something from {@code start} to {@code end} (null: still going) shares a day with the period. */
    public boolean overlaps(LocalDate start, LocalDate end) {
        return !start.isAfter(to) && (end == null || !end.isBefore(from));
    }

    /** The months the period touches, in order (the first and last may be partial). */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The part of {@code month} inside the period. */
    public ReportPeriod within(YearMonth month) {
        LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
        LocalDate end = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
        return new ReportPeriod(start, end);
    }

    /** "du 01/01/2026 au 31/03/2026" */
    public String label() {
        return "du " + from.format(DATE) + " au " + to.format(DATE);
    }
}
