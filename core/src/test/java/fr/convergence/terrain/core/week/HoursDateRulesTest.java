package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static fr.convergence.terrain.core.fixtures.Fixtures.clockOn;
import static fr.convergence.terrain.core.fixtures.Fixtures.date;
import static fr.convergence.terrain.core.fixtures.Fixtures.phc;
import static org.assertj.core.api.Assertions.assertThat;

class HoursDateRulesTest {

    /** Wednesday of week 12 (16 to 22 March 2026). */
    private static final Clock TODAY = clockOn(date(2026, 3, 18));
    private static final Enrolment ENROLMENT = phc(date(2026, 3, 2)).build();

    @Test
    void noHoursBeforeTheEntryDate() {
        Verdict verdict = HoursDateRules.checkDay(ENROLMENT, date(2026, 3, 1), TODAY);

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.text()).contains("01/03/2026", "02/03/2026");
        assertThat(HoursDateRules.checkDay(ENROLMENT, date(2026, 3, 2), TODAY).isOk()).isTrue();
    }

    @Test
    void noHoursAfterTheExitDate() {
        Enrolment exited = phc(date(2026, 3, 2))
                .exit(date(2026, 3, 10), ExitCategory.AUTRE_SORTIE, ExitReason.ABANDON).build();

        assertThat(HoursDateRules.checkDay(exited, date(2026, 3, 10), TODAY).isOk()).isTrue();
        assertThat(HoursDateRules.checkDay(exited, date(2026, 3, 11), TODAY).isRefused()).isTrue();
    }

    @Test
    void laterDaysOfTheCurrentWeekAreAllowed() {
        assertThat(HoursDateRules.checkDay(ENROLMENT, date(2026, 3, 22), TODAY).isOk()).isTrue();
    }

    @Test
    void noHoursInAWeekAfterTheCurrentOne() {
        Verdict verdict = HoursDateRules.checkDay(ENROLMENT, date(2026, 3, 23), TODAY);

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.text()).contains("semaine 13", "pas encore commencé");
    }

    @Test
    void theCurrentWeekFollowsTheClock() {
        assertThat(HoursDateRules.checkDay(ENROLMENT, date(2026, 3, 23), clockOn(date(2026, 3, 23))).isOk()).isTrue();
    }
}
