package fr.convergence.terrain.app.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Dates as users read and type them: dd/MM/yyyy (also d/M/yyyy). */
public final class Formats {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter LENIENT = DateTimeFormatter.ofPattern("d/M/yyyy");

    private Formats() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    /** Empty for a blank text; a parse failure is an empty optional with {@code valid} false. */
    public static ParsedDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return new ParsedDate(Optional.empty(), true);
        }
        String cleaned = text.strip().replace('-', '/').replace('.', '/');
        try {
            return new ParsedDate(Optional.of(LocalDate.parse(cleaned, LENIENT)), true);
        } catch (DateTimeParseException e) {
            return new ParsedDate(Optional.empty(), false);
        }
    }

    /** A typed date: its value if any, and whether the text could be read. */
    public record ParsedDate(Optional<LocalDate> value, boolean valid) {
    }
}
