package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.core.verdict.Verdict;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Rules on the hours of a day: at most 10 h worked (all worked kinds of the day together: chantier, entreprise,
 * formation). Absences do not count as worked. One cell's own bounds are {@link HoursCell}'s.
 */
public final class HoursRules {

    public static final int MAX_WORKED_MINUTES_PER_DAY = 10 * 60;

    private HoursRules() {
    }

    /** The worked hours of one day, all worked kinds together: at most 10 h. */
    public static Verdict checkDailyWorked(LocalDate day, int workedMinutes) {
        if (workedMinutes > MAX_WORKED_MINUTES_PER_DAY) {
            return Verdict.refused("Au plus 10 h travaillées par jour\u00a0: " + Texts.hours(workedMinutes)
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
