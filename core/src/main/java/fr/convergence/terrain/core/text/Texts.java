package fr.convergence.terrain.core.text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** How dates and hours are written in French, in messages and on screen, so every text reads the same way. */
public final class Texts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Texts() {
    }

    /** 18/03/2026. */
    public static String date(LocalDate day) {
        return day.format(DATE);
    }

    /** 390 → "6 h 30", 360 → "6 h", 45 → "0 h 45", 0 → "0 h". */
    public static String hours(int minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("Negative duration: " + minutes);
        }
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (rest == 0) {
            return hours + " h";
        }
        return hours + " h " + (rest < 10 ? "0" + rest : Integer.toString(rest));
    }
}
