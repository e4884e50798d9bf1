package fr.convergence.terrain.app.common;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The charts' value axis: whole-number ticks from 0, a round top, French numbers. */
class ChartsTest {

    @BeforeEach
    void french() {
        I18n.use(Locale.FRENCH);
    }

    @Test
    void aParticipantWithNoHoursYetGetsAnAxisUpToTheFirstStepNotAnEmptyOne() {
        assertThat(Charts.scale(0, 4)).isEqualTo(new Charts.Scale(4, 1));
        assertThat(Charts.scale(0, 0)).as("never 0..0").isEqualTo(new Charts.Scale(1, 1));
    }

    @Test
    void ticksAreWholeNumbersAtMostTenOfThem() {
        assertThat(Charts.scale(7.5, 4)).as("7 h 30 worked: up to 8, every hour").isEqualTo(new Charts.Scale(8, 1));
        assertThat(Charts.scale(3, 1)).as("3 people: no tick at 0.5").isEqualTo(new Charts.Scale(3, 1));
        assertThat(Charts.scale(23, 1)).isEqualTo(new Charts.Scale(25, 5));
        assertThat(Charts.scale(26_285.25, 1)).isEqualTo(new Charts.Scale(30_000, 5_000));
        for (double largest : new double[] {0.25, 1, 9, 11, 99, 101, 349, 1234, 60_564}) {
            Charts.Scale scale = Charts.scale(largest, 1);
            assertThat(scale.upper()).isGreaterThanOrEqualTo((long) Math.ceil(largest));
            assertThat(scale.tickUnit()).isPositive();
            assertThat(scale.upper() / scale.tickUnit()).isLessThanOrEqualTo(10);
            assertThat(scale.upper() % scale.tickUnit()).isZero();
        }
    }

    @Test
    void tickLabelsAreWrittenTheFrenchWay() {
        var format = Charts.frenchWholeNumbers();

        assertThat(format.toString(25_000)).matches("25[\u00a0\u202f]000");
        assertThat(format.toString(4.0)).as("no decimal part on a whole tick").isEqualTo("4");
    }
}
