package fr.convergence.terrain.core.rules;

import fr.convergence.terrain.core.domain.HoursEntry;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Rules on hours values themselves: quarter hours only, and at most 10 h worked a day (all worked kinds of
 * the day together: chantier, entreprise, formation). Absences do not count as worked.
 */
public final class HoursRules {

    public static final int QUARTER_HOUR = 15;
    public static final int MAX_MINUTES_PER_CELL = 24 * 60;
    public static final int MAX_WORKED_MINUTES_PER_DAY = 10 * 60;

    private HoursRules() {
    }

    /** One cell's value: at least 0, a multiple of 15 minutes, and no more than a day. */
    public static Verdict checkMinutes(int minutes) {
        if (minutes < 0) {
            return Verdict.refused("Les heures ne peuvent pas être négatives : pour effacer la case, "
                    + "laissez-la vide ou saisissez 0.");
        }
        if (minutes % QUARTER_HOUR != 0) {
            return Verdict.refused("Les heures se saisissent au quart d'heure près : " + Texts.hours(minutes)
                    + " ne tombe pas sur un quart d'heure. " + quarterHint(minutes));
        }
        if (minutes > MAX_MINUTES_PER_CELL) {
            return Verdict.refused("Une journée compte au plus 24 h : " + Texts.hours(minutes) + " saisies.");
        }
        return Verdict.ok();
    }

    /** "Saisissez par exemple 6 h 15 ou 6 h 30." around a value that is not on a quarter hour. */
    static String quarterHint(int minutes) {
        int below = minutes / QUARTER_HOUR * QUARTER_HOUR;
        return "Saisissez par exemple " + Texts.hours(below) + " ou " + Texts.hours(below + QUARTER_HOUR) + ".";
    }

    /** The worked hours of one day, all worked kinds together: at most 10 h. */
    public static Verdict checkDailyWorked(LocalDate day, int workedMinutes) {
        if (workedMinutes > MAX_WORKED_MINUTES_PER_DAY) {
            return Verdict.refused("Au plus 10 h travaillées par jour : " + Texts.hours(workedMinutes)
                    + " saisies le " + Texts.date(day) + ".");
        }
        return Verdict.ok();
    }

    /** The sum of the worked kinds among {@code entries} (absences left out). */
    public static int workedMinutes(Collection<HoursEntry> entries) {
        return entries.stream().filter(e -> e.kind().worked()).mapToInt(HoursEntry::minutes).sum();
    }

    /** The sum of the worked kinds among {@code entries} on {@code day}. */
    public static int workedMinutesOn(Collection<HoursEntry> entries, LocalDate day) {
        return entries.stream()
                .filter(e -> e.day().equals(day) && e.kind().worked())
                .mapToInt(HoursEntry::minutes)
                .sum();
    }
}
