package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.fixtures.Fixtures;
import fr.convergence.terrain.core.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static fr.convergence.terrain.core.domain.HoursKind.ABSENCE_JUSTIFIEE;
import static fr.convergence.terrain.core.domain.HoursKind.ENTREPRISE;
import static fr.convergence.terrain.core.domain.HoursKind.FORMATION;
import static fr.convergence.terrain.core.domain.HoursKind.TRAVAIL_CHANTIER;
import static fr.convergence.terrain.core.fixtures.Fixtures.cddi;
import static fr.convergence.terrain.core.fixtures.Fixtures.clockOn;
import static fr.convergence.terrain.core.fixtures.Fixtures.date;
import static fr.convergence.terrain.core.fixtures.Fixtures.hours;
import static fr.convergence.terrain.core.fixtures.Fixtures.phc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeekHoursCheckTest {

    private static final LocalDate MONDAY = date(2026, 3, 16);
    private static final LocalDate TUESDAY = date(2026, 3, 17);
    /** Today: Wednesday of week 12. */
    private static final LocalDate WEDNESDAY = date(2026, 3, 18);

    private final WeekHoursCheck check = new WeekHoursCheck(clockOn(WEDNESDAY));
    private final Enrolment phcEnrolment = phc(date(2026, 1, 5)).build();
    private final List<PhcStep> eightHours = List.of(new PhcStep("s1", "e-1", 4, date(2026, 1, 5)),
            new PhcStep("s2", "e-1", 8, date(2026, 3, 2)));
    private final List<HoursEntry> fourHoursMondayAndTuesday = List.of(
            hours(MONDAY, TRAVAIL_CHANTIER, 120), hours(TUESDAY, TRAVAIL_CHANTIER, 120));

    @Test
    void aValueWithinEveryLimitIsOk() {
        Verdict verdict = check.check(phcEnrolment, eightHours, fourHoursMondayAndTuesday,
                hours(WEDNESDAY, TRAVAIL_CHANTIER, 240));

        assertThat(verdict.isOk()).as(verdict.text()).isTrue();
    }

    @Test
    void exceedingThePhcStepTargetWarnsButSaves() {
        Verdict verdict = check.check(phcEnrolment, eightHours, fourHoursMondayAndTuesday,
                hours(WEDNESDAY, TRAVAIL_CHANTIER, 300));

        assertThat(verdict.isWarning()).isTrue();
        assertThat(verdict.saveAllowed()).isTrue();
        assertThat(verdict.text()).contains("Palier de 8 h", "9 h");
    }

    @Test
    void phcWeekAboveTwentyHoursIsRefused() {
        List<HoursEntry> week = List.of(hours(MONDAY, TRAVAIL_CHANTIER, 600), hours(TUESDAY, TRAVAIL_CHANTIER, 540));

        Verdict verdict = check.check(phcEnrolment, eightHours, week, hours(WEDNESDAY, FORMATION, 120));

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.text()).contains("au plus 20 h", "21 h");
    }

    @Test
    void cddiWeekAboveThirtyFiveHoursIsRefused() {
        Enrolment cddi = cddi(date(2026, 1, 5), 35).build();
        List<HoursEntry> week = List.of(hours(MONDAY, TRAVAIL_CHANTIER, 600), hours(TUESDAY, TRAVAIL_CHANTIER, 600),
                hours(date(2026, 3, 19), TRAVAIL_CHANTIER, 600));

        assertThat(check.check(cddi, List.of(), week, hours(WEDNESDAY, TRAVAIL_CHANTIER, 300)).isOk()).isTrue();
        Verdict verdict = check.check(cddi, List.of(), week, hours(WEDNESDAY, TRAVAIL_CHANTIER, 360));
        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.text()).contains("35 h", "36 h");
    }

    @Test
    void workedKindsOfTheSameDayAddUpToTenHoursAtMost() {
        Enrolment cddi = cddi(date(2026, 1, 5), 26).build();

        Verdict verdict = check.check(cddi, List.of(), List.of(hours(WEDNESDAY, ENTREPRISE, 240)),
                hours(WEDNESDAY, TRAVAIL_CHANTIER, 420));

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.messages()).contains("Au plus 10 h travaillées par jour\u00a0: 11 h saisies le 18/03/2026.");
    }

    @Test
    void theNewValueReplacesTheStoredCellInsteadOfAddingToIt() {
        Enrolment cddi = cddi(date(2026, 1, 5), 26).build();

        Verdict verdict = check.check(cddi, List.of(), List.of(hours(WEDNESDAY, TRAVAIL_CHANTIER, 600)),
                hours(WEDNESDAY, TRAVAIL_CHANTIER, 480));

        assertThat(verdict.isOk()).as(verdict.text()).isTrue();
    }

    @Test
    void absencesDoNotCountTowardsWorkedLimits() {
        Enrolment cddi = cddi(date(2026, 1, 5), 26).build();

        Verdict verdict = check.check(cddi, List.of(), List.of(hours(WEDNESDAY, TRAVAIL_CHANTIER, 600)),
                hours(WEDNESDAY, ABSENCE_JUSTIFIEE, 120));

        assertThat(verdict.isOk()).as(verdict.text()).isTrue();
    }

    @Test
    void entriesOfOtherParticipantsAndOtherWeeksAreIgnored() {
        Enrolment cddi = cddi(date(2026, 1, 5), 35).build();
        List<HoursEntry> noise = List.of(
                new HoursEntry("x", "someone-else", Fixtures.WORKSITE, MONDAY, TRAVAIL_CHANTIER, 600),
                hours(date(2026, 3, 13), TRAVAIL_CHANTIER, 600), hours(date(2026, 3, 12), TRAVAIL_CHANTIER, 600),
                hours(date(2026, 3, 11), TRAVAIL_CHANTIER, 600), hours(date(2026, 3, 10), TRAVAIL_CHANTIER, 600));

        assertThat(check.check(cddi, List.of(), noise, hours(WEDNESDAY, TRAVAIL_CHANTIER, 600)).isOk()).isTrue();
    }

    @Test
    void hoursInAFutureWeekOrBeforeEntryAreRefused() {
        assertThat(check.check(phcEnrolment, eightHours, List.of(), hours(date(2026, 3, 23), TRAVAIL_CHANTIER, 60))
                .isRefused()).isTrue();
        assertThat(check.check(phcEnrolment, eightHours, List.of(), hours(date(2026, 1, 2), ABSENCE_JUSTIFIEE, 60))
                .isRefused()).isTrue();
    }

    @Test
    void emptyingACellIsAlwaysAllowed() {
        Verdict verdict = check.check(phcEnrolment, eightHours, List.of(hours(date(2026, 1, 2), TRAVAIL_CHANTIER, 60)),
                hours(date(2026, 1, 2), TRAVAIL_CHANTIER, 0));

        assertThat(verdict.isOk()).isTrue();
    }

    @Test
    void cvgHoursAfterFiveYearsAreRefused() {
        Enrolment cvg = cddi(date(2021, 3, 1), 26).contractEndDate(date(2026, 2, 28))
                .extensionReason("Parcours CVG").build();

        Verdict verdict = check.check(cvg, List.of(), List.of(), hours(date(2026, 3, 2), TRAVAIL_CHANTIER, 420));

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.text()).contains("5 ans");
    }

    @Test
    void severalProblemsAreReportedTogether() {
        Verdict verdict = check.check(phcEnrolment, eightHours, List.of(),
                hours(date(2026, 3, 24), TRAVAIL_CHANTIER, 660));

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.messages()).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("pas encore commencé"))
                .anySatisfy(m -> assertThat(m).contains("Au plus 10 h"))
                .anySatisfy(m -> assertThat(m).contains("Palier de 8 h"));
    }

    @Test
    void aConfiguredLadderSetsTheTargetWhenNoStepIsRecorded() {
        WeekHoursCheck withTwoHourStart = new WeekHoursCheck(clockOn(WEDNESDAY), PhcStepLadder.of(2, 4, 8, 20));

        assertThat(withTwoHourStart.check(phcEnrolment, List.of(), List.of(), hours(WEDNESDAY, TRAVAIL_CHANTIER, 180))
                .isWarning()).isTrue();
        assertThat(check.check(phcEnrolment, List.of(), List.of(), hours(WEDNESDAY, TRAVAIL_CHANTIER, 180))
                .isOk()).isTrue();
    }

    @Test
    void typedValuesAreReadThenChecked() {
        HoursCell.Typed offQuarter = HoursCell.read("6,3").orElseThrow();
        HoursCell.Typed fine = HoursCell.read("2 h 30").orElseThrow();
        HoursCell.Typed tooMuch = HoursCell.read("4,5").orElseThrow();

        assertThat(offQuarter.hours().saveAllowed()).isFalse();
        assertThat(fine.hours().minutes()).isEqualTo(150);
        assertThat(check.check(phcEnrolment, eightHours, List.of(), hours(WEDNESDAY, fine.kind(), 150)).isOk())
                .isTrue();
        assertThat(tooMuch.hours().minutes()).isEqualTo(270);
        assertThat(check.check(phcEnrolment, eightHours, fourHoursMondayAndTuesday,
                hours(WEDNESDAY, tooMuch.kind(), 270)).isWarning()).isTrue();
    }

    @Test
    void hoursOfAnotherParticipantAreAProgrammingError() {
        HoursEntry other = new HoursEntry(null, "someone-else", Fixtures.WORKSITE, WEDNESDAY, TRAVAIL_CHANTIER, 60);

        assertThatThrownBy(() -> check.check(phcEnrolment, eightHours, List.of(), other))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
