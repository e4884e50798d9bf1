package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.fixtures.Fixtures;
import fr.convergence.terrain.core.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static fr.convergence.terrain.core.fixtures.Fixtures.cddi;
import static fr.convergence.terrain.core.fixtures.Fixtures.clockOn;
import static fr.convergence.terrain.core.fixtures.Fixtures.date;
import static fr.convergence.terrain.core.fixtures.Fixtures.phc;
import static org.assertj.core.api.Assertions.assertThat;

class CvgRulesTest {

    private static final LocalDate ENTRY = date(2021, 3, 1);
    private static final Enrolment CVG = cddi(ENTRY, 26).build();

    @Test
    void supportEndsFiveYearsAfterEntry() {
        assertThat(CvgRules.supportEnd(CVG)).isEqualTo(date(2026, 3, 1));
    }

    @Test
    void continuingBeyondFiveYearsIsRefused() {
        Verdict verdict = CvgRules.checkSupportOn(CVG, date(2026, 3, 2));

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.text()).contains("5 ans", "01/03/2026", "sortie");
    }

    @Test
    void fromFourYearsAndSixMonthsItWarns() {
        assertThat(CvgRules.checkSupportOn(CVG, date(2025, 8, 31)).isOk()).isTrue();
        assertThat(CvgRules.checkSupportOn(CVG, date(2025, 9, 1)).isWarning()).isTrue();
        assertThat(CvgRules.checkSupportOn(CVG, date(2026, 3, 1)).isWarning()).isTrue();
    }

    @Test
    void phcEnrolmentsHaveNoFiveYearLimit() {
        assertThat(CvgRules.checkSupportOn(phc(ENTRY).build(), date(2027, 1, 1)).isOk()).isTrue();
    }

    @Test
    void followUpsAreDueOneThreeSixAndTwelveMonthsAfterExit() {
        Enrolment exited = cddi(ENTRY, 26).exit(date(2026, 1, 31), ExitCategory.EMPLOI_DURABLE, ExitReason.CDI).build();

        List<FollowUp> due = CvgRules.followUpsDue(exited);

        assertThat(due).extracting(FollowUp::monthsAfterExit).containsExactly(1, 3, 6, 12);
        assertThat(due).extracting(FollowUp::dueDate).containsExactly(
                date(2026, 2, 28), date(2026, 4, 30), date(2026, 7, 31), date(2027, 1, 31));
        assertThat(due).allSatisfy(f -> {
            assertThat(f.enrolmentId()).isEqualTo("e-1");
            assertThat(f.participantId()).isEqualTo(Fixtures.PARTICIPANT);
            assertThat(f.done()).isFalse();
        });
    }

    @Test
    void noFollowUpBeforeTheExit() {
        assertThat(CvgRules.followUpsDue(CVG)).isEmpty();
    }

    @Test
    void aFollowUpNotDoneAfterItsDueDateIsOverdue() {
        FollowUp due = new FollowUp("f1", "e-1", "p-1", 1, date(2026, 3, 17), null, null);
        FollowUp done = new FollowUp("f2", "e-1", "p-1", 3, date(2026, 3, 1), date(2026, 3, 2), "En CDI");
        FollowUp today = new FollowUp("f3", "e-1", "p-1", 6, date(2026, 3, 18), null, null);

        assertThat(CvgRules.overdue(List.of(due, done, today), clockOn(date(2026, 3, 18)))).containsExactly(due);
    }
}
