package fr.convergence.terrain.core.text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A date as a person types it, jj/mm/aaaa (also j/m/aaaa, with « - » or « . » between the parts), read strictly:
 * the one parser of every date field of the application and every date option of the command line. A day that does
 * not exist ({@code 31/02/1980}, {@code 29/02/2025}, month 13) is refused, never moved to the nearest real day as a
 * lenient parser does — such a date would otherwise go out unnoticed on a referral.
 */
public record TypedDate(Optional<LocalDate> value, Reading reading) {

    /** What could be made of the text. */
    public enum Reading {
        /** Nothing typed: the field is left empty. */
        EMPTY,
        /** A real day. */
        DAY,
        /** Not shaped as a date at all ({@code demain}, {@code 2026-03-01}). */
        UNREADABLE,
        /** Shaped as a date, but no such day in the calendar ({@code 31/02/1980}). */
        IMPOSSIBLE
    }

    /** Strict: {@code uuuu} (not {@code yyyy}, which needs an era under strict resolving), no day moved. */
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SHAPE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");

    /** Reads {@code text}; null or blank is {@link Reading#EMPTY}. */
    public static TypedDate parse(String text) {
        if (text == null || text.isBlank()) {
            return new TypedDate(Optional.empty(), Reading.EMPTY);
        }
        String cleaned = text.strip().replace('-', '/').replace('.', '/');
        if (!SHAPE.matcher(cleaned).matches()) {
            return new TypedDate(Optional.empty(), Reading.UNREADABLE);
        }
        try {
            return new TypedDate(Optional.of(LocalDate.parse(cleaned, STRICT)), Reading.DAY);
        } catch (DateTimeParseException e) {
            return new TypedDate(Optional.empty(), Reading.IMPOSSIBLE);
        }
    }

    /** Whether the text can be used: a real day, or nothing. */
    public boolean valid() {
        return reading == Reading.DAY || reading == Reading.EMPTY;
    }

    /**
     * The French sentence that says what is wrong with {@code typed}, read for {@code what} (« Date de naissance »,
     * « --from »), and how to write it; empty when the text is usable.
     */
    public Optional<String> problem(String what, String typed) {
        return switch (reading) {
            case DAY, EMPTY -> Optional.empty();
            case UNREADABLE -> Optional.of(what + "\u00a0: «\u00a0" + typed.strip() + "\u00a0» n’est pas une date\u00a0;"
                    + " écrivez-la jj/mm/aaaa, par exemple 31/12/2025.");
            case IMPOSSIBLE -> Optional.of(what + "\u00a0: le «\u00a0" + typed.strip() + "\u00a0» n’existe pas dans le "
                    + "calendrier\u00a0; vérifiez le jour et le mois.");
        };
    }
}
