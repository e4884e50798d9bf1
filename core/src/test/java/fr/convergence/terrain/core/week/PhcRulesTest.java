package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.convergence.terrain.core.fixtures.Fixtures.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhcRulesTest {

    private static final IsoWeek WEEK_12 = IsoWeek.of(date(2026, 3, 18));
    private static final List<PhcStep> HISTORY = List.of(
            new PhcStep("s1", "e-1", 4, date(2026, 1, 5)),
            new PhcStep("s3", "e-1", 8, date(2026, 3, 2)),
            new PhcStep("s2", "e-1", 6, date(2026, 2, 2)));

    @Test
    void hoursAboveTwentyAreRefusedForPhc() {
        Verdict verdict = PhcRules.checkWeek(20 * 60 + 30, 20, WEEK_12);

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.text()).contains("au plus 20 h", "20 h 30", "semaine 12");
        assertThat(PhcRules.checkWeek(20 * 60, 20, WEEK_12).isOk()).isTrue();
    }

    @Test
    void exceedingTheStepTargetOnlyWarns() {
        Verdict verdict = PhcRules.checkWeek(9 * 60, 8, WEEK_12);

        assertThat(verdict.isWarning()).isTrue();
        assertThat(verdict.saveAllowed()).isTrue();
        assertThat(verdict.text()).contains("Palier de 8 h", "9 h");
        assertThat(PhcRules.checkWeek(8 * 60, 8, WEEK_12).isOk()).isTrue();
    }

    @Test
    void theCurrentStepIsTheLatestStartedOnOrBeforeTheDay() {
        assertThat(PhcRules.stepOn(HISTORY, date(2026, 2, 1))).map(PhcStep::targetHours).contains(4);
        assertThat(PhcRules.stepOn(HISTORY, date(2026, 2, 2))).map(PhcStep::targetHours).contains(6);
        assertThat(PhcRules.stepOn(HISTORY, date(2026, 3, 18))).map(PhcStep::targetHours).contains(8);
        assertThat(PhcRules.stepOn(HISTORY, date(2026, 1, 4))).isEmpty();
    }

    @Test
    void aStepStartingMidWeekSetsThatWeeksTarget() {
        List<PhcStep> steps = List.of(new PhcStep("s1", "e-1", 6, date(2026, 3, 2)),
                new PhcStep("s2", "e-1", 8, date(2026, 3, 18)));

        assertThat(PhcRules.targetHours(steps, WEEK_12, PhcStepLadder.DEFAULT)).isEqualTo(8);
        assertThat(PhcRules.targetHours(steps, WEEK_12.previous(), PhcStepLadder.DEFAULT)).isEqualTo(6);
    }

    @Test
    void withoutAnyStepTheTargetIsTheLaddersFirstStep() {
        assertThat(PhcRules.targetHours(List.of(), WEEK_12, PhcStepLadder.DEFAULT)).isEqualTo(4);
        assertThat(PhcRules.targetHours(List.of(), WEEK_12, PhcStepLadder.of(2, 5, 10))).isEqualTo(2);
    }

    @Test
    void theDefaultLadderGoesFromFourToTwentyHours() {
        assertThat(PhcStepLadder.DEFAULT.targets()).containsExactly(4, 6, 8, 12, 16, 20);
        assertThat(PhcStepLadder.DEFAULT.next(8)).hasValue(12);
        assertThat(PhcStepLadder.DEFAULT.next(20)).isEmpty();
    }

    @Test
    void aLadderCannotGoAboveTwentyHoursOrBackwards() {
        assertThatThrownBy(() -> PhcStepLadder.of(4, 8, 24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhcStepLadder.of(8, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStepTargetsOneToTwentyHours() {
        assertThat(PhcRules.checkStep(new PhcStep("s", "e-1", 20, date(2026, 3, 2))).isOk()).isTrue();
        assertThat(PhcRules.checkStep(new PhcStep("s", "e-1", 22, date(2026, 3, 2))).isRefused()).isTrue();
        assertThat(PhcRules.checkStep(new PhcStep("s", "e-1", 0, date(2026, 3, 2))).isRefused()).isTrue();
        assertThat(PhcRules.checkStep(new PhcStep("s", "e-1", 6, null)).isRefused()).isTrue();
    }
}
