package fr.convergence.terrain.hub.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.convergence.terrain.core.report.Report;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A yearly table as JSON, for scripts: {@code year}, {@code level}, {@code lines} (each with {@code id}, {@code
 * label}, {@code figures} and {@code previousYear}) and {@code total}; figure names are {@link YearlyFigure#key()},
 * hours in decimal hours, the share in percent (null without exits).
 */
public final class YearlyTableJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private YearlyTableJson() {
    }

    public static void write(YearlyTable table, OutputStream out) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("year", table.year());
        root.put("level", table.level().name().toLowerCase(java.util.Locale.ROOT));
        root.put("scope", table.title());
        List<Object> lines = new ArrayList<>();
        table.lines().forEach(line -> lines.add(line(table, line)));
        root.put("lines", lines);
        root.put("total", table.total() == null ? null : line(table, table.total()));
        JSON.writeValue(out, root);
    }

    private static Map<String, Object> line(YearlyTable table, YearlyTable.Line line) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", line.id());
        map.put("label", line.label());
        map.put("figures", figures(table, line.current()));
        map.put("previousYear", figures(table, line.previous()));
        return map;
    }

    private static Map<String, Object> figures(YearlyTable table, Report report) {
        Map<String, Object> map = new LinkedHashMap<>();
        table.figures().forEach(f -> map.put(f.key(), f.json(report)));
        return map;
    }
}
