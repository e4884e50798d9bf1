package fr.convergence.terrain.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code HubTransaction.eachData}, which the daily review of archived files reads every enrolment and follow-up
 * through: the fields asked for, read by the database out of each row's JSON, whether the row is deleted, and this
 * transaction's own writes in place of the stored rows. SQLite here, PostgreSQL in the subclass.
 */
class EachDataTest {

    private static final String COMMENT = "Sortie « anticipée », dit \"pour raisons de santé\" \\ à revoir";

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    JooqHubStore store;

    JooqHubStore openStore() {
        return JooqHubStore.sqlite(dir.resolve("hub.db"));
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theFieldsAskedForComeOutOfEachRowWithThisTransactionsWritesInPlaceOfTheStoredRows() {
        store = openStore();
        store.write(tx -> {
            tx.putWorksite(new WorksiteInfo("ws-a", "ws-a", null, null, "lille", true, true));
            tx.save(enrolment("e1", "p1", "2024-03-01", false));
            tx.save(enrolment("e2", "p2", null, true));
            tx.save(enrolment("e3", "p1", "2025-01-01", false));
            return null;
        });
        List<HubStore.RowData> read = store.write(tx -> {
            HubRow changed = tx.row("enrolment", "e3").orElseThrow();
            changed.data().put("exit_date", "2026-02-02");
            tx.save(changed);
            tx.save(enrolment("e4", "p2", null, false));
            List<HubStore.RowData> rows = new ArrayList<>();
            // worksite_id is also a column of hub_row; comment carries quotes, accents and a backslash.
            tx.eachData("enrolment", List.of("participant_id", "exit_date", "worksite_id", "comment"), rows::add);
            return rows;
        });

        Map<String, List<Object>> byId = new HashMap<>();
        for (HubStore.RowData row : read) {
            assertThat(byId.put(row.id(), java.util.Arrays.asList(row.worksiteId(), row.data().get("participant_id"),
                    row.data().get("exit_date"), row.deleted()))).as("each row once").isNull();
            assertThat(row.data().get("worksite_id")).isEqualTo("ws-a");
            assertThat(row.data().get("comment")).isEqualTo(COMMENT);
        }
        assertThat(byId).containsOnly(
                Map.entry("e1", java.util.Arrays.asList("ws-a", "p1", "2024-03-01", false)),
                Map.entry("e2", java.util.Arrays.asList("ws-a", "p2", null, true)),
                Map.entry("e3", java.util.Arrays.asList("ws-a", "p1", "2026-02-02", false)),
                Map.entry("e4", java.util.Arrays.asList("ws-a", "p2", null, false)));
    }

    private static HubRow enrolment(String id, String participant, String exitDate, boolean deleted) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("exit_date", exitDate);
        fields.put("entry_date", "2023-09-04");
        fields.put("comment", COMMENT);
        HubRow row = ErasureWithinATransactionTest.row("enrolment", id, participant, fields);
        row.data().put("deleted", deleted);
        return row;
    }
}
