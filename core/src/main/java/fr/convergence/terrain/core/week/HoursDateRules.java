package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.core.verdict.Verdict;

import java.time.Clock;
import java.time.LocalDate;

/**
 * When hours may be logged: not before the entry, not after the exit, and not in a week that has not started
 * yet (days later in the current week are allowed, to plan the week). Today comes from a {@link Clock} so tests
 * and the hub can fix it.
 */
public final class HoursDateRules {

    private HoursDateRules() {
    }

    public static Verdict checkDay(Enrolment enrolment, LocalDate day, Clock clock) {
        if (day.isBefore(enrolment.entryDate())) {
            return Verdict.refused("Le " + Texts.date(day) + " précède l’entrée dans le parcours ("
                    + Texts.date(enrolment.entryDate()) + ")\u00a0: aucune heure ne peut y être saisie.");
        }
        if (enrolment.exitDate() != null && day.isAfter(enrolment.exitDate())) {
            return Verdict.refused("Le " + Texts.date(day) + " suit la sortie du parcours ("
                    + Texts.date(enrolment.exitDate()) + ")\u00a0: aucune heure ne peut y être saisie.");
        }
        IsoWeek week = IsoWeek.of(day);
        if (week.isAfter(IsoWeek.current(clock))) {
            return Verdict.refused("La " + week.label() + " n’a pas encore commencé\u00a0: "
                    + "les heures se saisissent jusqu’à la semaine en cours.");
        }
        return Verdict.ok();
    }
}
