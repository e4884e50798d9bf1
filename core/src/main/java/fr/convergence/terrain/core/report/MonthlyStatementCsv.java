package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.demo.DemoMarking;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.text.ExcelCsv;
import fr.convergence.terrain.core.text.MessagePatterns;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly hours statement as CSV for French Excel, like {@link ReportCsv} (UTF-8 with a byte order mark,
 * {@code ;}, decimal comma, CRLF): one line per person, in the order of the statement, then a line of totals; hours
 * as decimal hours ("151,67"), FTE with two decimals. From a demonstration store, the last column says so. The hub's
 * console, which shows no name, writes the same columns with a row number and the participant's id in place of the
 * name ({@link #headerById()}, {@link #linesById}).
 */
public final class MonthlyStatementCsv {

    static final String NAME_HIDDEN = "(dossier archivé)";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private MonthlyStatementCsv() {
    }

    /** The columns, in order. */
    public static List<String> header() {
        return header("Nom", "Prénom");
    }

    /** The columns of the statement without names: a row number and the participant's id instead. */
    public static List<String> headerById() {
        return header("N°", "Participant (identifiant)");
    }

    private static List<String> header(String firstPersonColumn, String secondPersonColumn) {
        List<String> header = new ArrayList<>(List.of("Chantier", "Mois", firstPersonColumn, secondPersonColumn,
                "Contrat", "Contrat précédent dans le mois", "Entrée", "Fin prévue du contrat",
                "Heures hebdomadaires du contrat", "Palier PHC (heures par semaine)"));
        for (HoursKind kind : MonthlyStatement.kinds()) {
            header.add(kind.label() + " (heures)");
            if (kind == HoursKind.FORMATION) {
                header.add("Heures travaillées");
            }
        }
        header.addAll(List.of("ETP", "Sortie", "Type de sortie"));
        return header;
    }

    public static void write(MonthlyStatement statement, OutputStream out, boolean demo) throws IOException {
        ExcelCsv.bom(out);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<String> header = header();
        line(writer, header, demo, ReportCsv.DEMO_COLUMN);
        for (List<String> fields : lines(statement)) {
            line(writer, fields, demo, DemoMarking.TEXT);
        }
        writer.flush();
    }

    /** The lines under the header: a person each, then the totals. */
    public static List<List<String>> lines(MonthlyStatement statement) {
        return lines(statement, false);
    }

    /** The lines under {@link #headerById()}: a row number and the participant's id in place of the name. */
    public static List<List<String>> linesById(MonthlyStatement statement) {
        return lines(statement, true);
    }

    /** The statement without names ({@link #headerById()}) as CSV for French Excel. */
    public static void writeById(MonthlyStatement statement, OutputStream out) throws IOException {
        ExcelCsv.bom(out);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ExcelCsv.line(writer, headerById());
        for (List<String> fields : linesById(statement)) {
            ExcelCsv.line(writer, fields);
        }
        writer.flush();
    }

    private static List<List<String>> lines(MonthlyStatement statement, boolean byId) {
        List<List<String>> lines = new ArrayList<>();
        String worksite = statement.worksiteName();
        String month = statement.month().toString();
        int number = 0;
        for (MonthlyStatement.Row row : statement.rows()) {
            number++;
            List<String> fields = new ArrayList<>(List.of(worksite, month,
                    byId ? Integer.toString(number) : row.named() ? nullToEmpty(row.lastName()) : NAME_HIDDEN,
                    byId ? row.participantId() : nullToEmpty(row.firstName()), row.contract().label(), row.previousContract() == null ? "" : row.previousContract().label(),
                    date(row.entryDate()), date(row.contractEndDate()),
                    row.weeklyHours() == null ? "" : row.weeklyHours().toString(),
                    row.phcStepHours() == null ? "" : row.phcStepHours().toString()));
            hours(fields, row.minutes()::get, row.workedMinutes());
            fields.add(decimal(row.fte().toPlainString()));
            fields.add(date(row.exitDate()));
            fields.add(row.exitCategory() != null ? row.exitCategory().label()
                    : row.exitDate() != null ? "Passage en CDDI" : "");
            lines.add(fields);
        }
        MonthlyStatement.Totals totals = statement.totals();
        List<String> fields = new ArrayList<>(List.of(worksite, month, MessagePatterns.french(
                "Total ({0, plural, one {# personne} other {# personnes}})", totals.people()), "", "", "", "", "", "",
                ""));
        hours(fields, totals.minutes()::get, totals.workedMinutes());
        fields.add(decimal(totals.fte().toPlainString()));
        fields.add(MessagePatterns.french("{0, plural, =0 {aucune sortie} one {# sortie} other {# sorties}}",
                totals.exits()));
        fields.add("");
        lines.add(fields);
        return lines;
    }

    private static void hours(List<String> fields, java.util.function.Function<HoursKind, Long> minutes,
                              long worked) {
        for (HoursKind kind : MonthlyStatement.kinds()) {
            Long value = minutes.apply(kind);
            fields.add(ReportCsv.hours(value == null ? 0 : value));
            if (kind == HoursKind.FORMATION) {
                fields.add(ReportCsv.hours(worked));
            }
        }
    }

    private static void line(Writer writer, List<String> fields, boolean demo, String demoField) throws IOException {
        if (!demo) {
            ExcelCsv.line(writer, fields);
            return;
        }
        List<String> all = new ArrayList<>(fields);
        all.add(demoField);
        ExcelCsv.line(writer, all);
    }

    private static String decimal(String plain) {
        return plain.replace('.', ',');
    }

    private static String date(LocalDate day) {
        return day == null ? "" : day.format(DATE);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
