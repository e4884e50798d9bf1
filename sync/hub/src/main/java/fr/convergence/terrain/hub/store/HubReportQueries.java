package fr.convergence.terrain.hub.store;

import static fr.convergence.terrain.hub.store.HubSchema.ROW;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_DATA;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_DELETED_AT;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_ID;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_SEQ;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_TABLE;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_VERSION;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_WORKSITE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.report.MonthlyMinutes;
import fr.convergence.terrain.core.report.PersonMinutes;
import fr.convergence.terrain.hub.report.HubMonthlyData;
import fr.convergence.terrain.hub.report.HubReportData;
import fr.convergence.terrain.hub.sync.HubRecords;
import fr.convergence.terrain.hub.sync.HubStore.RowData;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The reads behind the hub's reports. Synced rows are kept as JSON ({@code hub_row.data}): enrolments and PHC steps
 * (thousands) are read and turned into core's records here; hours (millions of cells nationally) are read already
 * summed by worksite, month and kind from the summary the database keeps ({@link HoursSummary}). Rows become records as the hub's week
 * rules read them ({@link HubRecords}). Deleted rows (tombstones: {@code
 * deleted_at} set) never count, as on the laptops.
 */
final class HubReportQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };

    /**
     * Enrolments and PHC steps already turned into records, by table: every write gives a row a new sequence, so
     * a read asks only for the rows whose sequence is above the last one read. The first view of the yearly table
     * after a laptop's sync then reads and parses that sync's rows, not the country's ids and sequences.
     */
    private final Map<String, TableRows> parsed = new HashMap<>();

    /** One store's reads; one at a time, so that the rows parsed are kept once. */
    synchronized HubReportData read(DSLContext sql, List<WorksiteInfo> worksites, LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() != 1 || !to.equals(YearMonth.from(to).atEndOfMonth())) {
            throw new IllegalArgumentException("Hours are summed by whole months: " + from + " – " + to);
        }
        List<Versioned<Enrolment>> enrolments = rows(sql, "enrolment", HubRecords::enrolment);
        Map<String, List<PhcStep>> steps = byEnrolment(rows(sql, "phc_step", HubRecords::step));
        Map<String, List<MonthlyMinutes>> minutes = new HashMap<>();
        Map<String, YearMonth> months = new HashMap<>(); // a few dozen months for thousands of rows
        for (HoursSummary.MonthKind m : HoursSummary.months(sql, YearMonth.from(from).toString(),
                YearMonth.from(to).toString())) {
            minutes.computeIfAbsent(m.worksiteId(), k -> new ArrayList<>()).add(new MonthlyMinutes(
                    months.computeIfAbsent(m.month(), YearMonth::parse), HoursKind.valueOf(m.kind()), m.minutes()));
        }
        return new HubReportData(List.copyOf(worksites), enrolments.stream().map(e -> e.value()).toList(), steps,
                minutes);
    }

    /** One worksite's enrolments, PHC steps and hours of one month by person ({@code from} – {@code to}). */
    static HubMonthlyData readWorksite(DSLContext sql, String worksiteId, LocalDate from, LocalDate to) {
        Condition worksite = ROW_WORKSITE.eq(worksiteId);
        List<Enrolment> enrolments = worksiteRows(sql, "enrolment", worksite, HubRecords::enrolment).stream()
                .map(Versioned::value).toList();
        if (!YearMonth.from(from).equals(YearMonth.from(to)) || from.getDayOfMonth() != 1
                || !to.equals(YearMonth.from(to).atEndOfMonth())) {
            throw new IllegalArgumentException("A statement sums the hours of one whole month: " + from + " – " + to);
        }
        List<PersonMinutes> minutes = HoursSummary.persons(sql, worksiteId, YearMonth.from(from).toString());
        return new HubMonthlyData(enrolments, byEnrolment(worksiteRows(sql, "phc_step", worksite, HubRecords::step)),
                minutes);
    }

    /** PHC steps by enrolment id, oldest first as the laptop orders them (start date, then version). */
    private static Map<String, List<PhcStep>> byEnrolment(List<Versioned<PhcStep>> rows) {
        Map<String, List<PhcStep>> steps = new HashMap<>();
        rows.stream()
                .sorted(java.util.Comparator.comparing((Versioned<PhcStep> s) -> s.value().startDate())
                        .thenComparing(Versioned::version))
                .forEach(s -> steps.computeIfAbsent(s.value().enrolmentId(), k -> new ArrayList<>()).add(s.value()));
        return steps;
    }

    private record Versioned<T>(T value, String version) {
    }

    private static <T> T parse(String table, String id, String worksite, String data, Function<RowData, T> reader) {
        try {
            return reader.apply(new RowData(id, worksite, JSON.readValue(data, DATA)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable hub row " + table + "/" + id, e);
        }
    }

    /** One worksite's live rows of {@code table}, read and parsed each time (a statement reads few). */
    private static <T> List<Versioned<T>> worksiteRows(DSLContext sql, String table, Condition where,
                                                       Function<RowData, T> reader) {
        List<Versioned<T>> values = new ArrayList<>();
        for (Record r : sql.select(ROW_ID, ROW_WORKSITE, ROW_DATA, ROW_VERSION).from(ROW)
                .where(where, ROW_TABLE.eq(table), ROW_DELETED_AT.isNull()).fetch()) {
            values.add(new Versioned<>(parse(table, r.get(ROW_ID), r.get(ROW_WORKSITE), r.get(ROW_DATA), reader),
                    r.get(ROW_VERSION)));
        }
        return values;
    }

    /**
     * One table's rows as the last read left them: the live ones parsed, by id in id order, the ids of its
     * tombstones, and the highest sequence read. Every write gives a row a sequence above all before it, committed
     * in that order (the hub's counter is locked until commit), so the rows written since are those above it.
     */
    private static final class TableRows {
        final TreeMap<String, Versioned<?>> live = new TreeMap<>();
        final Set<String> tombstones = new HashSet<>();
        long readUpTo = -1;
        /** {@link #live}'s values as the last read returned them; null once a row changed. */
        List<Versioned<?>> values;
    }

    /**
     * The live rows of {@code table} as records, in row id order; only those written since the last read are
     * read and parsed. Rows removed outright (an erasure, the purge of tombstones) leave no sequence: the rows of
     * the table are then fewer than those known, and the known ones no longer there are dropped.
     */
    @SuppressWarnings("unchecked")
    private <T> List<Versioned<T>> rows(DSLContext sql, String table, Function<RowData, T> reader) {
        TableRows known = parsed.computeIfAbsent(table, t -> new TableRows());
        long upTo = known.readUpTo;
        List<? extends Record> read = sql.select(ROW_ID, ROW_WORKSITE, ROW_DATA, ROW_VERSION, ROW_SEQ,
                ROW_DELETED_AT).from(ROW).where(ROW_TABLE.eq(table), ROW_SEQ.gt(known.readUpTo)).fetch();
        // Parsing is most of a first read (80,000 enrolments at national × 10): done on every core, in order.
        List<T> values = read.parallelStream().map(r -> r.get(ROW_DELETED_AT) != null ? null
                : parse(table, r.get(ROW_ID), r.get(ROW_WORKSITE), r.get(ROW_DATA), reader)).toList();
        for (int i = 0; i < read.size(); i++) {
            Record r = read.get(i);
            String id = r.get(ROW_ID);
            upTo = Math.max(upTo, r.get(ROW_SEQ));
            if (r.get(ROW_DELETED_AT) != null) {
                known.live.remove(id);
                known.tombstones.add(id);
            } else {
                known.live.put(id, new Versioned<>(values.get(i), r.get(ROW_VERSION)));
                known.tombstones.remove(id);
            }
            known.values = null;
        }
        known.readUpTo = upTo;
        if (sql.fetchCount(ROW, ROW_TABLE.eq(table)) != known.live.size() + known.tombstones.size()) {
            Set<String> present = new HashSet<>(sql.select(ROW_ID).from(ROW).where(ROW_TABLE.eq(table))
                    .fetch(ROW_ID));
            known.live.keySet().retainAll(present);
            known.tombstones.retainAll(present);
            known.values = null;
        }
        if (known.values == null) {
            known.values = List.copyOf(known.live.values());
        }
        return (List<Versioned<T>>) (List<?>) known.values;
    }
}
