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
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

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
    /** More changed rows than this are read in one scan of the table rather than by id. */
    private static final int BY_ID = 500;

    /**
     * Enrolments and PHC steps already turned into records, by table then row id, with the sequence of the write
     * they were read at: every write gives a row a new sequence, so a row is parsed again only when it changed,
     * and a row gone (erased, deleted) is no longer among the sequences read. The first view of the yearly table
     * after a laptop's sync then parses that sync's rows, not the country's.
     */
    private final Map<String, Map<String, Parsed>> parsed = new HashMap<>();

    /** SQLite: one worksite's hours of a span of days by person and kind (the worksite through its index). */
    private static final String SQLITE_PERSON_MINUTES = "SELECT participant_id, kind, sum(minutes) "
            + "FROM (SELECT json_extract(data, '$.participant_id') AS participant_id, "
            + "json_extract(data, '$.work_day') AS work_day, json_extract(data, '$.kind') AS kind, "
            + "json_extract(data, '$.minutes') AS minutes FROM hub_row "
            + "WHERE worksite_id = ? AND table_name = 'hours_entry' AND deleted_at IS NULL) "
            + "WHERE work_day BETWEEN ? AND ? GROUP BY 1, 2";
    private static final String POSTGRES_PERSON_MINUTES = "SELECT r.participant_id, r.kind, sum(r.minutes) "
            + "FROM hub_row h CROSS JOIN LATERAL json_to_record(h.data::json) "
            + "AS r(participant_id text, work_day text, kind text, minutes bigint) "
            + "WHERE h.worksite_id = ? AND h.table_name = 'hours_entry' AND h.deleted_at IS NULL "
            + "AND r.work_day BETWEEN ? AND ? GROUP BY 1, 2";

    /** One store's reads; one at a time, so that the rows parsed are kept once. */
    synchronized HubReportData read(DSLContext sql, List<WorksiteInfo> worksites, LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() != 1 || !to.equals(YearMonth.from(to).atEndOfMonth())) {
            throw new IllegalArgumentException("Hours are summed by whole months: " + from + " – " + to);
        }
        List<Versioned<Enrolment>> enrolments = rows(sql, "enrolment", HubRecords::enrolment);
        Map<String, List<PhcStep>> steps = byEnrolment(rows(sql, "phc_step", HubRecords::step));
        Map<String, List<MonthlyMinutes>> minutes = new HashMap<>();
        for (HoursSummary.MonthKind m : HoursSummary.months(sql, YearMonth.from(from).toString(),
                YearMonth.from(to).toString())) {
            minutes.computeIfAbsent(m.worksiteId(), k -> new ArrayList<>()).add(new MonthlyMinutes(
                    YearMonth.parse(m.month()), HoursKind.valueOf(m.kind()), m.minutes()));
        }
        return new HubReportData(List.copyOf(worksites), enrolments.stream().map(e -> e.value()).toList(), steps,
                minutes);
    }

    /** One worksite's enrolments, PHC steps and hours of the days from {@code from} to {@code to} by person. */
    static HubMonthlyData readWorksite(DSLContext sql, SQLDialect dialect, String worksiteId, LocalDate from,
                                       LocalDate to) {
        Condition worksite = ROW_WORKSITE.eq(worksiteId);
        List<Enrolment> enrolments = worksiteRows(sql, "enrolment", worksite, HubRecords::enrolment).stream()
                .map(Versioned::value).toList();
        List<PersonMinutes> minutes = new ArrayList<>();
        String query = dialect == SQLDialect.POSTGRES ? POSTGRES_PERSON_MINUTES : SQLITE_PERSON_MINUTES;
        for (Record r : sql.resultQuery(query, worksiteId, from.toString(), to.toString()).fetch()) {
            Number sum = (Number) r.get(2);
            minutes.add(new PersonMinutes(r.get(0, String.class), HoursKind.valueOf(r.get(1, String.class)),
                    sum == null ? 0 : sum.longValue()));
        }
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

    /** One worksite's live rows of {@code table}, read and parsed each time (a statement reads few). */
    private static <T> List<Versioned<T>> worksiteRows(DSLContext sql, String table, Condition where,
                                                       Function<RowData, T> reader) {
        List<Versioned<T>> values = new ArrayList<>();
        for (Record r : sql.select(ROW_ID, ROW_WORKSITE, ROW_DATA, ROW_VERSION).from(ROW)
                .where(where, ROW_TABLE.eq(table), ROW_DELETED_AT.isNull()).fetch()) {
            try {
                values.add(new Versioned<>(reader.apply(new RowData(r.get(ROW_ID), r.get(ROW_WORKSITE),
                        JSON.readValue(r.get(ROW_DATA), DATA))), r.get(ROW_VERSION)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable hub row " + table + "/" + r.get(ROW_ID), e);
            }
        }
        return values;
    }

    /** A row as a record, and the sequence of the write it was read at. */
    private record Parsed(long seq, Versioned<?> row) {
    }

    /** The live rows of {@code table} as records, in row id order; only those written since the last read parsed. */
    @SuppressWarnings("unchecked")
    private <T> List<Versioned<T>> rows(DSLContext sql, String table, Function<RowData, T> reader) {
        Map<String, Parsed> known = parsed.getOrDefault(table, Map.of());
        Map<String, Parsed> now = new TreeMap<>();
        Set<String> changed = new HashSet<>();
        for (Record2<String, Long> r : sql.select(ROW_ID, ROW_SEQ).from(ROW)
                .where(ROW_TABLE.eq(table), ROW_DELETED_AT.isNull()).fetch()) {
            Parsed kept = known.get(r.value1());
            if (kept != null && kept.seq() == r.value2()) {
                now.put(r.value1(), kept);
            } else {
                changed.add(r.value1());
            }
        }
        if (!changed.isEmpty()) {
            Condition which = changed.size() > BY_ID ? DSL.noCondition() : ROW_ID.in(changed);
            for (Record r : sql.select(ROW_ID, ROW_WORKSITE, ROW_DATA, ROW_VERSION, ROW_SEQ).from(ROW)
                    .where(ROW_TABLE.eq(table), ROW_DELETED_AT.isNull(), which).fetch()) {
                if (!changed.contains(r.get(ROW_ID))) {
                    continue;
                }
                try {
                    T value = reader.apply(new RowData(r.get(ROW_ID), r.get(ROW_WORKSITE),
                            JSON.readValue(r.get(ROW_DATA), DATA)));
                    now.put(r.get(ROW_ID), new Parsed(r.get(ROW_SEQ), new Versioned<>(value, r.get(ROW_VERSION))));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Unreadable hub row " + table + "/" + r.get(ROW_ID), e);
                }
            }
        }
        parsed.put(table, now);
        List<Versioned<T>> values = new ArrayList<>(now.size());
        now.values().forEach(p -> values.add((Versioned<T>) p.row()));
        return values;
    }
}
