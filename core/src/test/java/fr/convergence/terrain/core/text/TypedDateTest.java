package fr.convergence.terrain.core.text;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TypedDateTest {

    @Test
    void aRealDayIsReadInEveryWayPeopleTypeIt() {
        assertThat(TypedDate.parse("29/02/1980").value()).contains(LocalDate.of(1980, 2, 29));
        assertThat(TypedDate.parse(" 1/3/2026 ").value()).contains(LocalDate.of(2026, 3, 1));
        assertThat(TypedDate.parse("01-03-2026").value()).contains(LocalDate.of(2026, 3, 1));
        assertThat(TypedDate.parse("01.03.2026").value()).contains(LocalDate.of(2026, 3, 1));
        assertThat(TypedDate.parse("31/12/2025").reading()).isEqualTo(TypedDate.Reading.DAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/1980", "30/02/2024", "29/02/2025", "31/04/2026", "32/01/2026", "15/13/2026",
            "00/01/2026", "10/00/2026"})
    void aDayThatDoesNotExistIsRefusedNotMovedToANeighbour(String typed) {
        TypedDate date = TypedDate.parse(typed);

        assertThat(date.value()).isEmpty();
        assertThat(date.valid()).isFalse();
        assertThat(date.reading()).isEqualTo(TypedDate.Reading.IMPOSSIBLE);
        assertThat(date.problem("Date de naissance", typed)).contains("Date de naissance\u00a0: le «\u00a0" + typed
                + "\u00a0» n’existe pas dans le calendrier\u00a0; vérifiez le jour et le mois.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demain", "2026-03-01", "1/3/26", "31/12", "12/31/2025x"})
    void aTextThatIsNotADateSaysHowToWriteOne(String typed) {
        TypedDate date = TypedDate.parse(typed);

        assertThat(date.reading()).isEqualTo(TypedDate.Reading.UNREADABLE);
        assertThat(date.problem("--from", typed).orElseThrow()).contains("n’est pas une date", "jj/mm/aaaa");
    }

    @Test
    void nothingTypedIsAnEmptyFieldNotAnError() {
        assertThat(TypedDate.parse("  ").valid()).isTrue();
        assertThat(TypedDate.parse(null).value()).isEmpty();
        assertThat(TypedDate.parse("").problem("Date", "")).isEmpty();
    }
}
