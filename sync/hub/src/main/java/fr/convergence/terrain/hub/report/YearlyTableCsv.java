package fr.convergence.terrain.hub.report;

import fr.convergence.terrain.core.report.Report;
import fr.convergence.terrain.core.text.ExcelCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A yearly table as CSV for French Excel, with core's conventions ({@link ExcelCsv}: byte order mark, {@code ;},
 * CRLF; figures written as core's report CSV writes them, decimal comma): one line per line of the table and year,
 * the chosen year first then the year before, each followed by its total.
 */
public final class YearlyTableCsv {

    private YearlyTableCsv() {
    }

    public static List<String> header(YearlyTable table) {
        List<String> header = new ArrayList<>(List.of("Année", table.level().lineHeader()));
        for (YearlyFigure figure : table.figures()) {
            header.add(switch (figure.unit()) {
                case PERCENT -> figure.label() + " (%)";
                case MINUTES -> figure.label() + " (heures)";
                default -> figure.label();
            });
        }
        return header;
    }

    public static void write(YearlyTable table, OutputStream out) throws IOException {
        ExcelCsv.bom(out);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ExcelCsv.line(writer, header(table));
        for (int before = 0; before <= 1; before++) {
            int year = table.year() - before;
            for (YearlyTable.Line line : table.lines()) {
                ExcelCsv.line(writer, fields(table, year, line.label(), before == 0 ? line.current() : line.previous()));
            }
            if (table.total() != null) {
                ExcelCsv.line(writer, fields(table, year, "Total " + table.title(),
                        before == 0 ? table.total().current() : table.total().previous()));
            }
        }
        writer.flush();
    }

    private static List<String> fields(YearlyTable table, int year, String label, Report report) {
        List<String> fields = new ArrayList<>(List.of(Integer.toString(year), label));
        table.figures().forEach(f -> fields.add(f.csv(report)));
        return fields;
    }
}
