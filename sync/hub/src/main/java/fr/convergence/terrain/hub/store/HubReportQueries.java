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

    private HubReportQueries() {
    }

    static HubReportData read(DSLContext sql, List<WorksiteInfo> worksites, LocalDate from,
                              LocalDate to) {
        List<Versioned<Enrolment>> enrolments = rows(sql, "enrolment", HubRecords::enrolment);
        Map<String, List<PhcStep>> steps = new HashMap<>();
        // Oldest first, as the laptop orders them (start date, then version), so the step in force is the same.
        rows(sql, "phc_step", HubRecords::step).stream()
                .sorted(java.util.Comparator.comparing((Versioned<PhcStep> s) -> s.value().startDate())
                        .thenComparing(Versioned::version))
                .forEach(s -> steps.computeIfAbsent(s.value().enrolmentId(), k -> new ArrayList<>()).add(s.value()));
        if (from.getDayOfMonth() != 1 || !to.equals(YearMonth.from(to).atEndOfMonth())) {
            throw new IllegalArgumentException("Hours are summed by whole months: " + from + " – " + to);
        }
        Map<String, List<MonthlyMinutes>> minutes = new HashMap<>();
        for (HoursSummary.MonthKind m : HoursSummary.months(sql, YearMonth.from(from).toString(),
                YearMonth.from(to).toString())) {
            minutes.computeIfAbsent(m.worksiteId(), k -> new ArrayList<>()).add(new MonthlyMinutes(
                    YearMonth.parse(m.month()), HoursKind.valueOf(m.kind()), m.minutes()));
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
