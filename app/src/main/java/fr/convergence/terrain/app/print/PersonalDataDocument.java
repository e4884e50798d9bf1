package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.pdf.PageFlow;
import fr.convergence.terrain.core.pdf.PrintFormats;
import fr.convergence.terrain.core.pdf.Table;
import fr.convergence.terrain.core.rights.PersonalData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer to a right-of-access request, written for the person themselves: plain French, "vous", what each
 * part is, how to have something corrected or erased. The same data as the JSON file, section by section.
 */
final class PersonalDataDocument {

    private final PageFlow flow;
    private final PersonalData data;

    PersonalDataDocument(PageFlow flow, PersonalData data) {
        this.flow = flow;
        this.data = data;
    }

    void write(String footer) {
        Participant p = data.file().participant();
        flow.startSection(PageFlow.PORTRAIT, PrintTexts.text("access.runningHeader", p.fullName()), footer);
        title();
        identity();
        enrolments();
        hours();
        referrals();
        sharedWith();
        followUps();
        notes();
    }

    private void title() {
        float top = flow.y();
        flow.text(PrintTexts.text("access.title"), flow.left(), top - 18, flow.fonts.bold, 18, PageFlow.ACCENT);
        flow.textRight(data.file().worksite().name(), flow.right(), top - 10, flow.fonts.bold, 9, PageFlow.INK);
        flow.textRight(data.file().worksite().city(), flow.right(), top - 21, flow.fonts.regular, 8.5f,
                PageFlow.MUTED);
        flow.moveDown(26);
        for (String line : flow.wrap(PrintTexts.text("access.subtitle", data.file().participant().fullName()),
                flow.fonts.bold, 13, flow.width())) {
            flow.moveDown(16);
            flow.text(line, flow.left(), flow.y(), flow.fonts.bold, 13, PageFlow.INK);
        }
        flow.moveDown(6);
        flow.paragraph(PrintTexts.text("access.intro", data.file().worksite().name(),
                PrintFormats.date(data.exportedOn())), flow.fonts.regular, 10, PageFlow.INK);
        flow.moveDown(4);
        flow.paragraph(PrintTexts.text("access.rights"), flow.fonts.regular, 10, PageFlow.INK);
        flow.moveDown(4);
        flow.paragraph(PrintTexts.text("access.json"), flow.fonts.regular, 9, PageFlow.MUTED);
    }

