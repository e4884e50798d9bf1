package fr.convergence.terrain.core.participant;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.core.verdict.Verdict;

/**
 * Recording an exit: an exit date on or after the entry date, an exit category, and a reason of that category,
 * because IAE reporting counts exits by category and reason.
 */
public final class ExitRules {

    private ExitRules() {
    }

    /** The enrolment with its exit fields filled in; every missing or inconsistent field is reported at once. */
    public static Verdict checkExit(Enrolment enrolment) {
        Verdict date;
        if (enrolment.exitDate() == null) {
            date = Verdict.refused("Indiquez la date de sortie.");
        } else if (enrolment.exitDate().isBefore(enrolment.entryDate())) {
            date = Verdict.refused("La sortie "
                    + "(" + Texts.date(enrolment.exitDate()) + ") ne peut pas précéder l’entrée ("
                    + Texts.date(enrolment.entryDate()) + ")\u00a0: corrigez la date de sortie.");
        } else {
            date = Verdict.ok();
        }
        Verdict category = enrolment.exitCategory() == null
                ? Verdict.refused("Choisissez le type de sortie.")
                : Verdict.ok();
        Verdict reason;
        if (enrolment.exitReason() == null) {
            reason = Verdict.refused("Choisissez le motif de sortie.");
        } else if (enrolment.exitCategory() != null && enrolment.exitReason().category() != enrolment.exitCategory()) {
            reason = Verdict.refused("Le motif «\u00a0" + enrolment.exitReason().label() + "\u00a0» relève de «\u00a0"
                    + enrolment.exitReason().category().label() + "\u00a0», pas de "
                    + "«\u00a0" + enrolment.exitCategory().label()
                    + "\u00a0»\u00a0: choisissez un autre motif ou changez le type de sortie.");
        } else {
            reason = Verdict.ok();
        }
        return Verdict.all(date, category, reason);
    }
}
