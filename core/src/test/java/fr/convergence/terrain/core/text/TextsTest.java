package fr.convergence.terrain.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void countsAndHoursAreGroupedByThousandsWithANarrowNoBreakSpace() {
        assertThat(Texts.number(60564)).isEqualTo("60\u202f564");
        assertThat(Texts.number(999)).isEqualTo("999");
        assertThat(Texts.decimalHours(26285 * 60 + 15)).isEqualTo("26\u202f285,25");
        assertThat(Texts.decimalHours(90)).isEqualTo("1,50");
        assertThat(Texts.hours(1000 * 60 + 30)).isEqualTo("1\u202f000 h 30");
        assertThat(Texts.hours(390)).isEqualTo("6 h 30");
    }
}
