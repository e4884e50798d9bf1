package fr.convergence.terrain.hub.console.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** How long something has waited, as the console writes it: «&nbsp;depuis le 03/12/2026 (4&nbsp;jours)&nbsp;». */
final class Ages {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Ages() {
    }

    /** Whole days between {@code since} and {@code now}, in Paris days. */
    static long days(long since, long now) {
        return Math.max(0, ChronoUnit.DAYS.between(Instant.ofEpochMilli(since).atZone(PARIS).toLocalDate(),
                Instant.ofEpochMilli(now).atZone(PARIS).toLocalDate()));
    }

    /** «&nbsp;depuis le 03/12/2026 (4 jours)&nbsp;», «&nbsp;depuis aujourd’hui&nbsp;»; empty when unknown (null). */
    static String since(Long since, long now) {
        if (since == null) {
            return "";
        }
        long days = days(since, now);
        if (days == 0) {
            return "depuis aujourd’hui";
        }
        return "depuis le " + ConsoleWeb.date(since) + " (" + days + (days == 1 ? "\u00a0jour)" : "\u00a0jours)");
    }
}
