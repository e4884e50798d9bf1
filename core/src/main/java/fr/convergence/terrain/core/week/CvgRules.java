package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.core.verdict.Verdict;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * CVG rules: support lasts up to 5 years from entry (a warning from 4 years 6 months, to prepare the exit), and
 * after the exit the participant is contacted 1, 3, 6 and 12 months later.
 */
public final class CvgRules {

    public static final int SUPPORT_YEARS = 5;
    public static final int SUPPORT_WARNING_MONTHS = 54;
    public static final List<Integer> FOLLOW_UP_MONTHS = List.of(1, 3, 6, 12);

    private CvgRules() {
    }

    /** The last day of CVG support: entry date + 5 years. */
    public static LocalDate supportEnd(Enrolment enrolment) {
        return enrolment.entryDate().plusYears(SUPPORT_YEARS);
    }

    /**
     * Whether the CVG support may go on on {@code day} (a day of hours, or today to check the enrolment itself):
     * refused after entry + 5 years, a warning from entry + 4 years 6 months. OK for other programmes.
     */
    public static Verdict checkSupportOn(Enrolment enrolment, LocalDate day) {
        if (enrolment.programme() != Programme.CVG) {
            return Verdict.ok();
        }
        LocalDate end = supportEnd(enrolment);
        if (day.isAfter(end)) {
            return Verdict.refused("Le parcours CVG dure au plus 5 ans\u00a0: entré le "
                    + "" + Texts.date(enrolment.entryDate())
                    + ", il a pris fin le " + Texts.date(end) + ". Enregistrez la sortie.");
        }
        if (!day.isBefore(enrolment.entryDate().plusMonths(SUPPORT_WARNING_MONTHS))) {
            return Verdict.warning("Le parcours CVG atteint 5 ans le " + Texts.date(end)
                    + "\u00a0: préparez la sortie et le suivi qui la suit.");
        }
        return Verdict.ok();
    }

    /**
     * The follow-up contacts due after a CVG exit, at 1, 3, 6 and 12 months, not done yet and without an id
     * (the store gives them one when it saves them). Empty when the enrolment has no exit or is not CVG.
     */
    public static List<FollowUp> followUpsDue(Enrolment enrolment) {
        if (enrolment.programme() != Programme.CVG || enrolment.exitDate() == null) {
            return List.of();
        }
        return FOLLOW_UP_MONTHS.stream()
                .map(months -> new FollowUp(null, enrolment.id(), enrolment.participantId(), months,
                        enrolment.exitDate().plusMonths(months), null, null))
                .toList();
    }

    /** A follow-up not done whose due date is before today. */
    public static boolean overdue(FollowUp followUp, Clock clock) {
        return !followUp.done() && followUp.dueDate().isBefore(LocalDate.now(clock));
    }

    /** The overdue ones among {@code followUps}, in their order. */
    public static List<FollowUp> overdue(Collection<FollowUp> followUps, Clock clock) {
        return followUps.stream().filter(f -> overdue(f, clock)).toList();
    }
}
