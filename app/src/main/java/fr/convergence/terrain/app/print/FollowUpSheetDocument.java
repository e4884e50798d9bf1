package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.participant.ParticipantFile;
import fr.convergence.terrain.core.pdf.PageFlow;
import fr.convergence.terrain.core.pdf.PrintFormats;
import fr.convergence.terrain.core.pdf.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The fiche de suivi: who the participant is (no more than the meeting needs), their parcours, PHC steps and
 * weekly hours against the step target, hours per month, referrals, post-exit follow-ups, the notes the user
 * chose to include, and a signature block.
 */
final class FollowUpSheetDocument {

    /** Weeks shown on the chart: half a year is what a follow-up meeting looks back on. */
    static final int CHART_WEEKS = 26;

    private final PageFlow flow;
    private final ParticipantFile file;
    private final FollowUpSheetOptions options;
    private final User user;
    private final LocalDate today;

    FollowUpSheetDocument(PageFlow flow, ParticipantFile file, FollowUpSheetOptions options, User user,
                          LocalDate today) {
        this.flow = flow;
        this.file = file;
        this.options = options;
        this.user = user;
        this.today = today;
    }

    void write(String footer) {
        Participant p = file.participant();
        flow.startSection(PageFlow.PORTRAIT, PrintTexts.text("followUp.runningHeader", p.fullName()), footer);
        title();
        identity();
        steps();
        chart();
        months();
        referrals();
        followUps();
        notes();
        signatures();
    }

    private void title() {
        float top = flow.y();
        flow.text(PrintTexts.text("followUp.title"), flow.left(), top - 18, flow.fonts.bold, 18, PageFlow.ACCENT);
        flow.textRight(file.worksite().name(), flow.right(), top - 10, flow.fonts.bold, 9, PageFlow.INK);
        flow.textRight(file.worksite().city(), flow.right(), top - 21, flow.fonts.regular, 8.5f, PageFlow.MUTED);
        flow.moveDown(26);
        for (String line : flow.wrap(file.participant().fullName(), flow.fonts.bold, 15, flow.width())) {
            flow.moveDown(18);
            flow.text(line, flow.left(), flow.y(), flow.fonts.bold, 15, PageFlow.INK);
        }
        flow.moveDown(4);
    }

