package fr.convergence.terrain.core.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** How rules write dates and hours in their French messages, so every message reads the same way. */
final class Texts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Texts() {
    }

    static String date(LocalDate day) {
        return day.format(DATE);
    }

    static String hours(int minutes) {
        return HoursFormat.format(minutes);
    }
}
