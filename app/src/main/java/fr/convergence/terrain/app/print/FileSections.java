package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.participant.ParticipantFile;
import fr.convergence.terrain.core.pdf.PageFlow;
import fr.convergence.terrain.core.pdf.PrintFormats;
import fr.convergence.terrain.core.pdf.Table;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parts of a participant's file drawn the same way on the follow-up sheet and on the right-of-access document, so
 * the two never disagree on what a step or a follow-up looks like.
 */
final class FileSections {

    private FileSections() {
    }

    /** The PHC steps of every enrolment as a table (nothing when there are none), under a heading. */
    static void steps(PageFlow flow, ParticipantFile file) {
        List<PhcStep> all = new ArrayList<>();
        for (Enrolment e : file.enrolments()) {
            if (e.programme() == Programme.PHC) {
                all.addAll(file.stepsByEnrolment().getOrDefault(e.id(), List.of()));
            }
        }
        if (all.isEmpty()) {
            return;
        }
        flow.heading(PrintTexts.text("followUp.steps"), 40);
        Table table = new Table(flow, List.of(Table.Column.left(PrintTexts.text("steps.number"), 1),
                Table.Column.right(PrintTexts.text("steps.target"), 2),
                Table.Column.left(PrintTexts.text("steps.from"), 2),
                Table.Column.left(PrintTexts.text("steps.to"), 2)), 8.5f, 14).begin();
        for (int i = 0; i < all.size(); i++) {
            PhcStep step = all.get(i);
            LocalDate end = i + 1 < all.size() && all.get(i + 1).enrolmentId().equals(step.enrolmentId())
                    ? all.get(i + 1).startDate().minusDays(1) : exitOf(file, step.enrolmentId());
            table.row(Integer.toString(i + 1), PrintTexts.text("steps.hoursPerWeek", step.targetHours()),
                    PrintFormats.date(step.startDate()), end == null ? PrintTexts.text("steps.ongoing")
                            : PrintFormats.date(end));
        }
        table.end();
    }

    private static LocalDate exitOf(ParticipantFile file, String enrolmentId) {
        return file.enrolments().stream().filter(e -> e.id().equals(enrolmentId)).findFirst()
                .map(Enrolment::exitDate).orElse(null);
    }

    /** Minutes per month as rows of six months, oldest first; returns the total. */
    static int monthTables(PageFlow flow, Map<YearMonth, Integer> minutesByMonth) {
        List<Map.Entry<YearMonth, Integer>> entries = new ArrayList<>(minutesByMonth.entrySet());
        int total = entries.stream().mapToInt(Map.Entry::getValue).sum();
        for (int half = 0; half < entries.size(); half += 6) {
            List<Map.Entry<YearMonth, Integer>> part = entries.subList(half, Math.min(half + 6, entries.size()));
            List<Table.Column> columns = new ArrayList<>();
            part.forEach(e -> columns.add(Table.Column.right(PrintFormats.month(e.getKey()), 1)));
            Table table = new Table(flow, columns, 8.5f, 14).begin();
            table.row(part.stream().map(e -> PrintFormats.hours(e.getValue())).toArray(String[]::new));
            table.end();
        }
        return total;
    }

    /** The post-exit follow-ups as a table: when, due date, done / late / to do, outcome. */
    static void followUps(PageFlow flow, List<FollowUp> followUps, LocalDate today) {
        Table table = new Table(flow, List.of(Table.Column.left(PrintTexts.text("contact.when"), 1.6f),
                Table.Column.left(PrintTexts.text("contact.due"), 1.2f),
                Table.Column.left(PrintTexts.text("contact.status"), 1.6f),
                Table.Column.left(PrintTexts.text("contact.outcome"), 4)), 8.5f, 14).begin();
        for (FollowUp f : followUps) {
            String status = f.done() ? PrintTexts.text("contact.doneOn", PrintFormats.date(f.doneDate()))
                    : f.dueDate().isBefore(today) ? PrintTexts.text("contact.late")
                    : PrintTexts.text("contact.toDo");
            table.row(PrintTexts.text("contact.monthsAfterExit", f.monthsAfterExit()), PrintFormats.date(f.dueDate()),
                    status, f.outcome() == null ? "" : f.outcome());
        }
        table.end();
    }
}
