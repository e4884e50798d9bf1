package fr.convergence.terrain.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.sync.HubRow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code terrain-hub import}: every synced row of a laptop store, read a chunk at a time, each with its person. */
class StoreImporterTest {

    private static final PasswordHasher HASHER = new PasswordHasher(1000);
    private static final List<String> TABLES = List.of("participant", "enrolment", "phc_step", "hours_entry",
            "support_note", "support_note_revision", "referral", "referral_status_change", "follow_up");

    @TempDir
    Path dir;

    @Test
    void everyRowArrivesOnceWithItsPersonAndASecondImportAddsNothing() {
        try (TerrainStore source = TerrainStore.open(dir.resolve("demo.db"))) {
            new DemoDataGenerator(5, LocalDate.of(2026, 3, 18)).generate(source, DemoSize.SITE, 2, HASHER);
        }
        try (TerrainStore source = TerrainStore.open(dir.resolve("demo.db"));
             JooqHubStore hub = JooqHubStore.sqlite(dir.resolve("hub.db"))) {
            new AuthService(source, HASHER).signIn("admin", DemoDataGenerator.DEMO_PASSWORD.toCharArray())
                    .orElseThrow();
            Map<String, Long> expected = new LinkedHashMap<>();
            for (String table : TABLES) {
                expected.put(table, source.read(sql -> sql.fetchOne("SELECT count(*) FROM " + table)
                        .get(0, Long.class)));
            }
            // More hours than one chunk of the import, so the stream is read in several pieces.
            assertThat(expected.get("hours_entry")).isGreaterThan(5_000L);

            Map<String, Integer> imported = StoreImporter.importStore(source, hub);

            Map<String, Long> onHub = hub.read(r -> r.rowCounts());
            for (String table : TABLES) {
                assertThat(imported.get(table).longValue()).as(table).isEqualTo(expected.get(table));
                assertThat(onHub.getOrDefault(table, 0L)).as(table).isEqualTo(expected.get(table));
            }
            // The person of a row two references away (a referral's status change, through its referral) and of
            // the many hours rows, whose parents are not kept in memory.
            List<Record> changes = source.read(sql -> sql.fetch("SELECT c.id, r.participant_id FROM "
                    + "referral_status_change c JOIN referral r ON r.id = c.referral_id"));
            List<Record> hours = source.read(sql -> sql.fetch("SELECT id, participant_id FROM hours_entry "
                    + "ORDER BY id LIMIT 200"));
            assertThat(changes).isNotEmpty();
            for (Record change : changes) {
                HubRow row = hub.read(r -> r.row("referral_status_change", change.get(0, String.class))).orElseThrow();
                assertThat(row.participantId()).isEqualTo(change.get(1, String.class));
            }
            for (Record cell : hours) {
                HubRow row = hub.read(r -> r.row("hours_entry", cell.get(0, String.class))).orElseThrow();
                assertThat(row.participantId()).isEqualTo(cell.get(1, String.class));
            }
            long rowsOnHub = hub.read(r -> r.rowCounts()).values().stream().mapToLong(Long::longValue).sum();

            Map<String, Integer> again = StoreImporter.importStore(source, hub);

            assertThat(again.values()).containsOnly(0);
            assertThat(hub.read(r -> r.rowCounts()).values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(rowsOnHub);
        }
    }
}
