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
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;

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

    private HubReportQueries() {
    }

    static HubReportData read(DSLContext sql, SQLDialect dialect, List<WorksiteInfo> worksites, LocalDate from,
                              LocalDate to) {
        List<Versioned<Enrolment>> enrolments = rows(sql, "enrolment", HubRecords::enrolment);
        Map<String, List<PhcStep>> steps = new HashMap<>();
        // Oldest first, as the laptop orders them (start date, then version), so the step in force is the same.
        rows(sql, "phc_step", HubRecords::step).stream()
                .sorted(java.util.Comparator.comparing((Versioned<PhcStep> s) -> s.value().startDate())
                        .thenComparing(Versioned::version))
                .forEach(s -> steps.computeIfAbsent(s.value().enrolmentId(), k -> new ArrayList<>()).add(s.value()));
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

    private record Versioned<T>(T value, String version) {
    }

    private static <T> List<Versioned<T>> rows(DSLContext sql, String table, Function<RowData, T> reader) {
        List<Versioned<T>> values = new ArrayList<>();
        for (Record r : sql.select(ROW_ID, ROW_WORKSITE, ROW_DATA, ROW_VERSION).from(ROW)
                .where(ROW_TABLE.eq(table), ROW_DELETED_AT.isNull()).fetch()) {
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
