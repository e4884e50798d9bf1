package fr.convergence.terrain.hub.store;

import static fr.convergence.terrain.hub.store.HubSchema.ROW;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_DATA;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_DELETED_AT;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_ID;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The reads behind the hub's reports. Synced rows are kept as JSON ({@code hub_row.data}): enrolments and PHC steps
 * (thousands) are read and turned into core's records here; hours (millions of cells nationally) are summed by the
 * database by worksite, month and kind, with each dialect's JSON functions. Rows become records as the hub's week
 * rules read them ({@link HubRecords}). Deleted rows (tombstones: {@code
 * deleted_at} set) never count, as on the laptops.
 */
final class HubReportQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };

    /** SQLite: the three fields read once per row by a subquery, then filtered and summed. */
    private static final String SQLITE_MINUTES = "SELECT worksite_id, substr(work_day, 1, 7), kind, sum(minutes) "
            + "FROM (SELECT worksite_id, json_extract(data, '$.work_day') AS work_day, "
            + "json_extract(data, '$.kind') AS kind, json_extract(data, '$.minutes') AS minutes FROM hub_row "
            + "WHERE table_name = 'hours_entry' AND deleted_at IS NULL) "
            + "WHERE work_day BETWEEN ? AND ? GROUP BY 1, 2, 3";
    /** PostgreSQL: each row's JSON parsed once by json_to_record. */
    private static final String POSTGRES_MINUTES = "SELECT h.worksite_id, substr(r.work_day, 1, 7), r.kind, "
            + "sum(r.minutes) FROM hub_row h CROSS JOIN LATERAL json_to_record(h.data::json) "
            + "AS r(work_day text, kind text, minutes bigint) "
            + "WHERE h.table_name = 'hours_entry' AND h.deleted_at IS NULL AND r.work_day BETWEEN ? AND ? "
            + "GROUP BY 1, 2, 3";

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

    private HubReportQueries() {
    }

    static HubReportData read(DSLContext sql, SQLDialect dialect, List<WorksiteInfo> worksites, LocalDate from,
                              LocalDate to) {
        List<Versioned<Enrolment>> enrolments = rows(sql, "enrolment", DSL.noCondition(), HubRecords::enrolment);
        Map<String, List<PhcStep>> steps = steps(sql, DSL.noCondition());
        Map<String, List<MonthlyMinutes>> minutes = new HashMap<>();
        String query = dialect == SQLDialect.POSTGRES ? POSTGRES_MINUTES : SQLITE_MINUTES;
        for (Record r : sql.resultQuery(query, from.toString(), to.toString()).fetch()) {
            Number sum = (Number) r.get(3);
            minutes.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>()).add(new MonthlyMinutes(
                    YearMonth.parse(r.get(1, String.class)), HoursKind.valueOf(r.get(2, String.class)),
                    sum == null ? 0 : sum.longValue()));
        }
        return new HubReportData(List.copyOf(worksites), enrolments.stream().map(e -> e.value()).toList(), steps,
                minutes);
    }

    /** One worksite's enrolments, PHC steps and hours of the days from {@code from} to {@code to} by person. */
    static HubMonthlyData readWorksite(DSLContext sql, SQLDialect dialect, String worksiteId, LocalDate from,
                                       LocalDate to) {
        Condition worksite = ROW_WORKSITE.eq(worksiteId);
        List<Enrolment> enrolments = rows(sql, "enrolment", worksite, HubRecords::enrolment).stream()
                .map(Versioned::value).toList();
        List<PersonMinutes> minutes = new ArrayList<>();
        String query = dialect == SQLDialect.POSTGRES ? POSTGRES_PERSON_MINUTES : SQLITE_PERSON_MINUTES;
        for (Record r : sql.resultQuery(query, worksiteId, from.toString(), to.toString()).fetch()) {
            Number sum = (Number) r.get(2);
            minutes.add(new PersonMinutes(r.get(0, String.class), HoursKind.valueOf(r.get(1, String.class)),
                    sum == null ? 0 : sum.longValue()));
        }
        return new HubMonthlyData(enrolments, steps(sql, worksite), minutes);
    }

    /** PHC steps by enrolment id, oldest first as the laptop orders them (start date, then version). */
    private static Map<String, List<PhcStep>> steps(DSLContext sql, Condition where) {
        Map<String, List<PhcStep>> steps = new HashMap<>();
        rows(sql, "phc_step", where, HubRecords::step).stream()
                .sorted(java.util.Comparator.comparing((Versioned<PhcStep> s) -> s.value().startDate())
                        .thenComparing(Versioned::version))
                .forEach(s -> steps.computeIfAbsent(s.value().enrolmentId(), k -> new ArrayList<>()).add(s.value()));
        return steps;
    }

    private record Versioned<T>(T value, String version) {
    }

    private static <T> List<Versioned<T>> rows(DSLContext sql, String table, Condition where,
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
}
