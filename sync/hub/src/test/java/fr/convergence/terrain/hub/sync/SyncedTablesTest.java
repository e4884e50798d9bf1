package fr.convergence.terrain.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursCell;
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
        // The reason is core's, as the laptop gives it.
        for (int minutes : new int[] {0, 10, -15, 24 * 60 + 15}) {
            assertThat(SyncedTables.hoursBounds(minutes)).contains(HoursCell.checkStored(minutes).text());
        }
    }

    @Test
    void aNameNoLaptopSyncsHasNoDeclaration() {
        assertThat(SyncedTables.of(null)).isEmpty();
        assertThat(SyncedTables.of("app_user")).isEmpty();
        assertThat(SyncedTables.of("hours_entry")).isPresent();
    }
}
