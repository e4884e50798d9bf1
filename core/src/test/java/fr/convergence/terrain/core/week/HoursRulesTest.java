package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static fr.convergence.terrain.core.domain.HoursKind.ABSENCE_JUSTIFIEE;
import static fr.convergence.terrain.core.domain.HoursKind.ENTREPRISE;
import static fr.convergence.terrain.core.domain.HoursKind.FORMATION;
import static fr.convergence.terrain.core.domain.HoursKind.TRAVAIL_CHANTIER;
import static fr.convergence.terrain.core.fixtures.Fixtures.date;
import static fr.convergence.terrain.core.fixtures.Fixtures.hours;
import static org.assertj.core.api.Assertions.assertThat;

class HoursRulesTest {

    private static final LocalDate DAY = date(2026, 3, 18);

    @Test
    void atMostTenHoursWorkedADay() {
        assertThat(HoursRules.checkDailyWorked(DAY, 600).isOk()).isTrue();
        Verdict verdict = HoursRules.checkDailyWorked(DAY, 660);
        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.text()).isEqualTo("Au plus 10 h travaillées par jour\u00a0: 11 h saisies le 18/03/2026.");
    }

    @Test
    void workedHoursAddUpAcrossWorkedKindsOfTheDayAndLeaveAbsencesOut() {
        List<fr.convergence.terrain.core.domain.HoursEntry> entries = List.of(
                hours(DAY, TRAVAIL_CHANTIER, 300), hours(DAY, ENTREPRISE, 180), hours(DAY, FORMATION, 60),
                hours(DAY, ABSENCE_JUSTIFIEE, 120), hours(DAY.plusDays(1), TRAVAIL_CHANTIER, 420));

        assertThat(HoursRules.workedMinutesOn(entries, DAY)).isEqualTo(540);
        assertThat(HoursRules.workedMinutes(entries)).isEqualTo(960);
    }
}
