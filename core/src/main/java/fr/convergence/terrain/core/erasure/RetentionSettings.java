package fr.convergence.terrain.core.erasure;

import fr.convergence.terrain.core.verdict.Verdict;
import java.time.LocalDate;

/**
 * How long a person's file is kept once their support is over (the end of their last enrolment and of the
 * follow-ups after it): archived after {@code archiveAfterMonths}, erased after {@code eraseAfterMonths}. The
 * defaults are the longest allowed ({@link #MAXIMUM}); an administrator may shorten them, never lengthen them.
 * Why these figures, and what in them is the project's choice rather than the CNIL's: docs/data-protection.md.
 */
public record RetentionSettings(int archiveAfterMonths, int eraseAfterMonths) {

    /**
     * The defaults and the ceiling, in one place. Archived 3 months after the support ended (time to close the
     * file), erased 24 months after: the active base of two years after the last contact of the CNIL's 2023
     * social-sector référentiel, as a published extract reports it; see the documentation for its status. The hub
     * archives files on this ceiling too (hub.sync.Archives).
     */
    public static final RetentionSettings MAXIMUM = new RetentionSettings(3, 24);
    public static final RetentionSettings DEFAULTS = MAXIMUM;

    /**
     * Whether a file whose support ended on {@code supportEnded} (null: it goes on) is archived on {@code day} —
     * archived or due for erasure, which never comes before archiving.
     */
    public boolean archivedOn(LocalDate supportEnded, LocalDate day) {
        return supportEnded != null && !day.isBefore(supportEnded.plusMonths(archiveAfterMonths));
    }

    /** Accepted if each duration is within 0 and the maximum, and a file is archived before it is erased. */
    public Verdict check() {
        if (archiveAfterMonths < 0 || eraseAfterMonths < 0) {
            return Verdict.refused("Une durée de conservation ne peut pas être négative.");
        }
        if (archiveAfterMonths > MAXIMUM.archiveAfterMonths) {
            return Verdict.refused("L’archivage ne peut pas être repoussé au-delà de " + MAXIMUM.archiveAfterMonths
                    + " mois après la fin de l’accompagnement\u00a0: la durée peut être raccourcie, pas allongée.");
        }
        if (eraseAfterMonths > MAXIMUM.eraseAfterMonths) {
            return Verdict.refused("L’effacement ne peut pas être repoussé au-delà de " + MAXIMUM.eraseAfterMonths
                    + " mois après la fin de l’accompagnement\u00a0: la durée peut être raccourcie, pas allongée.");
        }
        if (archiveAfterMonths > eraseAfterMonths) {
            return Verdict.refused("Un dossier est archivé avant d’être effacé\u00a0: la durée avant archivage doit "
                    + "être inférieure ou égale à la durée avant effacement.");
        }
        return Verdict.ok();
    }
}
