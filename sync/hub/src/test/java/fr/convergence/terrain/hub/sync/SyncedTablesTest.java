package fr.convergence.terrain.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    void anAuditEntryIsWrittenOnceAndNeverChangedNorDeleted() {
        SyncedTable audit = SyncedTables.of(SyncSchema.AUDIT_TABLE).orElseThrow();
        Map<String, Object> entry = new LinkedHashMap<>(Map.of("worksite_id", "w1", "occurred_at", 1_700_000_000_000L,
                "actor_id", "u1", "actor_name", "Camille", "action", "DOSSIER_OUVERT", "participant_id", "p1",
                "deleted", false));
        assertThat(audit.refusal(write(null, entry))).isEmpty();
        assertThat(audit.refusal(write(null, with(entry, "deleted", true)))).isPresent();
        HubRow stored = new HubRow(SyncSchema.AUDIT_TABLE, "a1", "w1", null, entry, Map.of(), "v", "d", 1, 1, 0,
                null);
        // The same entry sent again (a hub restored from a backup) changes nothing and is accepted.
        assertThat(audit.refusal(write(stored, entry))).isEmpty();
        assertThat(audit.refusal(write(stored, Map.of("occurred_at", 1_700_000_000_000L)))).isEmpty();
        for (Map.Entry<String, Object> edit : Map.<String, Object>of("deleted", true, "actor_name", "Quelqu'un",
                "action", "CONNEXION", "participant_id", "p2", "detail", "sans notes", "occurred_at", 1L,
                "worksite_id", "w2").entrySet()) {
            assertThat(audit.refusal(write(stored, Map.of(edit.getKey(), edit.getValue())))).as(edit.getKey())
                    .contains("Une entrée du journal d'accès ne se modifie pas et ne s'efface pas.");
        }
        // Nulling a field is a change too.
        assertThat(audit.refusal(write(stored, with(entry, "actor_id", null)))).isPresent();
    }

    private static SyncedTable.Write write(HubRow stored, Map<String, Object> fields) {
        return new SyncedTable.Write(null, stored, fields, null, null);
    }

    private static Map<String, Object> with(Map<String, Object> fields, String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(fields);
        changed.put(name, value);
        return changed;
    }

    @Test
    void aNameNoLaptopSyncsHasNoDeclaration() {
        assertThat(SyncedTables.of(null)).isEmpty();
        assertThat(SyncedTables.of("app_user")).isEmpty();
        assertThat(SyncedTables.of("hours_entry")).isPresent();
    }
}
