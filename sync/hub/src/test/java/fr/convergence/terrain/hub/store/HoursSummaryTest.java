package fr.convergence.terrain.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.convergence.terrain.core.report.MonthlyMinutes;
import fr.convergence.terrain.core.report.PersonMinutes;
import fr.convergence.terrain.hub.sync.FieldMeta;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the yearly table reads from the store. The hours summary ({@code hub_hours_month}, hub schema 6) against a
 * model: random writes of hours rows through the
 * hub's store — new cells, minutes changed (to zero too), a cell moved to another worksite, deleted and brought back,
 * written again unchanged, a day or kind rewritten, a person erased, tombstones purged, rows of other tables —, and
 * after each transaction the months the yearly table reads and the sums by person the monthly statements read
 * equal the sums of the model's live cells (a cell moved to another person too), and the summaries equal the rows
 * recounted from their JSON; and the enrolments and steps a long-running store keeps parsed against a
 * fresh read. SQLite here, PostgreSQL in the subclass.
 */
class HoursSummaryTest {

    private static final List<String> WORKSITES = List.of("ws-a", "ws-b", "ws-c");
    private static final List<String> KINDS = List.of("TRAVAIL_CHANTIER", "FORMATION", "ABSENCE_JUSTIFIEE");
    private static final List<String> DAYS = List.of("2025-12-31", "2026-01-05", "2026-01-31", "2026-02-02",
            "2026-03-15");

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    JooqHubStore store;

    JooqHubStore openStore() {
        return JooqHubStore.sqlite(dir.resolve("hub.db"));
    }

    /** A second store on the database {@link #openStore} opened. */
    JooqHubStore openAgain() {
        return JooqHubStore.sqlite(dir.resolve("hub.db"));
    }

