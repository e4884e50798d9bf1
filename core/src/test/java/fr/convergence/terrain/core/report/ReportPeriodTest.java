package fr.convergence.terrain.core.report;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPeriodTest {

    @Test
    void thePeriodTouchesEveryMonthFromItsFirstToItsLastDay() {
        ReportPeriod period = new ReportPeriod(LocalDate.of(2025, 11, 15), LocalDate.of(2026, 2, 3));

        assertThat(period.months()).containsExactly(YearMonth.of(2025, 11), YearMonth.of(2025, 12),
                YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        assertThat(period.within(YearMonth.of(2025, 11))).isEqualTo(new ReportPeriod(LocalDate.of(2025, 11, 15),
                LocalDate.of(2025, 11, 30)));
        assertThat(period.label()).isEqualTo("du 15/11/2025 au 03/02/2026");
    }

    @Test
    void bothEndsAreIncluded() {
        ReportPeriod march = ReportPeriod.month(YearMonth.of(2026, 3));

        assertThat(march.contains(LocalDate.of(2026, 3, 1))).isTrue();
        assertThat(march.contains(LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(march.contains(LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(march.overlaps(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 1))).isTrue();
        assertThat(march.overlaps(LocalDate.of(2026, 3, 31), null)).isTrue();
        assertThat(march.overlaps(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 2, 28))).isFalse();
    }

    @Test
    void theUsualPeriodsEndWhereUsersExpect() {
        LocalDate today = LocalDate.of(2026, 3, 18);

        assertThat(ReportPeriod.lastTwelveMonths(today)).isEqualTo(new ReportPeriod(LocalDate.of(2025, 3, 1),
                LocalDate.of(2026, 2, 28)));
        assertThat(ReportPeriod.yearToDate(today).from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(ReportPeriod.year(2025).to()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedWithAFrenchMessage() {
        assertThat(ReportPeriod.check(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1)).text())
                .contains("se termine avant de commencer");
        assertThat(ReportPeriod.check(null, LocalDate.of(2026, 2, 1)).isRefused()).isTrue();
        assertThat(ReportPeriod.check(LocalDate.of(2000, 1, 1), LocalDate.of(2026, 2, 1)).isRefused()).isTrue();
        assertThat(ReportPeriod.check(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)).isOk()).isTrue();
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
