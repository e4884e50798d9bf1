package fr.convergence.terrain.hub.report;

import fr.convergence.terrain.core.pdf.PageFlow;
import fr.convergence.terrain.core.pdf.PrintedDocument;
import fr.convergence.terrain.core.pdf.Table;
import fr.convergence.terrain.core.report.Report;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The yearly table as PDF, A4 landscape, in the print style of the laptops' monthly statement (core's
 * {@code core.pdf}): title, year and scope, a row per line of the table, then the total of the scope, the year
 * before's and the change — the same figures, written the same way ({@link YearlyFigure#text}), as the console's
 * page. Figures only: no name, no note. The console and {@code terrain-hub report --format pdf} both make it here.
 */
public final class YearlyTableDocument {

    /** The margin of the laptops' landscape print-outs. */
    private static final float MARGIN = 28;
    private static final float SIZE = 7.5f;
    private static final float ROW_HEIGHT = 15;
    /** The three total rows and the note under the table stay together. */
    private static final float KEEP_WITH_TOTALS = 3 * ROW_HEIGHT + 40;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm",
            Locale.FRENCH);

    private YearlyTableDocument() {
    }

    /** The PDF's bytes; {@code generated} is the time printed on every page. */
    public static byte[] pdf(YearlyTable table, ZonedDateTime generated) {
        ZonedDateTime stamp = generated.truncatedTo(ChronoUnit.SECONDS);
        String title = "Tableau annuel " + table.year() + " · " + table.title();
        return PrintedDocument.make(title, "Hub Convergence Terrain", stamp, MARGIN, null, false,
                flow -> write(flow, table, "Généré le " + STAMP.format(stamp) + " par le hub Convergence Terrain"));
    }

    private static void write(PageFlow flow, YearlyTable table, String footer) {
        flow.startSection(PageFlow.LANDSCAPE, "Tableau annuel " + table.year() + " · " + table.subtitle(), footer);
        float top = flow.y();
        flow.text("Tableau annuel " + table.year(), flow.left(), top - 16, flow.fonts.bold, 16, PageFlow.ACCENT);
        flow.textRight(table.title(), flow.right(), top - 9, flow.fonts.bold, 9, PageFlow.INK);
        flow.moveDown(34);
        flow.text(table.subtitle(), flow.left(), flow.y(), flow.fonts.bold, 12, PageFlow.INK);
        flow.moveDown(4);
        flow.paragraph(table.total() == null
                ? "Chiffres de l’année " + table.year() + " (l’année précédente figure sur la page de votre "
                + "territoire, avec son total)."
                : "Chiffres de l’année " + table.year() + ", puis le total, celui de " + (table.year() - 1)
                + " et l’évolution.", flow.fonts.regular, 9, PageFlow.INK);
        flow.moveDown(6);

        List<YearlyFigure> figures = table.figures();
        List<Table.Column> columns = new ArrayList<>();
        columns.add(Table.Column.left(table.level().lineHeader(), 2.2f));
        for (YearlyFigure figure : figures) {
            // Wide enough for "+16,7 points" and "dynamiques" on one line each.
            columns.add(Table.Column.right(header(figure), switch (figure) {
                case DYNAMIC_EXIT_SHARE -> 1.5f;
                case HOURS -> 1.15f;
                default -> 1f;
            }));
        }
        Table rows = new Table(flow, columns, SIZE, ROW_HEIGHT).begin();
        if (table.lines().isEmpty()) {
            rows.row("Aucun chantier visible pour cette année.");
        }
        for (YearlyTable.Line line : table.lines()) {
            rows.row(cells(line.label(), figures, f -> f.text(line.current())));
        }
        if (table.total() != null) {
            Report current = table.total().current();
            Report previous = table.total().previous();
            flow.ensure(KEEP_WITH_TOTALS);
            rows.totalRow(cells("Total " + table.year(), figures, f -> f.text(current)));
            rows.row(cells("Total " + (table.year() - 1), figures, f -> f.text(previous)));
            rows.totalRow(cells("Évolution " + (table.year() - 1) + " → " + table.year(), figures,
                    f -> f.change(current, previous)));
        }
        rows.end();
        flow.moveDown(4);
        flow.paragraph("Chiffres seulement, ni nom ni note\u00a0: calculés sur les données synchronisées avec le hub "
                + "par le même calculateur que la page Rapports des postes (définitions\u00a0: docs/indicators.md). "
                + "Heures réalisées arrondies à l’heure\u00a0; ETP\u00a0: 1\u00a0820\u00a0heures réalisées par "
                + "an\u00a0; «\u00a0—\u00a0»\u00a0: part sans aucune sortie.", flow.fonts.regular, 7.5f,
                PageFlow.MUTED);
    }

    /** The page's headers, the exits' group named in each of their columns (a PDF table has one header row). */
    private static String header(YearlyFigure figure) {
        return switch (figure) {
            case EXITS_LASTING_JOB, EXITS_TRANSITION_JOB, EXITS_POSITIVE, EXITS_OTHER ->
                    "Sorties\u00a0: " + figure.label().toLowerCase(Locale.FRENCH);
            default -> figure.label();
        };
    }

    private static String[] cells(String label, List<YearlyFigure> figures, Function<YearlyFigure, String> text) {
        List<String> cells = new ArrayList<>(List.of(label));
        figures.forEach(f -> cells.add(text.apply(f)));
        return cells.toArray(String[]::new);
    }
}
