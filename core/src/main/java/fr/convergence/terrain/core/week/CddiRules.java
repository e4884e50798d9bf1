package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.core.verdict.Verdict;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * CDDI rules: 20 h to 35 h a week (under 20 h only with a derogation of at most 12 months), a contract of
 * 4 to 24 months (up to 60 months with a recorded reason for the extension), and at most 35 h worked a week.
 * Checks on an enrolment that is not a CDDI say OK, so the enrolment form can call them whatever the contract.
 */
public final class CddiRules {

    public static final int MIN_WEEKLY_HOURS = 20;
    public static final int MAX_WEEKLY_HOURS = 35;
    public static final int MAX_DEROGATION_MONTHS = 12;
    public static final int DEROGATION_NOTICE_DAYS = 30;
    public static final int MIN_CONTRACT_MONTHS = 4;
    public static final int MAX_CONTRACT_MONTHS = 24;
    public static final int MAX_EXTENDED_CONTRACT_MONTHS = 60;

    private CddiRules() {
    }

    /** Hours and length of the contract, the derogation counted from the entry date. */
    public static Verdict checkContract(Enrolment enrolment, Clock clock) {
        return checkContract(enrolment, enrolment.entryDate(), clock);
    }

    /** Hours and length of the contract, the derogation counted from {@code derogationStart}. */
    public static Verdict checkContract(Enrolment enrolment, LocalDate derogationStart, Clock clock) {
        return Verdict.all(checkWeeklyHours(enrolment, derogationStart, clock), checkContractLength(enrolment));
    }

    /**
     * The contract's weekly hours: 20 to 35 h; under 20 h only with a derogation (kind and end date) ending at
     * most 12 months after {@code derogationStart} (the enrolment has no derogation start of its own: pass the
     * date the derogation was granted, or the entry date for a first contract). A derogation that has ended, or
     * ends within 30 days of today, is a warning so that it gets renewed in time.
     */
    public static Verdict checkWeeklyHours(Enrolment enrolment, LocalDate derogationStart, Clock clock) {
        if (enrolment.contractType() != ContractType.CDDI) {
            return Verdict.ok();
        }
        Integer hours = enrolment.weeklyHours();
        if (hours == null || hours <= 0) {
            return Verdict.refused("Indiquez la durée hebdomadaire du CDDI (entre 20 h et 35 h).");
        }
        if (hours > MAX_WEEKLY_HOURS) {
            return Verdict.refused("Un CDDI compte au plus 35 h par semaine\u00a0: " + hours + " h indiquées.");
        }
        if (hours >= MIN_WEEKLY_HOURS) {
            return Verdict.ok();
        }
        LocalDate end = enrolment.derogationEndDate();
        if (enrolment.derogationKind() == null || end == null) {
            return Verdict.refused("Un CDDI de moins de 20 h par semaine "
                    + "(" + hours + " h) demande une dérogation\u00a0: "
                    + "indiquez son type et sa date de fin, ou portez le contrat à 20 h au moins.");
        }
        if (end.isBefore(derogationStart)) {
            return Verdict.refused("La fin de la dérogation (" + Texts.date(end) + ") précède son début ("
                    + Texts.date(derogationStart) + ")\u00a0: corrigez la date de fin.");
        }
        LocalDate latestEnd = derogationStart.plusMonths(MAX_DEROGATION_MONTHS);
        if (end.isAfter(latestEnd)) {
            return Verdict.refused("Une dérogation dure au plus 12 mois\u00a0: commencée le "
                    + "" + Texts.date(derogationStart)
                    + ", elle doit finir le " + Texts.date(latestEnd) + " au plus tard.");
        }
        LocalDate today = LocalDate.now(clock);
        if (end.isBefore(today)) {
            return Verdict.warning("La dérogation à moins de 20 h a pris fin le " + Texts.date(end)
                    + "\u00a0: renouvelez-la ou portez le contrat à 20 h par semaine au moins.");
        }
        long daysLeft = ChronoUnit.DAYS.between(today, end);
        if (daysLeft <= DEROGATION_NOTICE_DAYS) {
            return Verdict.warning("La dérogation à moins de 20 h prend fin le " + Texts.date(end) + " (dans "
                    + daysLeft + " jours)\u00a0: préparez son renouvellement ou le passage à 20 h par semaine.");
        }
        return Verdict.ok();
    }

    /**
     * The contract's length, from the entry date to the contract end date included (entry on 01/03, end on
     * 30/06 is 4 months): at least 4 months, at most 24, or at most 60 with a reason for the extension.
     */
    public static Verdict checkContractLength(Enrolment enrolment) {
        if (enrolment.contractType() != ContractType.CDDI) {
            return Verdict.ok();
        }
        LocalDate entry = enrolment.entryDate();
        LocalDate end = enrolment.contractEndDate();
        if (end == null) {
            return Verdict.refused("Indiquez la date de fin du CDDI.");
        }
        if (end.isBefore(entry)) {
            return Verdict.refused("La fin du contrat (" + Texts.date(end) + ") précède l’entrée ("
                    + Texts.date(entry) + ")\u00a0: corrigez la date de fin.");
        }
        LocalDate earliestEnd = lastDayAfterMonths(entry, MIN_CONTRACT_MONTHS);
        if (end.isBefore(earliestEnd)) {
            return Verdict.refused("Un CDDI dure au moins 4 mois\u00a0: avec une entrée le " + Texts.date(entry)
                    + ", la fin du contrat doit être le " + Texts.date(earliestEnd) + " au plus tôt.");
        }
        LocalDate latestEnd = lastDayAfterMonths(entry, MAX_CONTRACT_MONTHS);
        if (!end.isAfter(latestEnd)) {
            return Verdict.ok();
        }
        LocalDate latestExtendedEnd = lastDayAfterMonths(entry, MAX_EXTENDED_CONTRACT_MONTHS);
        if (end.isAfter(latestExtendedEnd)) {
            return Verdict.refused("Même prolongé, un CDDI dure au plus 60 mois\u00a0: avec une entrée le "
                    + Texts.date(entry) + ", la fin doit être le " + Texts.date(latestExtendedEnd) + " au plus tard.");
        }
        String reason = enrolment.extensionReason();
        if (reason == null || reason.isBlank()) {
            return Verdict.refused("Un CDDI dure au plus 24 mois (fin le " + Texts.date(latestEnd)
                    + " au plus tard)\u00a0: pour aller au-delà, indiquez le motif de la prolongation.");
        }
        return Verdict.ok();
    }

    /** A week's worked minutes for a CDDI: at most 35 h. */
    public static Verdict checkWeek(int workedMinutes, IsoWeek week) {
        if (workedMinutes > MAX_WEEKLY_HOURS * 60) {
            return Verdict.refused("En CDDI, au plus 35 h travaillées par semaine\u00a0: " + Texts.hours(workedMinutes)
                    + " saisies pour la " + week.label() + ". Réduisez les heures de la semaine.");
        }
        return Verdict.ok();
    }

    private static LocalDate lastDayAfterMonths(LocalDate entry, int months) {
        return entry.plusMonths(months).minusDays(1);
    }
}
