package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HoursFormatTest {

    @ParameterizedTest(name = "« {0} » → {1} min")
    @CsvSource(delimiter = '|', value = {
            "6|360", "6,5|390", "6.5|390", "6h30|390", "6 h 30|390", "6H30|390", "6h|360", "6 h|360",
            "6:30|390", "0|0", "6,25|375", "6,75|405", "0,5|30", "0h45|45", "10|600", "' 7 '|420"})
    void acceptsTheUsualWaysOfTypingHours(String typed, int minutes) {
        HoursVerdict parsed = HoursFormat.parse(typed);

        assertThat(parsed.verdict().isOk()).as(parsed.verdict().text()).isTrue();
        assertThat(parsed.minutes()).isEqualTo(minutes);
    }

    @Test
    void emptyMeansZeroThatIsRemoval() {
        assertThat(HoursFormat.parse("").minutes()).isZero();
        assertThat(HoursFormat.parse("   ").verdict().isOk()).isTrue();
        assertThat(HoursFormat.parse(null).minutes()).isZero();
    }

    @Test
    void valuesOffAQuarterHourAreRefusedWithSuggestions() {
        HoursVerdict parsed = HoursFormat.parse("6,3");

        assertThat(parsed.verdict().isRefused()).isTrue();
        assertThat(parsed.verdict().text()).contains("«\u00a06,3\u00a0»", "quart d’heure", "6 h 15", "6 h 30");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6h20", "6:10", "6,33", "6,1"})
    void quarterHoursOnly(String typed) {
        assertThat(HoursFormat.parse(typed).verdict().isRefused()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "6h30h", "6,", "six", "6h75", "-2", "1.2.3"})
    void unreadableOrNegativeValuesAreRefusedInFrench(String typed) {
        HoursVerdict parsed = HoursFormat.parse(typed);

        assertThat(parsed.verdict().isRefused()).isTrue();
        assertThat(parsed.verdict().text()).containsAnyOf("Saisissez", "saisissez");
    }

    @Test
    void moreThanADayInOneCellIsRefused() {
        assertThat(HoursFormat.parse("25").verdict().isRefused()).isTrue();
        assertThat(HoursFormat.parse("24").verdict().isOk()).isTrue();
    }

    @ParameterizedTest(name = "{0} min → « {1} »")
    @CsvSource(delimiter = '|', value = {"390|6 h 30", "360|6 h", "0|0 h", "45|0 h 45", "375|6 h 15", "605|10 h 05"})
    void formatsHoursAsShownInTheUi(int minutes, String shown) {
        assertThat(Texts.hours(minutes)).isEqualTo(shown);
    }

    @Test
    void formattedValuesReadBackToTheSameMinutes() {
        for (int minutes = 0; minutes <= 24 * 60; minutes += 15) {
            assertThat(HoursFormat.parse(Texts.hours(minutes)).minutes()).isEqualTo(minutes);
        }
    }
}