    @BeforeEach
    void open() {
        store = openStore();
        store.write(tx -> {
            WORKSITES.forEach(w -> tx.putWorksite(new WorksiteInfo(w, w, null, null, "lille", true, true)));
            return null;
        });
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    /** A cell of the model: where it is, its day, kind and minutes, whether deleted. */
    private record Cell(String participant, String worksite, String day, String kind, int minutes, boolean deleted) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theSummaryFollowsEveryWriteOfTheHoursRows(long seed) {
        Random random = new Random(seed);
        Map<String, Cell> model = new TreeMap<>();
        for (int transaction = 0; transaction < 40; transaction++) {
            int writes = 1 + random.nextInt(4);
            String version = "v" + transaction;
            store.write(tx -> {
                // Erased in this transaction: a later write about them is erased too (ErasureWithinATransactionTest).
                java.util.Set<String> erased = new java.util.HashSet<>();
                for (int w = 0; w < writes; w++) {
                    int choice = random.nextInt(100);
                    // Anywhere in the transaction, also after a cell of the person was moved to another one.
                    if (choice < 4) {
                        String person = "p" + random.nextInt(4);
                        tx.eraseParticipant(person);
                        erased.add(person);
                        model.values().removeIf(c -> c.participant().equals(person));
                        continue;
                    }
                    if (choice < 7) {
                        // Rows of other tables leave the sums alone.
                        String enrolment = "e" + random.nextInt(3);
                        HubRow row = tx.row("enrolment", enrolment).orElseGet(() -> row("enrolment", enrolment,
                                pick(random, WORKSITES), "p0", Map.of("entry_date", "2026-01-05"), null));
                        row.worksiteId(pick(random, WORKSITES));
                        tx.save(row);
                        continue;
                    }
                    String id = "h" + random.nextInt(12);
                    Cell old = model.get(id);
                    Cell cell = next(random, old);
                    HubRow row = old == null ? row("hours_entry", id, cell.worksite(), cell.participant(),
                            data(cell), cell.deleted() ? 1L : null) : tx.row("hours_entry", id).orElseThrow();
                    if (old != null) {
                        row.data().clear();
                        row.data().putAll(data(cell));
                        row.worksiteId(cell.worksite());
                        row.participantId(cell.participant());
                        row.deletedAt(cell.deleted() ? Long.valueOf(1L) : null);
                        row.meta().put("minutes", new FieldMeta(version, FieldMeta.PENDING, "poste", null));
                    }
                    tx.save(row);
                    if (erased.contains(cell.participant())) {
                        model.remove(id);
                    } else {
                        model.put(id, cell);
                    }
                }
                return null;
            });
            if (random.nextInt(10) == 0) {
                store.write(tx -> tx.purgeTombstones(Long.MAX_VALUE));
                model.values().removeIf(Cell::deleted);
            }
            assertThat(months()).as("seed %d, transaction %d", seed, transaction).isEqualTo(expected(model));
            assertThat(personMonths()).as("seed %d, transaction %d", seed, transaction)
                    .isEqualTo(expectedByPerson(model));
            assertThat(store.hoursSummaryDifferences()).as("seed %d, transaction %d", seed, transaction).isEmpty();
        }
    }

    /**
     * The store keeps the enrolments and steps it parsed and parses again only the rows written since: after
     * random writes (new rows, changed fields, moves, deletions and their undoing, erasures), what a long-running
     * hub reads equals what a hub opened afresh on the same database reads.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void aLongRunningHubReadsTheEnrolmentsAndStepsAFreshOneReads(long seed) {
        Random random = new Random(seed);
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        for (int transaction = 0; transaction < 25; transaction++) {
            int writes = 1 + random.nextInt(4);
            store.write(tx -> {
                for (int w = 0; w < writes; w++) {
                    if (random.nextInt(12) == 0) {
                        tx.eraseParticipant("p" + random.nextInt(4));
                        continue;
                    }
                    boolean step = random.nextBoolean();
                    String id = (step ? "s" : "e") + random.nextInt(8);
                    String person = "p" + random.nextInt(4);
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("participant_id", person);
                    if (step) {
                        fields.put("enrolment_id", "e" + random.nextInt(8));
                        fields.put("target_hours", 2 + random.nextInt(3));
                        fields.put("start_date", pick(random, DAYS));
                    } else {
                        fields.put("programme", random.nextBoolean() ? "PHC" : "CVG");
                        fields.put("contract_type", "CDDI");
                        fields.put("entry_date", pick(random, DAYS));
                        fields.put("exit_date", random.nextBoolean() ? null : "2026-06-30");
                    }
                    String worksite = pick(random, WORKSITES);
                    Long deletedAt = random.nextInt(5) == 0 ? Long.valueOf(1L) : null;
                    HubRow row = tx.row(step ? "phc_step" : "enrolment", id).orElse(null);
                    if (row == null) {
                        row = row(step ? "phc_step" : "enrolment", id, worksite, person, fields, deletedAt);
                    } else {
                        row.data().putAll(fields);
                        row.worksiteId(worksite);
                        row.deletedAt(deletedAt);
                    }
                    row.data().put("worksite_id", worksite);
                    tx.save(row);
                }
                return null;
            });
            var longRunning = store.reportData(from, to);
            try (JooqHubStore fresh = openAgain()) {
                var afresh = fresh.reportData(from, to);
                assertThat(longRunning.enrolments()).as("seed %d, transaction %d", seed, transaction)
                        .containsExactlyInAnyOrderElementsOf(afresh.enrolments());
                assertThat(longRunning.phcSteps()).as("seed %d, transaction %d", seed, transaction)
                        .isEqualTo(afresh.phcSteps());
            }
        }
    }

    /**
     * An import's transactions ({@link JooqHubStore#addRows}): their new cells are summed once per transaction, onto
     * months that already have cells, deleted ones left out, rows of other tables alongside; the trigger is back
     * after each (the ordinary writes between them are summed); one that would change an existing row is refused
     * whole and leaves the sums and the trigger as they were.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void anImportsTransactionsAddTheirSumsOnceAndLeaveTheTriggerInPlace(long seed) {
        Random random = new Random(seed);
        Map<String, Cell> model = new TreeMap<>();
        for (int round = 0; round < 6; round++) {
            int added = 1 + random.nextInt(30);
            String prefix = "n" + round + "-";
            Map<String, Cell> cells = new TreeMap<>();
            for (int i = 0; i < added; i++) {
                cells.put(prefix + i, next(random, null));
            }
            store.addRows(tx -> {
                cells.forEach((id, cell) -> tx.save(row("hours_entry", id, cell.worksite(), cell.participant(),
                        data(cell), cell.deleted() ? 1L : null)));
                tx.save(row("enrolment", prefix + "e", pick(random, WORKSITES), "p0",
                        Map.of("entry_date", "2026-01-05"), null));
                return null;
            });
            model.putAll(cells);
            // An ordinary write after it: an existing cell changed and a new one, both by the trigger.
            String changedId = pick(random, List.copyOf(model.keySet()));
            Cell changed = new Cell(model.get(changedId).participant(), model.get(changedId).worksite(),
                    model.get(changedId).day(), model.get(changedId).kind(), 15 + random.nextInt(100), false);
            Cell fresh = next(random, null);
            store.write(tx -> {
                HubRow row = tx.row("hours_entry", changedId).orElseThrow();
                row.data().clear();
                row.data().putAll(data(changed));
                row.deletedAt(null);
                tx.save(row);
                tx.save(row("hours_entry", prefix + "w", fresh.worksite(), fresh.participant(), data(fresh),
                        fresh.deleted() ? 1L : null));
                return null;
            });
            model.put(changedId, changed);
            model.put(prefix + "w", fresh);
            assertThat(months()).as("seed %d, round %d", seed, round).isEqualTo(expected(model));
            assertThat(personMonths()).as("seed %d, round %d", seed, round).isEqualTo(expectedByPerson(model));
            assertThat(store.hoursSummaryDifferences()).as("seed %d, round %d", seed, round).isEmpty();
        }

        String existing = model.keySet().iterator().next();
        assertThatThrownBy(() -> store.addRows(tx -> {
            tx.save(row("hours_entry", "refused-new", "ws-a", "p1", data(new Cell("p1", "ws-a", "2026-01-05",
                    "FORMATION", 60, false)), null));
            HubRow row = tx.row("hours_entry", existing).orElseThrow();
            row.data().put("minutes", 999);
            tx.save(row);
            return null;
        })).isInstanceOf(IllegalStateException.class);
        boolean refusedRowKept = store.read(r -> r.row("hours_entry", "refused-new").isPresent());
        assertThat(refusedRowKept).isFalse();
        Cell last = new Cell("p2", "ws-b", "2026-02-02", "TRAVAIL_CHANTIER", 120, false);
        store.write(tx -> {
            tx.save(row("hours_entry", "after-refusal", last.worksite(), last.participant(), data(last), null));
            return null;
        });
        model.put("after-refusal", last);
        assertThat(months()).isEqualTo(expected(model));
        assertThat(store.hoursSummaryDifferences()).isEmpty();
    }

    @Test
    void aMonthWhoseCellsAreAllOfZeroMinutesIsStillReadAndLeavesWithItsLastCell() {
        store.write(tx -> {
            tx.save(row("hours_entry", "z1", "ws-a", "p0", data(new Cell("p0", "ws-a", "2026-04-01",
                    "FORMATION", 0, false)), null));
            return null;
        });
        assertThat(months()).containsEntry("ws-a", List.of(new MonthlyMinutes(java.time.YearMonth.of(2026, 4),
                fr.convergence.terrain.core.domain.HoursKind.FORMATION, 0)));
        store.write(tx -> tx.eraseParticipant("p0"));
        assertThat(months()).isEmpty();
        assertThat(store.hoursSummaryDifferences()).isEmpty();
    }

    @Test
    void hoursAreReadByWholeMonths() {
        assertThatThrownBy(() -> store.reportData(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.reportData(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 30)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Cell next(Random random, Cell old) {
        if (old == null) {
            return new Cell("p" + random.nextInt(4), pick(random, WORKSITES), pick(random, DAYS), pick(random, KINDS),
                    random.nextInt(3) * 30, random.nextInt(6) == 0);
        }
        return switch (random.nextInt(7)) {
            case 0 -> new Cell(old.participant(), old.worksite(), old.day(), old.kind(), random.nextInt(3) * 45,
                    old.deleted());
            case 1 -> new Cell(old.participant(), pick(random, WORKSITES), old.day(), old.kind(), old.minutes(),
                    old.deleted());
            case 2 -> new Cell(old.participant(), old.worksite(), old.day(), old.kind(), old.minutes(), !old.deleted());
            case 3 -> new Cell(old.participant(), old.worksite(), pick(random, DAYS), pick(random, KINDS),
                    old.minutes(), old.deleted());
            case 4 -> new Cell("p" + random.nextInt(4), old.worksite(), old.day(), old.kind(), old.minutes(),
                    old.deleted());
            default -> old; // written again unchanged: a meta-only write
        };
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Map<String, Object> data(Cell cell) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("participant_id", cell.participant());
        data.put("worksite_id", cell.worksite());
        data.put("work_day", cell.day());
        data.put("kind", cell.kind());
        data.put("minutes", cell.minutes());
        data.put("deleted", cell.deleted());
        return data;
    }

    private static HubRow row(String table, String id, String worksite, String participant, Map<String, Object> fields,
                              Long deletedAt) {
        Map<String, Object> data = new LinkedHashMap<>(fields);
        Map<String, FieldMeta> meta = new LinkedHashMap<>();
        data.keySet().forEach(k -> meta.put(k, new FieldMeta("v0", FieldMeta.PENDING, "poste", null)));
        return new HubRow(table, id, worksite, participant, data, meta, "v0", "poste", FieldMeta.PENDING,
                FieldMeta.PENDING, 0, deletedAt);
    }

    /** What the yearly table of 2026 reads: worksite → its months, in a stable order. */
    private Map<String, List<MonthlyMinutes>> months() {
        Map<String, List<MonthlyMinutes>> read = new TreeMap<>();
        store.reportData(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)).minutesByWorksite()
                .forEach((worksite, months) -> read.put(worksite, sorted(months)));
        return read;
    }

