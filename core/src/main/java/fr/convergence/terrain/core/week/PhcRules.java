package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.core.verdict.Verdict;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * PHC weekly hours: 0 to 20 h worked a week. Going over the current step's target is allowed with a warning
 * (the step is a goal, not a cap: the ESP may decide to move up), going over 20 h is refused.
 */
public final class PhcRules {

    public static final int MAX_WEEKLY_HOURS = 20;

    private PhcRules() {
    }

    /**
     * The step in force on {@code day}: the latest step that started on or before it (on the same start date,
     * the one listed last). The steps are the enrolment's history; none is ever overwritten.
     */
    public static Optional<PhcStep> stepOn(Collection<PhcStep> steps, LocalDate day) {
        PhcStep current = null;
        for (PhcStep step : steps) {
            if (!step.startDate().isAfter(day) && (current == null || !step.startDate().isBefore(current.startDate()))) {
                current = step;
            }
        }
        return Optional.ofNullable(current);
    }

    /**
     * The weekly target of {@code week}, in hours: the step in force on the week's Sunday (so a step that starts
     * mid-week applies to the whole week), or the ladder's first step when no step is recorded yet.
     */
    public static int targetHours(Collection<PhcStep> steps, IsoWeek week, PhcStepLadder ladder) {
        return stepOn(steps, week.sunday()).map(PhcStep::targetHours).orElse(ladder.first());
    }

    /** A week's worked minutes against the 20 h maximum (refused) and the step target (warning). */
    public static Verdict checkWeek(int workedMinutes, int targetHours, IsoWeek week) {
        if (workedMinutes > MAX_WEEKLY_HOURS * 60) {
            return Verdict.refused("En Premières Heures, au plus 20 h travaillées par semaine\u00a0: "
                    + Texts.hours(workedMinutes) + " saisies pour la " + week.label()
                    + ". Réduisez les heures de la semaine.");
        }
        if (workedMinutes > targetHours * 60) {
            return Verdict.warning("Palier de " + targetHours + " h dépassé\u00a0: " + Texts.hours(workedMinutes)
                    + " travaillées pour la " + week.label()
                    + ". C’est enregistré\u00a0; si la personne est prête, passez-la au palier suivant.");
        }
        return Verdict.ok();
    }

    /** A new step: its target must be between 1 and 20 h and it must have a start date. */
    public static Verdict checkStep(PhcStep step) {
        if (step.startDate() == null) {
            return Verdict.refused("Indiquez la date de début du palier.");
        }
        if (step.targetHours() < 1 || step.targetHours() > MAX_WEEKLY_HOURS) {
            return Verdict.refused("Un palier PHC vise entre 1 h et 20 h par semaine\u00a0: " + step.targetHours()
                    + " h demandées.");
        }
        return Verdict.ok();
    }
}
