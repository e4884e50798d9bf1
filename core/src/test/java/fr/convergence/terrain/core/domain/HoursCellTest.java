package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.verdict.Verdict;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class HoursCellTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 18);

    @Test
    void aCellsIdComesFromItsKeyAndNeverChanges() {
        // Laptops and hubs already hold ids made this way: changing the derivation would duplicate every cell.
        assertThat(HoursCell.id("p1", DAY, HoursKind.FORMATION)).isEqualTo("c07c65fa-9c62-33cb-b868-339951659d56");
        assertThat(HoursCell.id("p1", "2024-03-18", "FORMATION")).isEqualTo(HoursCell.id("p1", DAY, HoursKind.FORMATION));
        assertThat(HoursCell.id("p1", DAY, HoursKind.FORMATION)).isNotEqualTo(HoursCell.id("p1", DAY, HoursKind.ENTREPRISE))
                .isNotEqualTo(HoursCell.id("p2", DAY, HoursKind.FORMATION))
                .isNotEqualTo(HoursCell.id("p1", DAY.plusDays(1), HoursKind.FORMATION));
    }

    @Test
    void aCellsIdIsTheJdksNameBasedUuidOfItsKey() {
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < 2_000; i++) {
            String participant = java.util.UUID.randomUUID() + (i % 7 == 0 ? "é" : "");
            LocalDate day = DAY.plusDays(random.nextInt(3_000) - 1_500);
            HoursKind kind = HoursKind.values()[random.nextInt(HoursKind.values().length)];
            assertThat(HoursCell.id(participant, day, kind)).isEqualTo(java.util.UUID.nameUUIDFromBytes(
                    ("hours:" + participant + ":" + day + ":" + kind.name())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        }
    }

    @Test
    void aValueToSaveIsOnAQuarterHourAndWithinADay() {
        assertThat(HoursCell.checkMinutes(390).isOk()).isTrue();
        assertThat(HoursCell.checkMinutes(0).isOk()).as("0 empties the cell").isTrue();
        assertThat(HoursCell.checkMinutes(HoursCell.MAX_MINUTES).isOk()).isTrue();
        Verdict offQuarter = HoursCell.checkMinutes(380);
        assertThat(offQuarter.isRefused()).isTrue();
        assertThat(offQuarter.text()).contains("6 h 20", "6 h 15", "6 h 30");
        assertThat(HoursCell.checkMinutes(-15).isRefused()).isTrue();
        assertThat(HoursCell.checkMinutes(HoursCell.MAX_MINUTES + 15).isRefused()).isTrue();
    }

    @Test
    void aStoredCellHoldsAtLeastAQuarterHour() {
        assertThat(HoursCell.checkStored(15).isOk()).isTrue();
        assertThat(HoursCell.checkStored(0).isRefused()).isTrue();
        assertThat(HoursCell.checkStored(20).isRefused()).isTrue();
        assertThat(HoursCell.checkStored(HoursCell.MAX_MINUTES + 15).isRefused()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "6h30, TRAVAIL_CHANTIER, 390",
            "C 6, TRAVAIL_CHANTIER, 360",
            "E4, ENTREPRISE, 240",
            "'f 3,5', FORMATION, 210",
            "A7, ABSENCE_JUSTIFIEE, 420",
            "aj 7, ABSENCE_JUSTIFIEE, 420",
            "I2, ABSENCE_INJUSTIFIEE, 120",
            "AI 2, ABSENCE_INJUSTIFIEE, 120",
    })
    void typedLettersNameTheKindThenTheHoursAreRead(String typed, HoursKind kind, int minutes) {
        HoursCell.Typed read = HoursCell.read(typed).orElseThrow();

        assertThat(read.kind()).isEqualTo(kind);
        assertThat(read.hours().saveAllowed()).isTrue();
        assertThat(read.hours().minutes()).isEqualTo(minutes);
    }

    @Test
    void unknownLettersNameNoKindAndBadHoursAreRefused() {
        assertThat(HoursCell.read("X4")).isEmpty();
        assertThat(HoursCell.read("six")).isEmpty();
        assertThat(HoursCell.read("E 6,3").orElseThrow().hours().saveAllowed()).isFalse();
        assertThat(HoursCell.read("").orElseThrow().hours().minutes()).isZero();
    }

    @ParameterizedTest
    @EnumSource(HoursKind.class)
    void eachKindsLetterReadsBackAsThatKind(HoursKind kind) {
        assertThat(HoursCell.read(HoursCell.letter(kind) + "2").orElseThrow().kind()).isEqualTo(kind);
    }
}
