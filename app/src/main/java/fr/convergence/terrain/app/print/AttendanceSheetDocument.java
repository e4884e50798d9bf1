package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.pdf.PageFlow;
import fr.convergence.terrain.core.pdf.PrintFormats;
import fr.convergence.terrain.core.pdf.Table;
import fr.convergence.terrain.core.print.AttendanceSheet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The feuille d'émargement of a worksite for one ISO week, landscape: a row per participant enrolled that week,
 * a box per day for the hours and the participant's signature, blank or with the hours already planned.
 */
final class AttendanceSheetDocument {

    private static final float ROW_HEIGHT = 32;

    private final PageFlow flow;
    private final AttendanceSheet sheet;
    private final boolean prefilled;

    AttendanceSheetDocument(PageFlow flow, AttendanceSheet sheet, boolean prefilled) {
        this.flow = flow;
        this.sheet = sheet;
        this.prefilled = prefilled;
    }

    /** Monday to Friday, plus Saturday or Sunday when someone has hours planned on it. */
    List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day : sheet.week().days()) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend || sheet.hasHoursOn(day)) {
                days.add(day);
            }
        }
        return days;
    }

    void write(String footer) {
        String week = weekLabel();
        flow.startSection(PageFlow.LANDSCAPE, PrintTexts.text("attendance.runningHeader", sheet.worksite().name(), week),
                footer);
        float top = flow.y();
        flow.text(PrintTexts.text("attendance.title"), flow.left(), top - 16, flow.fonts.bold, 16, PageFlow.ACCENT);
        flow.textRight(sheet.worksite().name(), flow.right(), top - 9, flow.fonts.bold, 9, PageFlow.INK);
        flow.textRight(sheet.worksite().city(), flow.right(), top - 20, flow.fonts.regular, 8.5f, PageFlow.MUTED);
        flow.moveDown(34);
        flow.text(week, flow.left(), flow.y(), flow.fonts.bold, 12, PageFlow.INK);
        flow.moveDown(4);
        flow.paragraph(PrintTexts.text(prefilled ? "attendance.howToPrefilled" : "attendance.howToBlank"),
                flow.fonts.regular, 8.5f, PageFlow.MUTED);
        flow.moveDown(6);

        List<LocalDate> days = days();
        List<Table.Column> columns = new ArrayList<>();
        columns.add(Table.Column.left(PrintTexts.text("attendance.participant"), 3.4f));
        columns.add(Table.Column.left(PrintTexts.text("attendance.programme"), 1.5f));
        days.forEach(d -> columns.add(Table.Column.left(PrintFormats.day(d), 1.6f)));
        columns.add(Table.Column.left(PrintTexts.text("attendance.total"), 0.9f));
        Table table = new Table(flow, columns, 8.5f, ROW_HEIGHT).begin();
        if (sheet.rows().isEmpty()) {
            table.row(PrintTexts.text("attendance.nobody"));
        }
        for (AttendanceSheet.Row row : sheet.rows()) {
            String[] cells = new String[columns.size()];
            cells[0] = row.fullName();
            cells[1] = programme(row);
            for (int i = 0; i < days.size(); i++) {
                Integer minutes = row.plannedMinutes().get(days.get(i));
                cells[2 + i] = prefilled && minutes != null ? PrintFormats.hours(minutes) : "";
            }
            cells[cells.length - 1] = prefilled && !row.plannedMinutes().isEmpty()
                    ? PrintFormats.hours(row.plannedMinutes().values().stream().mapToInt(Integer::intValue).sum())
                    : "";
            table.row((rowTop, height) -> {
                table.verticalRules(rowTop, height);
                if (!prefilled) {
                    for (int i = 0; i < days.size(); i++) {
                        float right = table.columnX(2 + i) + table.columnWidth(2 + i) - 4;
                        flow.textRight(PrintTexts.text("attendance.hoursBlank"), right, rowTop - 11,
                                flow.fonts.regular, 7, PageFlow.MUTED);
                    }
                }
            }, cells);
        }
        table.end();
        flow.moveDown(6);
        SignatureBlock.draw(flow, List.of(new SignatureBlock.Signer(PrintTexts.text("attendance.supervisor"), ""),
                new SignatureBlock.Signer(PrintTexts.text("attendance.observations"), "")), 52);
    }

    /** "Semaine 12 — du 16 au 22 mars 2026". */
    String weekLabel() {
        String label = sheet.week().label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " " + sheet.week().sunday().getYear();
    }

    private static String programme(AttendanceSheet.Row row) {
        String target = row.weeklyTargetHours() == null ? ""
                : PrintTexts.text("attendance.target", row.weeklyTargetHours());
        return row.programme() == Programme.PHC
                ? PrintTexts.text("attendance.phc", target)
                : PrintTexts.text("attendance.cddi", row.programme().name(), row.contractType().label(), target);
    }
}
