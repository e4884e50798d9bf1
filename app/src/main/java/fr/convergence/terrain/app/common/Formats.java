package fr.convergence.terrain.app.common;

import fr.convergence.terrain.core.text.TypedDate;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as users read and type them: dd/MM/yyyy (also d/M/yyyy), read strictly by {@link TypedDate}. */
public final class Formats {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** A moment shown to a person: day and time to the minute. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private Formats() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    /** Empty for a blank text; an unreadable text or a day that does not exist is not {@code valid()}. */
    public static TypedDate parseDate(String text) {
        return TypedDate.parse(text);
    }

    /** What to show under the field labelled {@code label} when {@code typed} was refused, in the interface's language. */
    public static String dateProblem(TypedDate parsed, String label, String typed) {
        String key = parsed.reading() == TypedDate.Reading.IMPOSSIBLE ? "form.impossibleDate" : "form.badDate";
        return I18n.t(key, label, typed == null ? "" : typed.strip());
    }
}