    private void identity() {
        Participant p = file.participant();
        flow.heading(PrintTexts.text("followUp.identity"), 40);
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {PrintTexts.text("field.name"), p.fullName()});
        facts.add(new String[] {PrintTexts.text("field.birthDate"), PrintFormats.date(p.birthDate())});
        facts.add(new String[] {PrintTexts.text("field.worksite"), file.worksite().name() + " (" + file.worksite().city()
                + ")"});
        facts.add(new String[] {PrintTexts.text("field.referent"), orDash(p.referentName())});
        file.currentEnrolment().ifPresentOrElse(e -> enrolmentFacts(e, facts),
                () -> facts.add(new String[] {PrintTexts.text("field.programme"),
                        PrintTexts.text("followUp.noEnrolment")}));
        flow.facts(facts, 104);
    }

    private void enrolmentFacts(Enrolment e, List<String[]> facts) {
        facts.add(new String[] {PrintTexts.text("field.programme"), e.programme().label() + " — " + e.contractType().label()
                + (e.weeklyHours() == null ? "" : PrintTexts.text("followUp.weeklyHours", e.weeklyHours()))});
        LocalDate first = file.enrolments().get(0).entryDate();
        LocalDate until = e.exitDate() == null ? today : e.exitDate();
        facts.add(new String[] {PrintTexts.text("field.entry"), PrintTexts.text("followUp.entrySince",
                PrintFormats.date(first), PrintFormats.duration(first, until))});
        if (e.contractEndDate() != null) {
            facts.add(new String[] {PrintTexts.text("field.contractEnd"), PrintFormats.date(e.contractEndDate())});
        }
        if (e.derogationKind() != null) {
            facts.add(new String[] {PrintTexts.text("field.derogation"), e.derogationKind().label()
                    + (e.derogationEndDate() == null ? "" : PrintTexts.text("followUp.until",
                    PrintFormats.date(e.derogationEndDate())))});
        }
        if (e.exitDate() != null) {
            String exit = PrintFormats.date(e.exitDate());
            if (e.exitReason() != null) {
                exit += " — " + e.exitCategory().label() + " (" + e.exitReason().label() + ")";
            }
            facts.add(new String[] {PrintTexts.text("field.exit"), exit});
        }
    }

    private void steps() {
        FileSections.steps(flow, file);
    }

    /** Bars of worked hours per week, the step target as a stepped line, the last {@link #CHART_WEEKS} weeks. */
    private void chart() {
        List<ParticipantFile.WeekPoint> weeks = file.weeks();
        if (weeks.isEmpty()) {
            return;
        }
        LocalDate exit = file.currentEnrolment().map(Enrolment::exitDate).orElse(null);
        if (exit != null) {
            // After the exit there is nothing left to chart: end with the last week worked.
            weeks = weeks.stream().filter(w -> !w.week().monday().isAfter(exit)).toList();
            if (weeks.isEmpty()) {
                return;
            }
        }
        weeks = weeks.subList(Math.max(0, weeks.size() - CHART_WEEKS), weeks.size());
        boolean phc = weeks.stream().anyMatch(w -> w.targetHours() != null);
        float height = 92;
        flow.heading(PrintTexts.text(phc ? "chart.titlePhc" : "chart.title"), height + 32);
        int maxHours = 4;
        for (ParticipantFile.WeekPoint w : weeks) {
            maxHours = Math.max(maxHours, (w.workedMinutes() + 59) / 60);
            if (w.targetHours() != null) {
                maxHours = Math.max(maxHours, w.targetHours());
            }
        }
        int stepHours = maxHours <= 12 ? 2 : maxHours <= 24 ? 4 : 8;
        int scaleMax = ((maxHours + stepHours - 1) / stepHours) * stepHours;
        float axisX = flow.left() + 28;
        float plotWidth = flow.right() - axisX - 4;
        float bottomY = flow.y() - height;
        float topY = flow.y() - 8;
        float unit = (topY - bottomY) / scaleMax;
        for (int h = 0; h <= scaleMax; h += stepHours) {
            float gy = bottomY + h * unit;
            flow.line(axisX, gy, axisX + plotWidth, gy, h == 0 ? PageFlow.RULE : PageFlow.SHADE, h == 0 ? 0.8f : 0.5f);
            flow.textRight(h + " h", axisX - 4, gy - 2.5f, flow.fonts.regular, 7, PageFlow.MUTED);
        }
        float slot = plotWidth / weeks.size();
        List<Float> targetXs = new ArrayList<>();
        List<Float> targetYs = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            ParticipantFile.WeekPoint w = weeks.get(i);
            float x = axisX + i * slot;
            float barHeight = w.workedMinutes() / 60f * unit;
            if (barHeight > 0) {
                flow.fillRect(x + slot * 0.18f, bottomY, slot * 0.64f, barHeight, new java.awt.Color(0x7F, 0xA6, 0xD1));
            }
            if (w.targetHours() != null) {
                float ty = bottomY + w.targetHours() * unit;
                targetXs.add(x);
                targetYs.add(ty);
                targetXs.add(x + slot);
                targetYs.add(ty);
            } else if (!targetXs.isEmpty()) {
                drawTarget(targetXs, targetYs);
            }
            if (i % 4 == 0 || (i == weeks.size() - 1 && i % 4 >= 2)) {
                flow.textCentered(PrintTexts.text("chart.week", w.week().number()), x + slot / 2, bottomY - 9,
                        flow.fonts.regular, 6.5f, PageFlow.MUTED);
            }
        }
        drawTarget(targetXs, targetYs);
        flow.moveDown(height + 22);
        float legendY = flow.y();
        flow.fillRect(flow.left() + 28, legendY, 10, 6, new java.awt.Color(0x7F, 0xA6, 0xD1));
        flow.text(PrintTexts.text("chart.worked"), flow.left() + 42, legendY, flow.fonts.regular, 7.5f, PageFlow.INK);
        if (phc) {
            flow.line(flow.left() + 160, legendY + 3, flow.left() + 174, legendY + 3, new java.awt.Color(0xC2, 0x41,
                    0x0C), 1.6f);
            flow.text(PrintTexts.text("chart.target"), flow.left() + 178, legendY, flow.fonts.regular, 7.5f,
                    PageFlow.INK);
        }
        flow.moveDown(6);
    }

    private void drawTarget(List<Float> xs, List<Float> ys) {
        if (xs.isEmpty()) {
            return;
        }
        float[] x = new float[xs.size()];
        float[] y = new float[ys.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = xs.get(i);
            y[i] = ys.get(i);
        }
        flow.polyline(x, y, new java.awt.Color(0xC2, 0x41, 0x0C), 1.6f);
        xs.clear();
        ys.clear();
    }

    /** Two rows of six months, oldest first. */
    private void months() {
        flow.heading(PrintTexts.text("followUp.months"), 60);
        int total = FileSections.monthTables(flow, file.workedMinutesByMonth());
        flow.ensure(14);
        flow.moveDown(10);
        flow.textRight(PrintTexts.text("followUp.monthsTotal", PrintFormats.hours(total)), flow.right(), flow.y(),
                flow.fonts.bold, 8.5f, PageFlow.INK);
        flow.moveDown(4);
    }

    private void referrals() {
        flow.heading(PrintTexts.text("followUp.referrals", file.referrals().size()), 30);
        if (file.referrals().isEmpty()) {
            flow.paragraph(PrintTexts.text("followUp.noReferral"), flow.fonts.regular, 9, PageFlow.MUTED);
            return;
        }
        Table table = new Table(flow, List.of(Table.Column.left(PrintTexts.text("referral.date"), 1.3f),
                Table.Column.left(PrintTexts.text("referral.partner"), 2.2f),
                Table.Column.left(PrintTexts.text("referral.purpose"), 3.4f),
                Table.Column.left(PrintTexts.text("referral.status"), 1.3f),
                Table.Column.left(PrintTexts.text("referral.lastChange"), 1.3f)), 8.5f, 14).begin();
        for (Referral r : file.referrals()) {
            LocalDate last = r.history().isEmpty() ? r.createdOn()
                    : r.history().get(r.history().size() - 1).changedOn();
            String comment = r.history().stream().map(ReferralStatusChange::comment)
                    .filter(c -> c != null && !c.isBlank()).reduce((a, b) -> b).orElse(null);
            table.row(PrintFormats.date(r.createdOn()), r.partnerDisplayName(),
                    comment == null ? r.purpose() : r.purpose() + " — " + comment, r.status().label(),
                    PrintFormats.date(last));
        }
        table.end();
    }

    private void followUps() {
        if (file.followUps().isEmpty()) {
            return;
        }
        flow.heading(PrintTexts.text("followUp.contacts"), 30);
        FileSections.followUps(flow, file.followUps(), today);
    }

    /** Only notes the user ticked and may read: the service filtered already, this holds if a caller did not. */
    private void notes() {
        List<SupportNote> chosen = file.notes().stream()
                .filter(n -> options.selectedNoteIds().contains(n.id()))
                .filter(n -> AccessPolicy.canReadNote(user, n.visibility()))
                .toList();
        if (chosen.isEmpty()) {
            return;
        }
        flow.heading(PrintTexts.text("followUp.notes"), 40);
        for (SupportNote note : chosen) {
            flow.ensure(30);
            flow.moveDown(12);
            flow.text(PrintFormats.date(note.date()) + " — " + note.theme().label(), flow.left(), flow.y(),
                    flow.fonts.bold, 9, PageFlow.INK);
            flow.textRight(note.visibility().label(), flow.right(), flow.y(), flow.fonts.regular, 7.5f,
                    PageFlow.MUTED);
            flow.paragraph(note.currentText(), flow.fonts.regular, 9, PageFlow.INK);
            flow.moveDown(2);
        }
    }

    private void signatures() {
        flow.heading(PrintTexts.text("followUp.signatures"), 70);
        Participant p = file.participant();
        SignatureBlock.draw(flow, List.of(
                new SignatureBlock.Signer(PrintTexts.text("signature.participant"), p.fullName()),
                new SignatureBlock.Signer(PrintTexts.text("signature.referent"),
                        p.referentName() == null ? "" : p.referentName())), 64);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
