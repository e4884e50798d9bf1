package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.demo.DemoMarking;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.participant.ParticipantFile;
import fr.convergence.terrain.core.pdf.PageFlow;
import fr.convergence.terrain.core.pdf.PrintFormats;
import fr.convergence.terrain.core.pdf.PrintedDocument;
import fr.convergence.terrain.core.print.AttendanceSheet;
import fr.convergence.terrain.core.referral.ReferralForm;
import fr.convergence.terrain.core.report.MonthlyStatement;
import fr.convergence.terrain.core.rights.PersonalData;
import fr.convergence.terrain.core.text.MessagePatterns;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * Makes the print-outs as PDF bytes from domain data (never from the store): follow-up sheets (one or a batch),
 * weekly attendance sheets and referral forms, each page footed with who printed it, when, and "Document
 * confidentiel". With {@code pdfA}, files are PDF/A-2b, to be kept in participants' files for years. From a demo
 * store, every page is marked "DÉMONSTRATION — données fictives".
 */
public final class PdfPrinter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");
    private static final float MARGIN = 40;
    private static final float LANDSCAPE_MARGIN = 28;

    private final User user;
    private final Clock clock;
    private final boolean pdfA;
    private final boolean demo;
    /** Where each print-out made is recorded (issue 14); null records nothing (benchmarks, document tests). */
    private final AuditJournal journal;

    /** Progress of a batch: sheets done out of the total; return false to stop the batch. */
    @FunctionalInterface
    public interface Progress {
        boolean update(int done, int total);
    }

    /**
     * @param user  who prints: named in the footer, and whose rights decide which notes may print
     * @param clock the time printed in the footer and "today" for durations and due follow-ups
     * @param pdfA  whether to write PDF/A-2b
     * @param demo  whether the data comes from a demonstration store: every page then says
     *              {@link DemoMarking#TEXT} (ask the store, e.g. {@code Workstation.demo()}, never guess)
     */
    public PdfPrinter(User user, Clock clock, boolean pdfA, boolean demo) {
        this(user, clock, pdfA, demo, null);
    }

    /** A printer that records every print-out it makes in {@code journal}: who, which document, notes or not. */
    public PdfPrinter(User user, Clock clock, boolean pdfA, boolean demo, AuditJournal journal) {
        this.user = user;
        this.clock = clock;
        this.pdfA = pdfA;
        this.demo = demo;
        this.journal = journal;
    }

    public byte[] followUpSheet(ParticipantFile file, FollowUpSheetOptions options) {
        byte[] pdf = make(PrintTexts.text("followUp.documentTitle", file.participant().fullName()), MARGIN,
                (flow, footer) -> new FollowUpSheetDocument(flow, file, options, user, today()).write(footer));
        printed(file, options);
        return pdf;
    }

    /** Records a follow-up sheet: the number of notes it carries (as the document chooses them), never their text. */
    private void printed(ParticipantFile file, FollowUpSheetOptions options) {
        long notes = file.notes().stream().filter(n -> options.selectedNoteIds().contains(n.id()))
                .filter(n -> AccessPolicy.canReadNote(user, n.visibility())).count();
        printed(file.participant().worksiteId(), file.participant().id(), MessagePatterns.french(
                "fiche de suivi, {0, plural, =0 {sans notes} one {avec # note} other {avec # notes}}", notes));
    }

    private void printed(String worksiteId, String participantId, String detail) {
        if (journal != null) {
            journal.record(user, AuditAction.IMPRESSION, worksiteId, participantId, detail);
        }
    }

    /**
     * Every participant's sheet in one PDF, each numbered on its own, without notes. {@code load} reads one
     * participant's file; {@code progress} is told after each sheet.
     *
     * @throws java.util.concurrent.CancellationException if {@code progress} asked to stop
     */
    public byte[] followUpSheets(String title, List<String> participantIds, Function<String, ParticipantFile> load,
                                 Progress progress) {
        return make(title, MARGIN, (flow, footer) -> {
            int done = 0;
            for (String id : participantIds) {
                ParticipantFile file = load.apply(id);
                new FollowUpSheetDocument(flow, file, FollowUpSheetOptions.withoutNotes(), user, today())
                        .write(footer);
                printed(file, FollowUpSheetOptions.withoutNotes());
                done++;
                if (!progress.update(done, participantIds.size())) {
                    throw new java.util.concurrent.CancellationException("Impression interrompue");
                }
            }
            if (participantIds.isEmpty()) {
                flow.startSection(PageFlow.PORTRAIT, null, footer);
                flow.paragraph(PrintTexts.text("batch.empty"), flow.fonts.regular, 11, PageFlow.INK);
            }
        });
    }

    public byte[] attendanceSheet(AttendanceSheet sheet, boolean prefilled) {
        byte[] pdf = make(PrintTexts.text("attendance.documentTitle", sheet.worksite().name(), sheet.week().number()),
                LANDSCAPE_MARGIN, (flow, footer) -> new AttendanceSheetDocument(flow, sheet, prefilled).write(footer));
        printed(sheet.worksite().id(), null, "feuille d’émargement, semaine " + sheet.week().number()
                + (prefilled ? ", pré-remplie" : ""));
        return pdf;
    }

    /** The monthly hours statement of a worksite (A4 landscape), recorded as a print-out of the worksite. */
    public byte[] monthlyStatement(MonthlyStatement statement) {
        byte[] pdf = make(PrintTexts.text("statement.documentTitle", statement.worksiteName(),
                PrintFormats.fullMonth(statement.month())), LANDSCAPE_MARGIN,
                (flow, footer) -> new MonthlyStatementDocument(flow, statement).write(footer));
        printed(statement.worksiteId(), null, "relevé mensuel des heures, " + statement.month());
        return pdf;
    }

    public byte[] referralForm(ReferralForm form) {
        byte[] pdf = make(PrintTexts.text("referralForm.documentTitle", form.referral().partnerDisplayName()), MARGIN,
                (flow, footer) -> new ReferralFormDocument(flow, form).write(footer));
        // Not the partner: which one a person is sent to (a health or housing service) says too much for a journal.
        printed(form.referral().worksiteId(), form.referral().participantId(), "fiche d’orientation");
        return pdf;
    }

    /** The answer to a right-of-access request, for the person to read (A4 portrait). */
    public byte[] personalData(PersonalData data) {
        return make(PrintTexts.text("access.documentTitle", data.file().participant().fullName()), MARGIN,
                (flow, footer) -> new PersonalDataDocument(flow, data).write(footer));
    }

    /**
     * The sheet that keeps the laptop's recovery key (one A4 page), for the coordination's locked cupboard: never
     * journaled, since it names no one and the key itself must not reach the journal.
     */
    public byte[] recoveryKey(String key, String worksiteName) {
        return make(PrintTexts.text("recoverySheet.documentTitle", worksiteName), MARGIN,
                (flow, footer) -> new RecoveryKeyDocument(flow, key, worksiteName, today()).write(footer));
    }

    private interface Body {
        void write(PageFlow flow, String footer);
    }

    private byte[] make(String title, float margin, Body body) {
        ZonedDateTime now = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String footer = PrintTexts.text("footer.generated", STAMP.format(now), user.displayName());
        return PrintedDocument.make(title, user.displayName(), now, margin, demo ? DemoMarking.TEXT : null, pdfA,
                flow -> body.write(flow, footer));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

}
