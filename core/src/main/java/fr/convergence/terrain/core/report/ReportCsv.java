package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.demo.DemoMarking;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.text.ExcelCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A report as CSV that French Excel opens with a double click: UTF-8 with a byte order mark, {@code ;} between
 * fields, a decimal comma, CRLF line ends. One line per figure, in long form (scope, period, indicator, detail,
 * month, value, unit), so a pivot table can regroup exports of several worksites. From a demonstration store,
 * every line ends with one more column, "Nature des données", saying {@link DemoMarking#TEXT}: the header stays the
 * first line (Excel's filters and pivot tables find it), and a line copied elsewhere keeps its mark; a real
 * store's export is unchanged.
 */
public final class ReportCsv {

    /** The columns, in order. */
    public static final List<String> HEADER = List.of("Périmètre", "Du", "Au", "Indicateur", "Détail", "Mois",
            "Valeur", "Unité");
    /** The column added to an export of demonstration data. */
    public static final String DEMO_COLUMN = "Nature des données";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String PEOPLE = "personnes";

    /** One line of figures: {@code month} is empty for a figure of the whole period. */
    public record Row(String indicator, String detail, YearMonth month, String value, String unit) {
    }

    private ReportCsv() {
    }

    public static void write(Report report, OutputStream out) throws IOException {
        write(report, out, false);
    }

    /** With {@code demo}, each line carries the demonstration mark in a last column. */
    public static void write(Report report, OutputStream out, boolean demo) throws IOException {
        out.write(BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        line(writer, demo ? withDemo(HEADER, DEMO_COLUMN) : HEADER);
        String scope = report.scope().label();
        String from = report.period().from().format(DATE);
        String to = report.period().to().format(DATE);
        for (Row row : rows(report)) {
            List<String> fields = List.of(scope, from, to, row.indicator(), row.detail(),
                    row.month() == null ? "" : row.month().toString(), row.value(), row.unit());
            line(writer, demo ? withDemo(fields, DemoMarking.TEXT) : fields);
        }
        writer.flush();
    }

    private static List<String> withDemo(List<String> fields, String last) {
        List<String> all = new ArrayList<>(fields);
        all.add(last);
        return all;
    }

    /** The figures of the report in the order they are written. */
    public static List<Row> rows(Report report) {
        List<Row> rows = new ArrayList<>();
        ActiveCaseload caseload = report.activeCaseload();
        rows.add(new Row("File active", "Total", null, count(caseload.total()), PEOPLE));
        for (Programme programme : Programme.values()) {
            rows.add(new Row("File active", programme.label(), null,
                    count(caseload.byProgramme().getOrDefault(programme, 0)), PEOPLE));
        }
        rows.add(new Row("File active", "Présent·es le " + date(caseload.onDay()), null,
                count(caseload.presentOn()), PEOPLE));
        caseload.byMonth().forEach((month, n) -> rows.add(new Row("File active", "Par mois", month, count(n), PEOPLE)));

        EntriesAndExits flows = report.entriesAndExits();
        rows.add(new Row("Entrées", "Total", null, count(flows.entries()), PEOPLE));
        flows.entriesByProgramme().forEach((p, n) -> rows.add(new Row("Entrées", p.label(), null, count(n), PEOPLE)));
        rows.add(new Row("Sorties", "Total", null, count(flows.exits()), PEOPLE));
        flows.exitsByProgramme().forEach((p, n) -> rows.add(new Row("Sorties", p.label(), null, count(n), PEOPLE)));
        flows.byMonth().forEach((month, flow) -> {
            rows.add(new Row("Entrées", "Par mois", month, count(flow.entries()), PEOPLE));
            rows.add(new Row("Sorties", "Par mois", month, count(flow.exits()), PEOPLE));
        });

        ExitsByCategory exits = report.exitsByCategory();
        for (ExitCategory category : ExitCategory.values()) {
            rows.add(new Row("Sorties par type", category.label(), null,
                    count(exits.counts().getOrDefault(category, 0)), PEOPLE));
        }
        rows.add(new Row("Sorties dynamiques", "Part des sorties", null, percent(exits.dynamicRate()), "%"));

        PhcStepDistribution steps = report.phcSteps();
        steps.byTargetHours().forEach((target, n) -> rows.add(new Row("Paliers PHC le " + date(steps.onDay()),
                target + " h", null, count(n), PEOPLE)));

        PhcToCddiTransitions transitions = report.phcToCddi();
        rows.add(new Row("Passages PHC → CDDI", "Total", null, count(transitions.transitions()), PEOPLE));
        rows.add(new Row("Passages PHC → CDDI", "Contrats PHC terminés", null, count(transitions.phcEnds()), PEOPLE));
        rows.add(new Row("Passages PHC → CDDI", "Part des contrats PHC terminés", null,
                percent(transitions.rate()), "%"));
        transitions.byMonth().forEach((month, n) -> rows.add(new Row("Passages PHC → CDDI", "Par mois", month,
                count(n), PEOPLE)));

        MonthlyHours hours = report.hours();
        rows.add(new Row("Heures réalisées", "Total", null, hours(hours.totalMinutes()), "heures"));
        for (Map.Entry<YearMonth, Map<HoursKind, Long>> month : hours.minutes().entrySet()) {
            rows.add(new Row("Heures réalisées", "Total du mois", month.getKey(),
                    hours(hours.totalMinutes(month.getKey())), "heures"));
            month.getValue().forEach((kind, minutes) -> rows.add(new Row("Heures réalisées", kind.label(),
                    month.getKey(), hours(minutes), "heures")));
        }
        return rows;
    }

    /** Minutes as decimal hours with a comma: 90 → "1,50". */
    public static String hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).toPlainString()
                .replace('.', ',');
    }

    /** A percentage with one decimal and a comma, empty when there is nothing to divide by. */
    public static String percent(Double rate) {
        return rate == null ? "" : BigDecimal.valueOf(rate).setScale(1, RoundingMode.HALF_UP).toPlainString()
                .replace('.', ',');
    }

    private static String count(int n) {
        return Integer.toString(n);
    }

    private static String date(LocalDate day) {
        return day.format(DATE);
    }

    private static void line(Writer writer, List<String> fields) throws IOException {
        ExcelCsv.line(writer, fields);
    }

    /** Quotes a field that needs it, and defuses text Excel would run as a formula. */
    static String escape(String field) {
        return ExcelCsv.escape(field);
    }
}
