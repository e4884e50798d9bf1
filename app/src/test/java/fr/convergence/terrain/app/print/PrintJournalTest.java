package fr.convergence.terrain.app.print;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.audit.AuditEntry;
import fr.convergence.terrain.core.audit.AuditFilter;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.domain.AuditEvent;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.print.AttendanceSheetService;
import fr.convergence.terrain.core.referral.ReferralFormService;
import fr.convergence.terrain.core.week.IsoWeek;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every print-out is journaled (issue 14): who, which document, about whom, with how many notes — the notes the
 * sheet really carries for that person's role — and never a note's text or anything of the file.
 */
class PrintJournalTest {

    @TempDir
    Path dir;
    private PrintFixture fixture;
    private AuditJournal journal;

    @BeforeEach
    void open() {
        fixture = new PrintFixture(dir);
        journal = fixture.catalog.journal();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private PdfPrinter printer(User user) {
        return new PdfPrinter(user, PrintFixture.CLOCK, false, false, journal);
    }

    private List<AuditEvent> prints() {
        return journal.search(fixture.admin, new AuditFilter(null, null, AuditAction.IMPRESSION, null, null)).stream()
                .map(AuditEntry::event).toList();
    }

    @Test
    void aFollowUpSheetIsJournaledWithTheNumberOfNotesItCarriesForThatRole() {
        ParticipantFileService files = new ParticipantFileService(fixture.store, fixture.access);
        FollowUpSheetOptions both = new FollowUpSheetOptions(Set.of(PrintFixture.TEAM_NOTE,
                PrintFixture.RESERVED_NOTE));

        printer(fixture.esp).followUpSheet(files.load(fixture.esp, PrintFixture.ZOE), both);
        printer(fixture.cip).followUpSheet(files.load(fixture.cip, PrintFixture.ZOE), both);
        printer(fixture.cip).followUpSheet(files.load(fixture.cip, PrintFixture.ZOE),
                FollowUpSheetOptions.withoutNotes());

        assertThat(prints()).extracting(AuditEvent::actorName, AuditEvent::detail).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(fixture.esp.displayName(), "fiche de suivi, avec 1 note"),
                org.assertj.core.groups.Tuple.tuple(fixture.cip.displayName(), "fiche de suivi, avec 2 notes"),
                org.assertj.core.groups.Tuple.tuple(fixture.cip.displayName(), "fiche de suivi, sans notes"));
        assertThat(prints()).allSatisfy(e -> {
            assertThat(e.participantId()).isEqualTo(PrintFixture.ZOE);
            assertThat(e.worksiteId()).isEqualTo(PrintFixture.WORKSITE);
        });
        // Opening the file to print it is journaled too.
        assertThat(journal.search(fixture.admin, new AuditFilter(null, PrintFixture.ZOE, AuditAction.DOSSIER_CONSULTE,
                null, null))).hasSize(3);
        assertNothingPersonal();
    }

    @Test
    void attendanceSheetsAndReferralFormsAreJournaledWithoutThePartner() {
        IsoWeek week = IsoWeek.of(PrintFixture.TODAY);
        printer(fixture.esp).attendanceSheet(new AttendanceSheetService(fixture.store, fixture.access)
                .load(fixture.esp, PrintFixture.WORKSITE, week), true);
        printer(fixture.cip).referralForm(new ReferralFormService(fixture.store, fixture.access)
                .load(fixture.cip, PrintFixture.CPAM_REFERRAL));

        assertThat(prints()).extracting(AuditEvent::participantId, AuditEvent::detail).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(null, "feuille d’émargement, semaine " + week.number()
                        + ", pré-remplie"),
                org.assertj.core.groups.Tuple.tuple(PrintFixture.ZOE, "fiche d’orientation"));
        assertNothingPersonal();
    }

    @Test
    void aPrinterWithoutAJournalRecordsNothing() {
        new PdfPrinter(fixture.cip, PrintFixture.CLOCK, false, false).referralForm(
                new ReferralFormService(fixture.store, fixture.access).load(fixture.cip, PrintFixture.CPAM_REFERRAL));

        assertThat(prints()).isEmpty();
    }

    private void assertNothingPersonal() {
        String all = fixture.store.read(sql -> sql.fetch("select * from audit_event").formatCSV());
        assertThat(all).doesNotContain(PrintFixture.TEAM_NOTE_TEXT).doesNotContain(PrintFixture.RESERVED_NOTE_TEXT)
                .doesNotContain("2 91 07 59 350 012 35").doesNotContain("Zoé").doesNotContain("CPAM")
                .doesNotContain("06 11 22 33 44");
    }
}