    private void identity() {
        Participant p = data.file().participant();
        flow.heading(PrintTexts.text("access.identity"), 40);
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {PrintTexts.text("field.name"), p.fullName()});
        facts.add(new String[] {PrintTexts.text("field.birthDate"), orDash(PrintFormats.date(p.birthDate()))});
        facts.add(new String[] {PrintTexts.text("access.phone"), orDash(p.phone())});
        facts.add(new String[] {PrintTexts.text("access.email"), orDash(p.email())});
        facts.add(new String[] {PrintTexts.text("access.address"), orDash(p.address())});
        facts.add(new String[] {PrintTexts.text("access.nir"), orDash(p.socialSecurityNumber())});
        facts.add(new String[] {PrintTexts.text("field.referent"), orDash(p.referentName())});
        facts.add(new String[] {PrintTexts.text("field.worksite"), data.file().worksite().name() + " ("
                + data.file().worksite().city() + ")"});
        flow.facts(facts, 104);
    }

    private void enrolments() {
        flow.heading(PrintTexts.text("access.enrolments"), 30);
        if (data.file().enrolments().isEmpty()) {
            flow.paragraph(PrintTexts.text("access.enrolment.none"), flow.fonts.regular, 9, PageFlow.MUTED);
            return;
        }
        Table table = new Table(flow, List.of(Table.Column.left(PrintTexts.text("access.enrolment.programme"), 2),
                Table.Column.left(PrintTexts.text("access.enrolment.contract"), 2),
                Table.Column.left(PrintTexts.text("access.enrolment.entry"), 1.3f),
                Table.Column.left(PrintTexts.text("access.enrolment.plannedEnd"), 1.3f),
                Table.Column.left(PrintTexts.text("access.enrolment.exit"), 3)), 8.5f, 14).begin();
        for (Enrolment e : data.file().enrolments()) {
            String exit = e.exitDate() == null ? "—" : PrintFormats.date(e.exitDate())
                    + (e.exitCategory() == null ? "" : " — " + e.exitCategory().label())
                    + (e.exitReason() == null ? "" : " (" + e.exitReason().label() + ")");
            table.row(e.programme().label(), e.contractType().label()
                            + (e.weeklyHours() == null ? "" : PrintTexts.text("followUp.weeklyHours", e.weeklyHours())),
                    PrintFormats.date(e.entryDate()), e.contractEndDate() == null ? "—"
                            : PrintFormats.date(e.contractEndDate()), exit);
        }
        table.end();
        FileSections.steps(flow, data.file());
    }

    private void hours() {
        flow.heading(PrintTexts.text("access.hours"), 40);
        if (data.hours().isEmpty()) {
            flow.paragraph(PrintTexts.text("access.hours.none"), flow.fonts.regular, 9, PageFlow.MUTED);
            return;
        }
        subheading(PrintTexts.text("access.hours.byMonth"));
        List<Table.Column> columns = new ArrayList<>();
        columns.add(Table.Column.left(PrintTexts.text("access.hours.month"), 1.4f));
        for (HoursKind kind : HoursKind.values()) {
            columns.add(Table.Column.right(kind.label(), 1.3f));
        }
        columns.add(Table.Column.right(PrintTexts.text("access.hours.worked"), 1.3f));
        Table months = new Table(flow, columns, 8, 14).begin();
        for (PersonalData.MonthHours month : data.months()) {
            List<String> cells = new ArrayList<>();
            cells.add(PrintFormats.month(month.month()));
            for (HoursKind kind : HoursKind.values()) {
                Integer minutes = month.minutesByKind().get(kind);
                cells.add(minutes == null ? "" : PrintFormats.hours(minutes));
            }
            cells.add(PrintFormats.hours(month.workedMinutes()));
            months.row(cells.toArray(String[]::new));
        }
        months.end();
        subheading(PrintTexts.text("access.hours.detail"));
        Table detail = new Table(flow, List.of(Table.Column.left(PrintTexts.text("access.hours.day"), 2),
                Table.Column.left(PrintTexts.text("access.hours.kind"), 3),
                Table.Column.right(PrintTexts.text("access.hours.amount"), 1.2f)), 8, 12).begin();
        for (HoursEntry entry : data.hours()) {
            detail.row(PrintFormats.date(entry.day()), entry.kind().label(), PrintFormats.hours(entry.minutes()));
        }
        detail.end();
    }

    private void referrals() {
        flow.heading(PrintTexts.text("access.referrals"), 30);
        if (data.file().referrals().isEmpty()) {
            flow.paragraph(PrintTexts.text("access.referrals.none"), flow.fonts.regular, 9, PageFlow.MUTED);
            return;
        }
        for (Referral r : data.file().referrals()) {
            subheading(PrintTexts.text("access.referral.heading", PrintFormats.date(r.createdOn()),
                    r.partnerDisplayName()) + " (" + r.status().label() + ")");
            flow.paragraph(PrintTexts.text("access.referral.purpose", r.purpose()), flow.fonts.regular, 9,
                    PageFlow.INK);
            if (r.history().isEmpty()) {
                continue;
            }
            Table table = new Table(flow, List.of(Table.Column.left(PrintTexts.text("referral.date"), 1.3f),
                    Table.Column.left(PrintTexts.text("access.referral.step"), 2),
                    Table.Column.left(PrintTexts.text("access.referral.comment"), 5)), 8, 13).begin();
            for (ReferralStatusChange change : r.history()) {
                table.row(PrintFormats.date(change.changedOn()), change.to().label(),
                        change.comment() == null ? "" : change.comment());
            }
            table.end();
        }
    }

    private void sharedWith() {
        flow.heading(PrintTexts.text("access.shared"), 30);
        if (data.sharedWith().isEmpty()) {
            flow.paragraph(PrintTexts.text("access.shared.none"), flow.fonts.regular, 9, PageFlow.MUTED);
            return;
        }
        Table table = new Table(flow, List.of(Table.Column.left(PrintTexts.text("access.shared.partner"), 2.2f),
                Table.Column.left(PrintTexts.text("access.shared.on"), 1.3f),
                Table.Column.left(PrintTexts.text("access.shared.fields"), 5)), 8.5f, 14).begin();
        for (PersonalData.SharedWith shared : data.sharedWith()) {
            table.row(shared.partner(), PrintFormats.date(shared.on()),
                    shared.fields().stream().map(ParticipantField::label).collect(Collectors.joining(", ")));
        }
        table.end();
    }

    private void followUps() {
        if (data.file().followUps().isEmpty()) {
            return;
        }
        flow.heading(PrintTexts.text("access.followUps"), 30);
        FileSections.followUps(flow, data.file().followUps(), data.exportedOn());
    }

    /** Every note the exporting CIP or coordinator may read: the right of access covers notes about the person. */
    private void notes() {
        flow.heading(PrintTexts.text("access.notes"), 30);
        if (data.file().notes().isEmpty()) {
            flow.paragraph(PrintTexts.text("access.notes.none"), flow.fonts.regular, 9, PageFlow.MUTED);
            return;
        }
        flow.paragraph(PrintTexts.text("access.notes.intro"), flow.fonts.regular, 8.5f, PageFlow.MUTED);
        for (SupportNote note : data.file().notes()) {
            flow.ensure(30);
            flow.moveDown(12);
            flow.text(PrintFormats.date(note.date()) + " — " + note.theme().label(), flow.left(), flow.y(),
                    flow.fonts.bold, 9, PageFlow.INK);
            flow.paragraph(note.currentText(), flow.fonts.regular, 9, PageFlow.INK);
            flow.moveDown(2);
        }
    }

    private void subheading(String text) {
        flow.ensure(40);
        flow.moveDown(14);
        flow.text(text, flow.left(), flow.y(), flow.fonts.bold, 9.5f, PageFlow.INK);
        flow.moveDown(4);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
