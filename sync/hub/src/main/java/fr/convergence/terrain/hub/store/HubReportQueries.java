package fr.convergence.terrain.hub.store;

import static fr.convergence.terrain.hub.store.HubSchema.ROW;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_DATA;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_DELETED_AT;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_ID;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_TABLE;
import static fr.convergence.terrain.hub.store.HubSchema.ROW_VERSION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.DerogationKind;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.report.MonthlyMinutes;
import fr.convergence.terrain.hub.report.HubReportData;
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
 * database by worksite, month and kind, with each dialect's JSON functions. Deleted rows (tombstones: {@code
 * deleted_at} set) never count, as on the laptops.
 */
final class HubReportQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        List<Versioned<Enrolment>> enrolments = rows(sql, "enrolment", HubReportQueries::enrolment);
        Map<String, List<PhcStep>> steps = new HashMap<>();
        // Oldest first, as the laptop orders them (start date, then version), so the step in force is the same.
        rows(sql, "phc_step", HubReportQueries::step).stream()
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

    private static <T> List<Versioned<T>> rows(DSLContext sql, String table, Function<Row, T> reader) {
        List<Versioned<T>> values = new ArrayList<>();
        for (Record r : sql.select(ROW_ID, ROW_DATA, ROW_VERSION).from(ROW)
                .where(ROW_TABLE.eq(table), ROW_DELETED_AT.isNull()).fetch()) {
            try {
                values.add(new Versioned<>(reader.apply(new Row(r.get(ROW_ID), JSON.readTree(r.get(ROW_DATA)))),
                        r.get(ROW_VERSION)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable hub row " + table + "/" + r.get(ROW_ID), e);
            }
        }
        return values;
    }

    private record Row(String id, JsonNode data) {
        String text(String field) {
            JsonNode node = data.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        LocalDate date(String field) {
            String text = text(field);
            return text == null ? null : LocalDate.parse(text);
        }

        Integer integer(String field) {
            JsonNode node = data.get(field);
            return node == null || node.isNull() ? null : node.asInt();
        }

        <E extends Enum<E>> E value(Class<E> type, String field) {
            String text = text(field);
            return text == null ? null : Enum.valueOf(type, text);
        }
    }

    private static Enrolment enrolment(Row row) {
        // The extension reason is free text a person typed: no figure reads it, so it stays in the row.
        return new Enrolment(row.id(), row.text("participant_id"), row.text("worksite_id"),
                row.value(Programme.class, "programme"), row.value(ContractType.class, "contract_type"),
                row.date("entry_date"), row.date("contract_end_date"), row.integer("weekly_hours"),
                row.value(DerogationKind.class, "derogation_kind"), row.date("derogation_end_date"), null,
                row.date("exit_date"), row.value(ExitCategory.class, "exit_category"),
                row.value(ExitReason.class, "exit_reason"));
    }

    private static PhcStep step(Row row) {
        return new PhcStep(row.id(), row.text("enrolment_id"), row.integer("target_hours"), row.date("start_date"));
    }
}