    private static Map<String, List<MonthlyMinutes>> expected(Map<String, Cell> model) {
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        for (Cell c : model.values()) {
            if (!c.deleted()) {
                sums.computeIfAbsent(c.worksite(), k -> new TreeMap<>())
                        .merge(c.day().substring(0, 7) + " " + c.kind(), (long) c.minutes(), Long::sum);
            }
        }
        Map<String, List<MonthlyMinutes>> expected = new TreeMap<>();
        sums.forEach((worksite, byMonth) -> {
            List<MonthlyMinutes> months = new ArrayList<>();
            byMonth.forEach((key, minutes) -> months.add(new MonthlyMinutes(java.time.YearMonth.parse(
                    key.substring(0, 7)), fr.convergence.terrain.core.domain.HoursKind.valueOf(key.substring(8)),
                    minutes)));
            expected.put(worksite, sorted(months));
        });
        return expected;
    }

    /** What the monthly statements read: « worksite month person kind » → minutes, every worksite and month. */
    private Map<String, Long> personMonths() {
        Map<String, Long> read = new TreeMap<>();
        for (String worksite : WORKSITES) {
            for (String month : DAYS.stream().map(d -> d.substring(0, 7)).distinct().toList()) {
                java.time.YearMonth m = java.time.YearMonth.parse(month);
                for (PersonMinutes p : store.monthlyData(worksite, m.atDay(1), m.atEndOfMonth()).minutes()) {
                    assertThat(read.put(worksite + " " + month + " " + p.participantId() + " " + p.kind(),
                            p.minutes())).as("one line per person and kind").isNull();
                }
            }
        }
        return read;
    }

    private static Map<String, Long> expectedByPerson(Map<String, Cell> model) {
        Map<String, Long> sums = new TreeMap<>();
        for (Cell c : model.values()) {
            if (!c.deleted()) {
                sums.merge(c.worksite() + " " + c.day().substring(0, 7) + " " + c.participant() + " " + c.kind(),
                        (long) c.minutes(), Long::sum);
            }
        }
        return sums;
    }

    private static List<MonthlyMinutes> sorted(List<MonthlyMinutes> months) {
        return months.stream().sorted(java.util.Comparator.comparing(MonthlyMinutes::month)
                .thenComparing(MonthlyMinutes::kind)).toList();
    }
}
