package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.report.MonthlyMinutes;
import fr.convergence.terrain.core.report.PersonMinutes;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.hub.sync.FieldMeta;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.hub.sync.HubStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's database records its schema version: an older database is brought up to date when a hub opens it, a
 * database a newer hub has updated is refused rather than misread, and hub processes starting together on one
 * PostgreSQL database migrate one at a time.
 */
class HubSchemaVersionTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseOfTheFirstReleaseIsBroughtUpToDateKeepingItsData() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("old-hub.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // hub_meta and hub_worksite as the first release made them: no schema version, no worksite description.
            s.execute("CREATE TABLE hub_meta (meta_key VARCHAR(100) NOT NULL PRIMARY KEY, meta_value VARCHAR(4000) "
                    + "NOT NULL)");
            s.execute("INSERT INTO hub_meta VALUES ('hub_id', 'ancien-hub')");
            s.execute("CREATE TABLE hub_worksite (id VARCHAR(64) NOT NULL PRIMARY KEY, territory_id VARCHAR(64))");
            s.execute("INSERT INTO hub_worksite VALUES ('chantier-ancien', 'lille')");
        }

        try (JooqHubStore store = JooqHubStore.open(url, null, null)) {
            assertThat(store.hubId()).isEqualTo("ancien-hub");
            java.util.Set<String> lille = store.read(r -> r.worksitesOf("territory", "lille"));
            assertThat(lille).contains("chantier-ancien");
        }
        assertThat(query(url, "SELECT meta_value FROM hub_meta WHERE meta_key = 'schema_version'")).isEqualTo("6");
        // Schema 3: the console's accounts, sessions and audit journal.
        assertThat(query(url, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('hub_account', "
                + "'hub_console_session', 'hub_audit')")).isEqualTo("3");
        assertThat(query(url, "SELECT count(*) FROM pragma_table_info('hub_worksite') WHERE name = 'name'"))
                .isEqualTo("1");
    }

    @Test
    void aDatabaseOfSchema2GetsTheConsoleTablesKeepingItsDevices() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("v2-hub.db");
        try (JooqHubStore store = JooqHubStore.open(url, null, null)) {
            new fr.convergence.terrain.hub.sync.Enrolments(store, java.time.Clock.systemUTC())
                    .issueCode("worksite", "abej-solidarite", "x", java.time.Duration.ofDays(1));
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // As a hub of schema 2 left it: no console tables.
            s.execute("DROP TABLE hub_account");
            s.execute("DROP TABLE hub_console_session");
            s.execute("DROP TABLE hub_audit");
            s.execute("UPDATE hub_meta SET meta_value = '2' WHERE meta_key = 'schema_version'");
        }
        try (JooqHubStore store = JooqHubStore.open(url, null, null)) {
            assertThat(store.accounts().size()).isZero();
            assertThat(store.read(r -> r.worksiteKnown("abej-solidarite")).booleanValue()).isTrue();
        }
        assertThat(query(url, "SELECT meta_value FROM hub_meta WHERE meta_key = 'schema_version'")).isEqualTo("6");
    }

    @Test
    void aDatabaseOfSchema3GetsArchivedFilesKeepingItsExits() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("v3-hub.db");
        try (JooqHubStore store = JooqHubStore.open(url, null, null)) {
            store.write(tx -> {
                tx.exit("participant", "p-1", "abej-solidarite");
                return null;
            });
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // As a hub of schema 3 left it: no archived files, exits for every device.
            s.execute("DROP TABLE hub_archived_file");
            s.execute("ALTER TABLE hub_exit DROP COLUMN audience");
            s.execute("UPDATE hub_meta SET meta_value = '3' WHERE meta_key = 'schema_version'");
        }
        try (JooqHubStore store = JooqHubStore.open(url, null, null)) {
            java.util.List<fr.convergence.terrain.hub.sync.HubStore.Exit> exits =
                    store.read(r -> r.exitsAfter(java.util.Set.of("abej-solidarite"), 0, 10));
            assertThat(exits).hasSize(1);
            assertThat(store.read(r -> r.archived("p-1")).booleanValue()).isFalse();
        }
        assertThat(query(url, "SELECT meta_value FROM hub_meta WHERE meta_key = 'schema_version'")).isEqualTo("6");
        assertThat(query(url, "SELECT count(*) FROM pragma_table_info('hub_exit') WHERE name = 'audience'"))
                .isEqualTo("1");
    }

    @Test
    void aDatabaseOfSchema4GetsTheSyncHistoryAndTheTimeOfRefusalsKeepingItsRefusals() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("v4-hub.db");
        JooqHubStore.open(url, null, null).close();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // As a hub of schema 4 left it: no reports, no history, refusals without their time.
            s.execute("DROP TABLE hub_device_report");
            s.execute("DROP TABLE hub_sync_history");
            s.execute("DROP TABLE hub_rejection");
            s.execute("CREATE TABLE hub_rejection (device_id VARCHAR(64) NOT NULL, op_number BIGINT NOT NULL, "
                    + "code VARCHAR(40) NOT NULL, reason VARCHAR(2000) NOT NULL, PRIMARY KEY (device_id, op_number))");
            s.execute("INSERT INTO hub_rejection VALUES ('poste-1', 4, 'rule', 'Refusée avant la mise à jour')");
            s.execute("UPDATE hub_meta SET meta_value = '4' WHERE meta_key = 'schema_version'");
        }
        try (JooqHubStore store = JooqHubStore.open(url, null, null)) {
            assertThat(store.waitingRejections()).containsOnlyKeys("poste-1");
            assertThat(store.waitingRejections().get("poste-1").count()).isEqualTo(1);
            assertThat(store.waitingRejections().get("poste-1").oldestAt()).isNull();
            assertThat(store.syncHistory("poste-1", 10)).isEmpty();
        }
        assertThat(query(url, "SELECT meta_value FROM hub_meta WHERE meta_key = 'schema_version'")).isEqualTo("6");
        assertThat(query(url, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ("
                + "'hub_device_report', 'hub_sync_history')")).isEqualTo("2");
    }

    @Test
    void aDatabaseOfSchema5GetsTheHoursSummaryOfTheRowsItHolds() throws Exception {
        upgradeFromSchema5("jdbc:sqlite:" + dir.resolve("v5-hub.db"), List.of("DROP TRIGGER hub_hours_month_insert",
                "DROP TRIGGER hub_hours_month_update", "DROP TRIGGER hub_hours_month_delete"));
    }

    @Test
    void aPostgresDatabaseOfSchema5GetsTheHoursSummaryOfTheRowsItHolds() throws Exception {
        upgradeFromSchema5(PostgresSupport.freshSchemaUrl(), List.of("DROP TRIGGER hub_hours_month_sync ON hub_row",
                "DROP FUNCTION hub_hours_month_apply()"));
    }

    /** Rows written, the summary and its triggers removed as a hub of schema 5 never had them, then reopened. */
    private static void upgradeFromSchema5(String url, List<String> dropTriggers) throws Exception {
        try (JooqHubStore store = open(url)) {
            store.write(tx -> {
                tx.save(hours("h-1", "abej-solidarite", "2026-01-05", "TRAVAIL_CHANTIER", 360, null));
                tx.save(hours("h-2", "abej-solidarite", "2026-01-06", "TRAVAIL_CHANTIER", 240, null));
                tx.save(hours("h-3", "abej-solidarite", "2026-01-07", "TRAVAIL_CHANTIER", 540, 1L));
                tx.save(hours("h-4", "eole", "2025-12-31", "FORMATION", 0, null));
                return null;
            });
        }
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (String drop : dropTriggers) {
                s.execute(drop);
            }
            s.execute("DROP TABLE hub_hours_month");
            s.execute("DROP TABLE hub_hours_person_month");
            s.execute("UPDATE hub_meta SET meta_value = '5' WHERE meta_key = 'schema_version'");
        }
        try (JooqHubStore store = open(url)) {
            assertThat(store.hoursSummaryDifferences()).isEmpty();
            assertThat(store.reportData(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)).minutesByWorksite())
                    .containsOnlyKeys("abej-solidarite", "eole").containsEntry("abej-solidarite", List.of(
                            new MonthlyMinutes(YearMonth.of(2026, 1), HoursKind.TRAVAIL_CHANTIER, 600)));
            assertThat(store.monthlyData("abej-solidarite", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31))
                    .minutes()).containsExactly(new PersonMinutes("p-1", HoursKind.TRAVAIL_CHANTIER, 600));
            // The triggers are there: a row written after the upgrade is summed.
            store.write(tx -> {
                tx.save(hours("h-5", "eole", "2025-12-01", "FORMATION", 30, null));
                return null;
            });
            assertThat(store.hoursSummaryDifferences()).isEmpty();
        }
        assertThat(query(url, "SELECT meta_value FROM hub_meta WHERE meta_key = 'schema_version'")).isEqualTo("6");
        assertThat(query(url, "SELECT minutes || ' min, ' || row_count FROM hub_hours_month WHERE worksite_id = "
                + "'eole' AND month = '2025-12'")).isEqualTo("30 min, 2");
        assertThat(query(url, "SELECT minutes || ' min, ' || row_count FROM hub_hours_person_month WHERE "
                + "worksite_id = 'eole' AND month = '2025-12' AND participant_id = 'p-1'")).isEqualTo("30 min, 2");
    }

    private static JooqHubStore open(String url) {
        return JooqHubStore.open(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
    }

    private static Connection connect(String url) throws Exception {
        return url.startsWith("jdbc:sqlite:") ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
    }

    private static HubRow hours(String id, String worksite, String day, String kind, int minutes, Long deletedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("participant_id", "p-1");
        data.put("worksite_id", worksite);
        data.put("work_day", day);
        data.put("kind", kind);
        data.put("minutes", minutes);
        data.put("deleted", deletedAt != null);
        Map<String, FieldMeta> meta = new LinkedHashMap<>();
        data.keySet().forEach(k -> meta.put(k, new FieldMeta("v1", FieldMeta.PENDING, "poste", null)));
        return new HubRow("hours_entry", id, worksite, "p-1", data, meta, "v1", "poste", FieldMeta.PENDING,
                FieldMeta.PENDING, 0, deletedAt);
    }

    @Test
    void aDatabaseANewerHubHasUpdatedIsRefused() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("hub.db");
        JooqHubStore.open(url, null, null).close();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("UPDATE hub_meta SET meta_value = '99' WHERE meta_key = 'schema_version'");
        }

        assertThatThrownBy(() -> JooqHubStore.open(url, null, null)).hasMessageContaining("schéma 99")
                .hasMessageContaining("plus récent que celui de ce hub");
    }

    @Test
    void hubProcessesStartingTogetherOnOnePostgresDatabaseMigrateOneAtATime() throws Exception {
        String url = PostgresSupport.freshSchemaUrl();
        int processes = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        List<Future<String>> opened = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            Callable<String> open = () -> {
                start.await();
                try (JooqHubStore store = JooqHubStore.open(url, System.getenv("PGUSER"),
                        System.getenv("PGPASSWORD"))) {
                    return store.hubId() + "/" + store.read(HubStore.HubReader::lastSequence);
                }
            };
            opened.add(pool.submit(open));
        }
        start.countDown();
        List<String> seen = new ArrayList<>();
        for (Future<String> f : opened) {
            seen.add(f.get());
        }
        pool.shutdown();
        assertThat(seen).as("one hub identity, made once").hasSize(processes).allMatch(seen.get(0)::equals);
    }

    private static String query(String url, String sql) throws Exception {
        try (Connection c = connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
