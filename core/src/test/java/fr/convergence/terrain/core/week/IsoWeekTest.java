package fr.convergence.terrain.core.week;

import org.junit.jupiter.api.Test;

import static fr.convergence.terrain.core.fixtures.Fixtures.clockOn;
import static fr.convergence.terrain.core.fixtures.Fixtures.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoWeekTest {

    @Test
    void weeksStartOnMondayAndEndOnSunday() {
        IsoWeek week = IsoWeek.of(date(2026, 3, 18));

        assertThat(week.monday()).isEqualTo(date(2026, 3, 16));
        assertThat(week.sunday()).isEqualTo(date(2026, 3, 22));
        assertThat(week.number()).isEqualTo(12);
        assertThat(week.days()).hasSize(7).startsWith(date(2026, 3, 16));
        assertThat(IsoWeek.of(date(2026, 3, 22))).isEqualTo(week);
        assertThat(IsoWeek.of(date(2026, 3, 23))).isEqualTo(week.next());
    }

    @Test
    void theCurrentWeekComesFromTheClock() {
        assertThat(IsoWeek.current(clockOn(date(2026, 3, 22))).monday()).isEqualTo(date(2026, 3, 16));
    }

    @Test
    void labelsReadAsInTheUi() {
        assertThat(IsoWeek.of(date(2026, 3, 18)).label()).isEqualTo("semaine 12 — du 16 au 22 mars");
        assertThat(IsoWeek.of(date(2026, 4, 1)).label()).isEqualTo("semaine 14 — du 30 mars au 5 avril");
        assertThat(IsoWeek.of(date(2026, 6, 1)).label()).isEqualTo("semaine 23 — du 1er au 7 juin");
    }

    @Test
    void aWeekMustStartOnMonday() {
        assertThatThrownBy(() -> new IsoWeek(date(2026, 3, 18))).isInstanceOf(IllegalArgumentException.class);
    }
}
