package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.domain.DerogationKind;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;

import static fr.convergence.terrain.core.fixtures.Fixtures.cddi;
import static fr.convergence.terrain.core.fixtures.Fixtures.clockOn;
import static fr.convergence.terrain.core.fixtures.Fixtures.date;
import static fr.convergence.terrain.core.fixtures.Fixtures.phc;
import static org.assertj.core.api.Assertions.assertThat;

class CddiRulesTest {

    private static final LocalDate ENTRY = date(2026, 1, 5);
    private static final Clock TODAY = clockOn(date(2026, 3, 18));

    @Test
    void contractHoursFromTwentyToThirtyFiveAreAccepted() {
        assertThat(CddiRules.checkWeeklyHours(cddi(ENTRY, 20).build(), ENTRY, TODAY).isOk()).isTrue();
        assertThat(CddiRules.checkWeeklyHours(cddi(ENTRY, 35).build(), ENTRY, TODAY).isOk()).isTrue();
    }

    @Test
    void contractAboveThirtyFiveHoursIsRefused() {
        Verdict verdict = CddiRules.checkWeeklyHours(cddi(ENTRY, 36).build(), ENTRY, TODAY);

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.text()).contains("35 h", "36 h");
    }

    @Test
    void underTwentyHoursNeedsARecordedDerogation() {
        Verdict without = CddiRules.checkWeeklyHours(cddi(ENTRY, 15).build(), ENTRY, TODAY);
        Verdict with = CddiRules.checkWeeklyHours(
                cddi(ENTRY, 15).derogation(DerogationKind.INDIVIDUELLE, date(2026, 12, 31)).build(), ENTRY, TODAY);

        assertThat(without.isRefused()).isTrue();
        assertThat(without.text()).contains("dérogation");
        assertThat(with.isOk()).isTrue();
    }

    @Test
    void aDerogationLastsAtMostTwelveMonthsFromItsStart() {
        Enrolment enrolment = cddi(ENTRY, 15).derogation(DerogationKind.COLLECTIVE, date(2027, 1, 6)).build();

        Verdict fromEntry = CddiRules.checkWeeklyHours(enrolment, ENTRY, TODAY);
        assertThat(fromEntry.isRefused()).isTrue();
        assertThat(fromEntry.text()).contains("12 mois", "05/01/2027");
        assertThat(CddiRules.checkWeeklyHours(enrolment, date(2026, 2, 1), TODAY).isOk()).isTrue();
    }

    @Test
    void aDerogationExpiringWithinThirtyDaysWarns() {
        Enrolment enrolment = cddi(ENTRY, 15).derogation(DerogationKind.INDIVIDUELLE, date(2026, 4, 10)).build();

        Verdict verdict = CddiRules.checkWeeklyHours(enrolment, ENTRY, TODAY);

        assertThat(verdict.isWarning()).isTrue();
        assertThat(verdict.text()).contains("10/04/2026", "dans 23 jours");
    }

    @Test
    void anExpiredDerogationWarns() {
        Enrolment enrolment = cddi(ENTRY, 15).derogation(DerogationKind.INDIVIDUELLE, date(2026, 3, 1)).build();

        Verdict verdict = CddiRules.checkWeeklyHours(enrolment, ENTRY, TODAY);

        assertThat(verdict.isWarning()).isTrue();
        assertThat(verdict.text()).contains("a pris fin le 01/03/2026", "renouvelez");
    }

    @Test
    void aContractLastsAtLeastFourMonths() {
        Verdict tooShort = CddiRules.checkContractLength(cddi(ENTRY, 26).contractEndDate(date(2026, 5, 3)).build());
        Verdict fourMonths = CddiRules.checkContractLength(cddi(ENTRY, 26).contractEndDate(date(2026, 5, 4)).build());

        assertThat(tooShort.isRefused()).isTrue();
        assertThat(tooShort.text()).contains("4 mois", "04/05/2026");
        assertThat(fourMonths.isOk()).isTrue();
    }

    @Test
    void beyondTwentyFourMonthsNeedsAnExtensionReason() {
        LocalDate thirtyMonthsLater = ENTRY.plusMonths(30).minusDays(1);

        assertThat(CddiRules.checkContractLength(cddi(ENTRY, 26).contractEndDate(ENTRY.plusMonths(24).minusDays(1))
                .build()).isOk()).isTrue();
        Verdict noReason = CddiRules.checkContractLength(cddi(ENTRY, 26).contractEndDate(thirtyMonthsLater)
                .extensionReason("  ").build());
        assertThat(noReason.isRefused()).isTrue();
        assertThat(noReason.text()).contains("24 mois", "motif");
        assertThat(CddiRules.checkContractLength(cddi(ENTRY, 26).contractEndDate(thirtyMonthsLater)
                .extensionReason("Formation qualifiante en cours").build()).isOk()).isTrue();
    }

    @Test
    void evenExtendedAContractLastsAtMostSixtyMonths() {
        Enrolment enrolment = cddi(ENTRY, 26).contractEndDate(ENTRY.plusMonths(60))
                .extensionReason("Personne de plus de 50 ans").build();

        assertThat(CddiRules.checkContractLength(enrolment).isRefused()).isTrue();
    }

    @Test
    void aContractNeedsAnEndDate() {
        assertThat(CddiRules.checkContractLength(cddi(ENTRY, 26).contractEndDate(null).build()).isRefused()).isTrue();
    }

    @Test
    void checkContractReportsHoursAndLengthTogether() {
        Verdict verdict = CddiRules.checkContract(cddi(ENTRY, 40).contractEndDate(date(2026, 2, 1)).build(), TODAY);

        assertThat(verdict.messages()).hasSize(2);
    }

    @Test
    void phcContractsAreNotHeldToCddiRules() {
        assertThat(CddiRules.checkContract(phc(ENTRY).build(), TODAY).isOk()).isTrue();
    }

    @Test
    void workedHoursAboveThirtyFiveAWeekAreRefusedForCddi() {
        IsoWeek week = IsoWeek.of(date(2026, 3, 18));

        assertThat(CddiRules.checkWeek(35 * 60, week).isOk()).isTrue();
        assertThat(CddiRules.checkWeek(35 * 60 + 15, week).isRefused()).isTrue();
    }
}
