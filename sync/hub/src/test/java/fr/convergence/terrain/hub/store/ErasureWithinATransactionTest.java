package fr.convergence.terrain.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.report.PersonMinutes;
import fr.convergence.terrain.hub.sync.FieldMeta;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An erasure applied in the middle of a transaction (one laptop's pushed batch) deletes the rows that belong to the
 * person at that point of the transaction: not a row moved to another person earlier in it, but a row moved to them
 * earlier in it; and a row written for them later in it is erased too (the erasure wins, as the sync refuses any
 * later change about an erased person). The hours summaries stay equal to the rows. Through the sync protocol a
 * row never changes person (its references do not change), so only the store's own writes can move one; the store
 * still has to apply them in order. SQLite here, PostgreSQL in the subclass.
 */
class ErasureWithinATransactionTest {

    private static final LocalDate JANUARY = LocalDate.of(2026, 1, 1);

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    JooqHubStore store;

    JooqHubStore openStore() {
        return JooqHubStore.sqlite(dir.resolve("hub.db"));
    }

    @BeforeEach
    void open() {
        store = openStore();
        store.write(tx -> {
            tx.putWorksite(new WorksiteInfo("ws-a", "ws-a", null, null, "lille", true, true));
            tx.save(row("participant", "p1", "p1", Map.of()));
            tx.save(row("participant", "p2", "p2", Map.of()));
            return null;
        });
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hours_entry", "support_note", "referral"})
    void aRowMovedToAnotherPersonOutlivesTheErasureOfItsFormerPersonLaterInTheTransaction(String table) {
        store.write(tx -> {
            tx.save(row(table, "r1", "p1", fields(table)));
            return null;
        });
        int erased = store.write(tx -> {
            HubRow moved = tx.row(table, "r1").orElseThrow();
            moveTo(moved, "p2");
            tx.save(moved);
            return tx.eraseParticipant("p1");
        });
        assertThat(participantOf(table, "r1")).contains("p2");
        assertThat(participantOf("participant", "p1")).isEmpty();
        assertThat(januaryMinutes()).isEqualTo(table.equals("hours_entry") ? Map.of("p2", 60L) : Map.of());
        assertThat(store.hoursSummaryDifferences()).isEmpty();
        assertThat(erased).as("the participant row only").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hours_entry", "support_note", "referral"})
    void aRowMovedToAPersonIsErasedWithThemLaterInTheTransaction(String table) {
        store.write(tx -> {
            tx.save(row(table, "r1", "p2", fields(table)));
            return null;
        });
        int erased = store.write(tx -> {
            HubRow moved = tx.row(table, "r1").orElseThrow();
            moveTo(moved, "p1");
            tx.save(moved);
            return tx.eraseParticipant("p1");
        });
        assertThat(participantOf(table, "r1")).isEmpty();
        assertThat(participantOf("participant", "p2")).contains("p2");
        assertThat(januaryMinutes()).isEmpty();
        assertThat(store.hoursSummaryDifferences()).isEmpty();
        assertThat(erased).as("the participant row and the moved row").isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hours_entry", "support_note", "referral"})
    void aRowMovedToAPersonErasedEarlierInTheTransactionIsErasedToo(String table) {
        store.write(tx -> {
            tx.save(row(table, "r1", "p2", fields(table)));
            return null;
        });
        store.write(tx -> {
            tx.eraseParticipant("p1");
            HubRow moved = tx.row(table, "r1").orElseThrow();
            moveTo(moved, "p1");
            tx.save(moved);
            tx.save(row(table, "r2", "p1", fields(table)));
            assertThat(tx.row(table, "r1")).isEmpty();
            assertThat(tx.rowsOfParticipant("p1")).isEmpty();
            return null;
        });
        assertThat(participantOf(table, "r1")).isEmpty();
        assertThat(participantOf(table, "r2")).isEmpty();
        assertThat(januaryMinutes()).isEmpty();
        assertThat(store.hoursSummaryDifferences()).isEmpty();
    }

    @Test
    void aRowMovedToAnotherPersonIsReadAsTheirsForTheRestOfTheTransaction() {
        store.write(tx -> {
            tx.save(row("hours_entry", "h1", "p1", fields("hours_entry")));
            return null;
        });
        store.write(tx -> {
            HubRow moved = tx.row("hours_entry", "h1").orElseThrow();
            moveTo(moved, "p2");
            tx.save(moved);
            assertThat(tx.rowsOfParticipant("p1")).extracting(HubRow::id).containsExactly("p1");
            assertThat(tx.rowsOfParticipant("p2")).extracting(HubRow::id).containsExactlyInAnyOrder("p2", "h1");
            assertThat(tx.dataOfParticipant("p1", "hours_entry")).isEmpty();
            assertThat(tx.dataOfParticipant("p2", "hours_entry")).extracting(r -> r.id()).containsExactly("h1");
            return null;
        });
    }

    private Optional<String> participantOf(String table, String id) {
        return store.read(tx -> tx.row(table, id)).map(HubRow::participantId);
    }

    /** What January's monthly statement of ws-a reads: person → minutes. */
    private Map<String, Long> januaryMinutes() {
        Map<String, Long> read = new LinkedHashMap<>();
        for (PersonMinutes p : store.monthlyData("ws-a", JANUARY, JANUARY.withDayOfMonth(31)).minutes()) {
            read.merge(p.participantId(), p.minutes(), Long::sum);
        }
        return read;
    }

    private static void moveTo(HubRow row, String person) {
        row.participantId(person);
        row.data().put("participant_id", person);
        row.meta().put("participant_id", new FieldMeta("v1", FieldMeta.PENDING, "poste", null));
    }

    private static Map<String, Object> fields(String table) {
        return switch (table) {
            case "hours_entry" -> Map.of("work_day", "2026-01-05", "kind", "TRAVAIL_CHANTIER", "minutes", 60);
            case "support_note" -> Map.of("note_date", "2026-01-05");
            case "referral" -> Map.of("status", "PROPOSEE");
            default -> Map.of();
        };
    }

    static HubRow row(String table, String id, String participant, Map<String, Object> fields) {
        Map<String, Object> data = new LinkedHashMap<>(fields);
        if (!table.equals("participant")) {
            data.put("participant_id", participant);
        }
        data.put("worksite_id", "ws-a");
        data.put("deleted", false);
        Map<String, FieldMeta> meta = new LinkedHashMap<>();
        data.keySet().forEach(k -> meta.put(k, new FieldMeta("v0", FieldMeta.PENDING, "poste", null)));
        return new HubRow(table, id, "ws-a", participant, data, meta, "v0", "poste", FieldMeta.PENDING,
                FieldMeta.PENDING, 0, null);
    }
}
