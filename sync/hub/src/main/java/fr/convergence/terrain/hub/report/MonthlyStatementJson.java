package fr.convergence.terrain.hub.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.report.MonthlyStatement;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A monthly statement from the hub as JSON, for scripts: {@code worksite}, {@code month}, {@code rows} (each with its
 * {@code number}, {@code participantId}, contract, dates ISO, {@code weeklyHours} or {@code phcStepHours}, {@code
 * hours} by kind and {@code workedHours} in decimal hours, {@code fte}, exit) and {@code totals}. Kinds are named as in
 * the data ({@code TRAVAIL_CHANTIER}…), contracts and exit categories likewise. No name: the hub shows none.
 */
public final class MonthlyStatementJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private MonthlyStatementJson() {
    }

    public static void write(MonthlyStatement statement, OutputStream out) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("worksite", statement.worksiteId());
        root.put("worksiteName", statement.worksiteName());
        root.put("month", statement.month().toString());
        List<Object> rows = new ArrayList<>();
        int number = 0;
        for (MonthlyStatement.Row row : statement.rows()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("number", ++number);
            map.put("participantId", row.participantId());
            map.put("programme", name(row.programme()));
            map.put("contract", name(row.contract()));
            map.put("previousContract", name(row.previousContract()));
            map.put("entryDate", date(row.entryDate()));
            map.put("contractEndDate", date(row.contractEndDate()));
            map.put("weeklyHours", row.weeklyHours());
            map.put("phcStepHours", row.phcStepHours());
            map.put("hours", hours(row::minutes));
            map.put("workedHours", hours(row.workedMinutes()));
            map.put("fte", row.fte());
            map.put("exitDate", date(row.exitDate()));
            map.put("exitCategory", name(row.exitCategory()));
            rows.add(map);
        }
        root.put("rows", rows);
        MonthlyStatement.Totals totals = statement.totals();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("people", totals.people());
        Map<String, Object> byContract = new LinkedHashMap<>();
        totals.peopleByContract().forEach((type, count) -> byContract.put(type.name(), count));
        map.put("peopleByContract", byContract);
        map.put("entries", totals.entries());
        map.put("exits", totals.exits());
        map.put("hours", hours(totals::minutes));
        map.put("workedHours", hours(totals.workedMinutes()));
        map.put("fte", totals.fte());
        root.put("totals", map);
        JSON.writeValue(out, root);
    }

    private static Map<String, Object> hours(Function<HoursKind, Long> minutes) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (HoursKind kind : MonthlyStatement.kinds()) {
            map.put(kind.name(), hours(minutes.apply(kind)));
        }
        return map;
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name().toUpperCase(Locale.ROOT);
    }

    private static String date(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
