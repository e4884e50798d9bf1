package fr.convergence.terrain.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the declarations decide on their own, without a store. */
class SyncedTablesTest {

    @Test
    void anHoursCellHoldsAQuarterHourToADayAndNeverZero() {
        List<Integer> accepted = new ArrayList<>();
        IntStream.rangeClosed(-60, 24 * 60 + 60).filter(m -> SyncedTables.hoursBounds(m).isEmpty())
                .forEach(accepted::add);
        assertThat(accepted).containsExactlyElementsOf(IntStream.rangeClosed(1, 96).map(q -> q * 15).boxed().toList());
        assertThat(SyncedTables.hoursBounds(10)).contains(
                "Les heures se saisissent par quarts d'heure, entre 0 h 15 et 24 h par jour.");
    }

    @Test
    void aNameNoLaptopSyncsHasNoDeclaration() {
        assertThat(SyncedTables.of(null)).isEmpty();
        assertThat(SyncedTables.of("app_user")).isEmpty();
        assertThat(SyncedTables.of("hours_entry")).isPresent();
    }
}
