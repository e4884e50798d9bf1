package fr.convergence.terrain.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagePatternsTest {

    private static final String COPIED = "{0, plural, one {# case copiée} other {# cases copiées}}, "
            + "{1, plural, one {# déjà remplie laissée telle quelle} other {# déjà remplies laissées telles quelles}}";

    @Test
    void frenchPluralsAreWrittenOutAndZeroAndOneAreSingular() {
        assertThat(MessagePatterns.french(COPIED, 23, 79))
                .isEqualTo("23 cases copiées, 79 déjà remplies laissées telles quelles");
        assertThat(MessagePatterns.french(COPIED, 1, 0))
                .isEqualTo("1 case copiée, 0 déjà remplie laissée telle quelle");
        assertThat(MessagePatterns.format(Locale.ENGLISH, "{0, plural, one {# cell} other {# cells}}", 0))
                .isEqualTo("0 cells");
    }

    @Test
    void countsAreGroupedTheFrenchWay() {
        assertThat(MessagePatterns.french("{0, plural, one {# cellule} other {# cellules}}", 60564))
                .isEqualTo("60\u202f564 cellules");
        assertThat(MessagePatterns.french("{0} heures", 1234)).isEqualTo("1\u202f234 heures");
    }

    @Test
    void theTypographicApostropheNeedsNoEscapingAndALoneStraightOneStays() {
        assertThat(MessagePatterns.french("l’aperçu de {0}", "Zoé")).isEqualTo("l’aperçu de Zoé");
        assertThat(MessagePatterns.french("jusqu'au {0}", "12/03")).isEqualTo("jusqu'au 12/03");
    }
}
