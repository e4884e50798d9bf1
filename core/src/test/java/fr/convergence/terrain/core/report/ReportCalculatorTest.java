package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.week.PhcStepLadder;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

/**
 * Every figure on a hand-made worksite over the first quarter of 2026, computed on 18 March 2026. The people:
 * A: PHC since November, moved to a CDDI (transition on 27/02, CDDI from 02/03);
 * B: CDDI from 12/01, left on 06/03 for a lasting job; C: PHC from 02/02, 6 h since 09/03;
 * D: CDDI that ended before the quarter; E: PHC that left on 30/01 (positive exit); F: enters after the quarter;
 * G: PHC from 16/03 with no step recorded yet; I: CDDI that left on 13/02 ("autre sortie");
 * H: on another worksite, outside the scope.
 */
class ReportCalculatorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
    static final ReportPeriod Q1 = new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
    static final String W1 = "w1";
    static final List<Enrolment> ENROLMENTS = new ArrayList<>();
    static final Map<String, List<PhcStep>> STEPS = new HashMap<>();
    /** The quarter's report, shared with {@link ReportCsvTest}. */
    static final Report REPORT;

    static {
        phc("A", d(2025, 11, 3), d(2026, 2, 27), null, 4, d(2025, 11, 3), 6, d(2025, 12, 8), 8, d(2026, 1, 19));
        cddi("A", d(2026, 3, 2), null, null);
        cddi("B", d(2026, 1, 12), d(2026, 3, 6), ExitReason.CDI);
        phc("C", d(2026, 2, 2), null, null, 4, d(2026, 2, 2), 6, d(2026, 3, 9));
        cddi("D", d(2024, 5, 1), d(2025, 12, 31), reason(ExitCategory.AUTRE_SORTIE));
        phc("E", d(2025, 6, 2), d(2026, 1, 30), reason(ExitCategory.SORTIE_POSITIVE), 4, d(2025, 6, 2), 12,
                d(2026, 1, 5));
        cddi("F", d(2026, 4, 6), null, null);
        phc("G", d(2026, 3, 16), null, null);
        cddi("I", d(2025, 9, 1), d(2026, 2, 13), reason(ExitCategory.AUTRE_SORTIE));
        ENROLMENTS.add(new Enrolment("H-cddi", "H", "w2", Programme.CVG, ContractType.CDDI, d(2026, 1, 5), null, 26,
                null, null, null, null, null, null));
        List<MonthlyMinutes> hours = List.of(
                new MonthlyMinutes(YearMonth.of(2026, 1), HoursKind.TRAVAIL_CHANTIER, 600),
                new MonthlyMinutes(YearMonth.of(2026, 1), HoursKind.ABSENCE_JUSTIFIEE, 120),
                new MonthlyMinutes(YearMonth.of(2026, 2), HoursKind.FORMATION, 90),
                new MonthlyMinutes(YearMonth.of(2026, 2), HoursKind.TRAVAIL_CHANTIER, 30),
                new MonthlyMinutes(YearMonth.of(2026, 2), HoursKind.TRAVAIL_CHANTIER, 15));
        REPORT = ReportCalculator.compute(ReportScope.worksite(W1, "Chantier 1"), List.of(W1), Q1, TODAY,
                ENROLMENTS, STEPS, hours, PhcStepLadder.DEFAULT);
    }

    @Test
    void fileActiveCountsEachPersonFollowedDuringThePeriodOnce() {
        ActiveCaseload caseload = REPORT.activeCaseload();

        assertThat(caseload.total()).isEqualTo(6);
        assertThat(caseload.byProgramme()).containsEntry(Programme.PHC, 4).containsEntry(Programme.CVG, 3);
        assertThat(caseload.onDay()).isEqualTo(TODAY);
        assertThat(caseload.presentOn()).isEqualTo(3);
        assertThat(caseload.byMonth()).containsExactly(entry(YearMonth.of(2026, 1), 4), entry(YearMonth.of(2026, 2), 4),
                entry(YearMonth.of(2026, 3), 4));
    }

    /** Dates as far as a typed year allows count as the period's ends (the months are counted by index). */
    @Test
    void anEnrolmentFromTheFarPastToTheFarFutureIsActiveEveryMonth() {
        Enrolment forever = new Enrolment("Z-cddi", "Z", W1, Programme.CVG, ContractType.CDDI, LocalDate.MIN,
                LocalDate.MAX, 26, null, null, null, null, null, null);

        ActiveCaseload caseload = ReportCalculator.activeCaseload(List.of(forever), Q1, TODAY);

        assertThat(caseload.byMonth()).containsExactly(entry(YearMonth.of(2026, 1), 1), entry(YearMonth.of(2026, 2), 1),
                entry(YearMonth.of(2026, 3), 1));
    }

    @Test
    void aCddiThatFollowsAPhcContractIsNotAnEntryAndTheTransitionIsNotAnExit() {
        EntriesAndExits flows = REPORT.entriesAndExits();

        assertThat(flows.entries()).isEqualTo(3);
        assertThat(flows.entriesByProgramme()).containsEntry(Programme.PHC, 2).containsEntry(Programme.CVG, 1);
        assertThat(flows.exits()).isEqualTo(3);
        assertThat(flows.exitsByProgramme()).containsEntry(Programme.PHC, 1).containsEntry(Programme.CVG, 2);
        assertThat(flows.byMonth()).containsExactly(
                entry(YearMonth.of(2026, 1), new EntriesAndExits.Flow(1, 1)),
                entry(YearMonth.of(2026, 2), new EntriesAndExits.Flow(1, 1)),
                entry(YearMonth.of(2026, 3), new EntriesAndExits.Flow(1, 1)));
    }

    @Test
    void exitsAreCountedByCategoryWithTheShareOfDynamicExits() {
        ExitsByCategory exits = REPORT.exitsByCategory();

        assertThat(exits.counts()).containsOnlyKeys(ExitCategory.values());
        assertThat(exits.counts()).containsEntry(ExitCategory.EMPLOI_DURABLE, 1)
                .containsEntry(ExitCategory.SORTIE_POSITIVE, 1).containsEntry(ExitCategory.AUTRE_SORTIE, 1)
                .containsEntry(ExitCategory.EMPLOI_TRANSITION, 0);
        assertThat(exits.total()).isEqualTo(REPORT.entriesAndExits().exits());
        assertThat(exits.dynamicRate()).isCloseTo(66.67, within(0.01));
    }

    @Test
    void phcStepsAreTheStepsInForceOnTheReportDayWithTheFirstStepWhenNoneIsRecorded() {
        PhcStepDistribution steps = REPORT.phcSteps();

        assertThat(steps.onDay()).isEqualTo(TODAY);
        assertThat(steps.byTargetHours()).containsExactly(entry(4, 1), entry(6, 1), entry(8, 0), entry(12, 0),
                entry(16, 0), entry(20, 0));
    }

    @Test
    void phcToCddiTransitionsAreCountedAgainstEveryPhcContractThatEnded() {
        PhcToCddiTransitions transitions = REPORT.phcToCddi();

        assertThat(transitions.transitions()).isEqualTo(1);
        assertThat(transitions.phcEnds()).isEqualTo(2);
        assertThat(transitions.rate()).isEqualTo(50.0);
        assertThat(transitions.byMonth()).containsEntry(YearMonth.of(2026, 2), 1).containsEntry(YearMonth.of(2026, 1), 0);
    }

    @Test
    void monthlyHoursSumWorkedKindsOnlyWithEveryMonthOfThePeriod() {
        MonthlyHours hours = REPORT.hours();

        assertThat(hours.minutes()).containsOnlyKeys(YearMonth.of(2026, 1), YearMonth.of(2026, 2),
                YearMonth.of(2026, 3));
        assertThat(hours.totalMinutes(YearMonth.of(2026, 1))).isEqualTo(600);
        assertThat(hours.minutes().get(YearMonth.of(2026, 2))).containsEntry(HoursKind.TRAVAIL_CHANTIER, 45L)
                .containsEntry(HoursKind.FORMATION, 90L).doesNotContainKey(HoursKind.ABSENCE_JUSTIFIEE);
        assertThat(hours.totalMinutes(YearMonth.of(2026, 3))).isZero();
        assertThat(hours.totalMinutes()).isEqualTo(735);
    }

    @Test
    void fullTimeEquivalentsDivideWorkedHoursBy1820HoursAYearProratedToTheMonthsOfThePeriod() {
        // 735 worked minutes over a quarter: 12 h 15 ÷ (1,820 h × 3 ÷ 12 = 455 h).
        assertThat(REPORT.hours().fullTimeEquivalents()).isCloseTo(12.25 / 455, within(1e-9));

        Report year = ReportCalculator.compute(ReportScope.worksite(W1, "Chantier 1"), List.of(W1),
                ReportPeriod.year(2026), TODAY, ENROLMENTS, STEPS,
                List.of(new MonthlyMinutes(YearMonth.of(2026, 5), HoursKind.TRAVAIL_CHANTIER, 1820 * 60),
                        new MonthlyMinutes(YearMonth.of(2026, 6), HoursKind.ABSENCE_JUSTIFIEE, 600)),
                PhcStepLadder.DEFAULT);
        assertThat(year.hours().fullTimeEquivalents()).isEqualTo(1.0);
        Report may = ReportCalculator.compute(ReportScope.worksite(W1, "Chantier 1"), List.of(W1),
                ReportPeriod.month(YearMonth.of(2026, 5)), TODAY, ENROLMENTS, STEPS,
                List.of(new MonthlyMinutes(YearMonth.of(2026, 5), HoursKind.FORMATION, 9100)), PhcStepLadder.DEFAULT);
        // 151 h 40 in a month is one full-time equivalent.
        assertThat(may.hours().fullTimeEquivalents()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aPeriodThatIsOverIsReportedOnItsLastDay() {
        Report january = ReportCalculator.compute(ReportScope.worksite(W1, "Chantier 1"), List.of(W1),
                ReportPeriod.month(YearMonth.of(2026, 1)), TODAY, ENROLMENTS, STEPS, List.of(), PhcStepLadder.DEFAULT);

        assertThat(january.activeCaseload().onDay()).isEqualTo(d(2026, 1, 31));
        assertThat(january.activeCaseload().presentOn()).isEqualTo(3);
        assertThat(january.phcSteps().byTargetHours()).containsEntry(8, 1).containsEntry(4, 0);
        assertThat(january.exitsByCategory().total()).isEqualTo(1);
        assertThat(january.phcToCddi().rate()).isEqualTo(0.0);
    }

    @Test
    void anEmptyScopeGivesZerosAndNoRates() {
        Report empty = ReportCalculator.compute(ReportScope.worksite("w9", "Vide"), List.of("w9"), Q1, TODAY,
                ENROLMENTS, STEPS, List.of(), PhcStepLadder.DEFAULT);

        assertThat(empty.activeCaseload().total()).isZero();
        assertThat(empty.exitsByCategory().dynamicRate()).isNull();
        assertThat(empty.phcToCddi().rate()).isNull();
        assertThat(empty.phcSteps().total()).isZero();
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private static ExitReason reason(ExitCategory category) {
        return category.reasons().get(0);
    }

    /** A PHC enrolment of {@code person}, with its steps as pairs (target hours, start date). */
    private static void phc(String person, LocalDate entry, LocalDate exit, ExitReason reason, Object... steps) {
        String id = person + "-phc";
        ENROLMENTS.add(new Enrolment(id, person, W1, Programme.PHC, ContractType.PHC, entry, null, null, null, null,
                null, exit, reason == null ? null : reason.category(), reason));
        List<PhcStep> list = new ArrayList<>();
        for (int i = 0; i < steps.length; i += 2) {
            list.add(new PhcStep(id + "-" + i, id, (Integer) steps[i], (LocalDate) steps[i + 1]));
        }
        STEPS.put(id, list);
    }

    private static void cddi(String person, LocalDate entry, LocalDate exit, ExitReason reason) {
        ENROLMENTS.add(new Enrolment(person + "-cddi", person, W1, Programme.CVG, ContractType.CDDI, entry,
                entry.plusMonths(12), 26, null, null, null, exit, reason == null ? null : reason.category(), reason));
    }
}
