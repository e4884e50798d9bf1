package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.sync.protocol.ColumnCodec;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Column pages omit hours cells' ids: the protocol's derivation must be the laptop store's, to the character. */
class WireIdsTest {

    @Test
    void theProtocolDerivesHoursIdsExactlyAsTheStoreMakesThem() {
        List<String> columns = List.of("id", "participant_id", "work_day", "kind");
        for (HoursKind kind : HoursKind.values()) {
            String participant = UUID.randomUUID().toString();
            LocalDate day = LocalDate.of(2024, 2, 29);
            assertThat(ColumnCodec.derivedId("hours_entry", columns,
                    Arrays.asList(null, participant, day.toString(), kind.name())))
                    .isEqualTo(HoursRepository.idFor(participant, day, kind));
        }
        assertThat(ColumnCodec.derivedId("participant", columns, Arrays.asList("x", "p", "2024-01-01", "K"))).isNull();
    }
}
