package fr.convergence.terrain.core.week;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An ISO week (Monday to Sunday), the unit in which hours are entered and weekly limits apply.
 * Identified by its Monday; the label reads as in the UI: "semaine 12 — du 16 au 22 mars".
 */
public record IsoWeek(LocalDate monday) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM", Locale.FRENCH);

    public IsoWeek {
        Objects.requireNonNull(monday, "monday");
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("An ISO week starts on a Monday, not on " + monday);
        }
    }

    /** The week containing {@code day}. */
    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** The week containing today according to {@code clock} (give it the worksite's time zone). */
    public static IsoWeek current(Clock clock) {
        return of(LocalDate.now(clock));
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    /** The ISO week number (1 to 53). */
    public int number() {
        return monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(monday) && !day.isAfter(sunday());
    }

    /** Monday to Sunday. */
    public List<LocalDate> days() {
        return monday.datesUntil(monday.plusDays(7)).toList();
    }

    public IsoWeek next() {
        return new IsoWeek(monday.plusWeeks(1));
    }

    public IsoWeek previous() {
        return new IsoWeek(monday.minusWeeks(1));
    }

    public boolean isAfter(IsoWeek other) {
        return monday.isAfter(other.monday);
    }

    /** "semaine 12 — du 16 au 22 mars", or "semaine 14 — du 30 mars au 5 avril" across two months. */
    public String label() {
        LocalDate sunday = sunday();
        String from = monday.getMonth() == sunday.getMonth()
                ? dayOfMonth(monday)
                : dayOfMonth(monday) + " " + MONTH.format(monday);
        return "semaine " + number() + " — du " + from + " au " + dayOfMonth(sunday) + " " + MONTH.format(sunday);
    }

    private static String dayOfMonth(LocalDate day) {
        return day.getDayOfMonth() == 1 ? "1er" : Integer.toString(day.getDayOfMonth());
    }
}
