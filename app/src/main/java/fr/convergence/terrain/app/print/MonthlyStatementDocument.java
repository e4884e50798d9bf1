package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.pdf.PageFlow;
import fr.convergence.terrain.core.pdf.PrintFormats;
import fr.convergence.terrain.core.pdf.Table;
import fr.convergence.terrain.core.report.MonthlyStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The relevé mensuel des heures of a worksite, A4 landscape: a summary line, a row per person under contract in the
 * month (contract, its dates, weekly hours or PHC step, hours by kind, FTE, exit), the totals, what the columns mean
 * (docs/indicators.md) and a box for the signature of whoever sends it.
 */
final class MonthlyStatementDocument {

    private static final float ROW_HEIGHT = 16;
    private static final float SIZE = 8;
    /** The totals row, the definitions (four lines at most) and the signature box, in points. */
    private static final float KEEP_WITH_TOTALS = 30 + 48 + 12 + 66;

    private final PageFlow flow;
    private final MonthlyStatement statement;

    MonthlyStatementDocument(PageFlow flow, MonthlyStatement statement) {
        this.flow = flow;
        this.statement = statement;
    }

    void write(String footer) {
        String month = PrintFormats.fullMonth(statement.month());
        flow.startSection(PageFlow.LANDSCAPE, PrintTexts.text("statement.runningHeader", statement.worksiteName(),
                month), footer);
        float top = flow.y();
        flow.text(PrintTexts.text("statement.title"), flow.left(), top - 16, flow.fonts.bold, 16, PageFlow.ACCENT);
        flow.textRight(statement.worksiteName(), flow.right(), top - 9, flow.fonts.bold, 9, PageFlow.INK);
        flow.moveDown(34);
        flow.text(Character.toUpperCase(month.charAt(0)) + month.substring(1), flow.left(), flow.y(),
                flow.fonts.bold, 12, PageFlow.INK);
        flow.moveDown(4);
        MonthlyStatement.Totals totals = statement.totals();
        flow.paragraph(PrintTexts.text("statement.summary", totals.people(),
                totals.peopleByContract().getOrDefault(ContractType.PHC, 0),
                totals.peopleByContract().getOrDefault(ContractType.CDDI, 0), totals.entries(), totals.exits(),
                PrintFormats.hours(Math.toIntExact(totals.workedMinutes())), PrintFormats.decimal(totals.fte())),
                flow.fonts.regular, 9, PageFlow.INK);
        flow.moveDown(6);

        List<Table.Column> columns = new ArrayList<>();
        columns.add(Table.Column.left(PrintTexts.text("statement.person"), 2.3f));
        columns.add(Table.Column.left(PrintTexts.text("statement.contract"), 1.0f));
        columns.add(Table.Column.left(PrintTexts.text("statement.entry"), 1.35f));
        columns.add(Table.Column.left(PrintTexts.text("statement.contractEnd"), 1.35f));
        columns.add(Table.Column.right(PrintTexts.text("statement.weekly"), 1.3f));
        columns.add(Table.Column.right(PrintTexts.text("statement.worksite"), 1.45f));
        columns.add(Table.Column.right(PrintTexts.text("statement.company"), 1.45f));
        columns.add(Table.Column.right(PrintTexts.text("statement.training"), 1.45f));
        columns.add(Table.Column.right(PrintTexts.text("statement.worked"), 1.45f));
        columns.add(Table.Column.right(PrintTexts.text("statement.justified"), 1.45f));
        columns.add(Table.Column.right(PrintTexts.text("statement.unjustified"), 1.45f));
        columns.add(Table.Column.right(PrintTexts.text("statement.fte"), 0.9f));
        columns.add(Table.Column.left(PrintTexts.text("statement.exit"), 1.35f));
        columns.add(Table.Column.left(PrintTexts.text("statement.exitCategory"), 1.45f));
        Table table = new Table(flow, columns, SIZE, ROW_HEIGHT).begin();
        if (statement.rows().isEmpty()) {
            table.row(PrintTexts.text("statement.nobody"));
        }
        for (MonthlyStatement.Row row : statement.rows()) {
            List<String> cells = new ArrayList<>(List.of(name(row), contract(row), PrintFormats.date(row.entryDate()),
                    PrintFormats.date(row.contractEndDate()), weekly(row)));
            hours(cells, row::minutes, row.workedMinutes());
            cells.add(PrintFormats.decimal(row.fte()));
            cells.add(PrintFormats.date(row.exitDate()));
            cells.add(row.exitCategory() != null ? row.exitCategory().label()
                    : row.exitDate() != null ? PrintTexts.text("statement.transition") : "");
            table.row(cells.toArray(String[]::new));
        }
        List<String> cells = new ArrayList<>(List.of(PrintTexts.text("statement.total", totals.people()), "", "", "",
                ""));
        hours(cells, totals::minutes, totals.workedMinutes());
        cells.add(PrintFormats.decimal(totals.fte()));
        cells.add(PrintTexts.text("statement.exits", totals.exits()));
        cells.add("");
        // The totals, what the columns mean and the signature stay together: a signature alone on a page signs nothing.
        flow.ensure(KEEP_WITH_TOTALS);
        table.totalRow(cells.toArray(String[]::new));
        table.end();
        flow.moveDown(4);
        flow.paragraph(PrintTexts.text("statement.definitions"), flow.fonts.regular, 7.5f, PageFlow.MUTED);
        flow.moveDown(8);
        SignatureBlock.draw(flow, List.of(new SignatureBlock.Signer(PrintTexts.text("statement.signer"), "")), 52);
    }

    private static String name(MonthlyStatement.Row row) {
        if (!row.named()) {
            return PrintTexts.text("statement.hiddenName");
        }
        return (row.lastName() == null ? "" : row.lastName().toUpperCase(java.util.Locale.FRENCH)) + " "
                + (row.firstName() == null ? "" : row.firstName());
    }

    private static String contract(MonthlyStatement.Row row) {
        return row.previousContract() == null ? row.contract().name()
                : PrintTexts.text("statement.contractChange", row.previousContract().name(), row.contract().name());
    }

    private static String weekly(MonthlyStatement.Row row) {
        if (row.phcStepHours() != null) {
            return PrintTexts.text("statement.step", row.phcStepHours());
        }
        return row.weeklyHours() == null ? "" : PrintTexts.text("statement.weeklyHours", row.weeklyHours());
    }

    private static void hours(List<String> cells, java.util.function.ToLongFunction<HoursKind> minutes, long worked) {
        for (HoursKind kind : MonthlyStatement.kinds()) {
            cells.add(PrintFormats.hours(Math.toIntExact(minutes.applyAsLong(kind))));
            if (kind == HoursKind.FORMATION) {
                cells.add(PrintFormats.hours(Math.toIntExact(worked)));
            }
        }
    }
}
