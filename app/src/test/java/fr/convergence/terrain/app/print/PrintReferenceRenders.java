package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.participant.ParticipantFile;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.print.AttendanceSheetService;
import fr.convergence.terrain.core.referral.ReferralFormService;
import fr.convergence.terrain.core.week.IsoWeek;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Writes the reference renders of the print-outs ({@code docs/screenshots/print-*.png}) from the test fixture's
 * fixed day and demo data, so they only change when the documents do. Run by
 * {@code docs/screenshots/print-renders.sh}.
 */
public final class PrintReferenceRenders {

    private PrintReferenceRenders() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("print-renders");
        try (PrintFixture fixture = new PrintFixture(work)) {
            ParticipantFileService files = new ParticipantFileService(fixture.store, fixture.access);
            PdfPrinter printer = fixture.printer(fixture.cip);
            render(printer.followUpSheet(files.load(fixture.cip, PrintFixture.ZOE),
                    new FollowUpSheetOptions(Set.of(PrintFixture.TEAM_NOTE))), out, "print-follow-up-phc");
            Participant cvg = fixture.catalog.participants(fixture.cip, PrintFixture.WORKSITE).stream()
                    .filter(p -> {
                        ParticipantFile f = files.load(fixture.cip, p.id());
                        return f.currentEnrolment().map(e -> e.programme() == Programme.CVG && e.exited()).orElse(false)
                                && !f.followUps().isEmpty() && !f.referrals().isEmpty();
                    }).findFirst().orElseThrow();
            render(printer.followUpSheet(files.load(fixture.cip, cvg.id()), FollowUpSheetOptions.withoutNotes()), out,
                    "print-follow-up-cvg");
            AttendanceSheetService attendance = new AttendanceSheetService(fixture.store, fixture.access);
            render(printer.attendanceSheet(attendance.load(fixture.cip, PrintFixture.WORKSITE,
                    IsoWeek.of(PrintFixture.TODAY)), true), out, "print-attendance-prefilled");
            render(printer.attendanceSheet(attendance.load(fixture.cip, PrintFixture.WORKSITE,
                    IsoWeek.of(PrintFixture.TODAY).next()), false), out, "print-attendance-blank");
            ReferralFormService referrals = new ReferralFormService(fixture.store, fixture.access);
            render(printer.referralForm(referrals.load(fixture.cip, PrintFixture.CPAM_REFERRAL)), out,
                    "print-referral-cpam");
        }
    }

    private static void render(byte[] pdf, Path out, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 90);
                Path file = out.resolve(name + "-" + (page + 1) + ".png");
                ImageIO.write(image, "png", file.toFile());
                System.out.println(file + " (" + pdf.length / 1024 + " Ko le PDF)");
            }
        }
    }
}
