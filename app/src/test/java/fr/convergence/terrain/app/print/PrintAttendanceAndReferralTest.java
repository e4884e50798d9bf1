package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.print.AttendanceSheet;
import fr.convergence.terrain.core.print.AttendanceSheetService;
import fr.convergence.terrain.core.referral.ReferralForm;
import fr.convergence.terrain.core.referral.ReferralFormService;
import fr.convergence.terrain.core.week.IsoWeek;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrintAttendanceAndReferralTest {

    @TempDir
    static Path dir;
    static PrintFixture fixture;
    static IsoWeek week = IsoWeek.of(PrintFixture.TODAY);

    @BeforeAll
    static void demo() {
        fixture = new PrintFixture(dir);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void attendanceSheetHasARowPerParticipantEnrolledThatWeekOnLandscapePages() throws IOException {
        AttendanceSheet sheet = new AttendanceSheetService(fixture.store, fixture.access)
                .load(fixture.esp, PrintFixture.WORKSITE, week);
        byte[] pdf = fixture.printer(fixture.esp).attendanceSheet(sheet, false);
        String text = PrintFixture.text(pdf);

        assertThat(sheet.rows()).extracting(AttendanceSheet.Row::fullName).contains("Zoé N'Diaye-Lefèvre");
        for (AttendanceSheet.Row row : sheet.rows()) {
            assertThat(text).contains(row.fullName());
        }
        assertThat(text).contains("Feuille d’émargement", "Semaine 12 — du 16 au 22 mars 2026", "lundi 16/03",
                "vendredi 20/03", "PHC, objectif 8 h", "Visa de l’encadrant·e", "Document confidentiel");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getPage(0).getMediaBox().getWidth())
                    .isGreaterThan(document.getPage(0).getMediaBox().getHeight());
        }
    }

    @Test
    void prefilledSheetShowsPlannedHoursAndBlankSheetLeavesThemToHandwriting() {
        AttendanceSheet sheet = new AttendanceSheetService(fixture.store, fixture.access)
                .load(fixture.esp, PrintFixture.WORKSITE, week);
        String prefilled = PrintFixture.text(fixture.printer(fixture.esp).attendanceSheet(sheet, true));
        String blank = PrintFixture.text(fixture.printer(fixture.esp).attendanceSheet(sheet, false));

        // Zoé works 2 h on Tuesday and 2 h 30 on Thursday every week.
        assertThat(prefilled).contains("Zoé N'Diaye-Lefèvre PHC, objectif 8 h 2 h 2 h 30 4 h 30");
        assertThat(blank).doesNotContain("2 h 30").contains("Zoé N'Diaye-Lefèvre PHC, objectif 8 h … h");
    }

    @Test
    void longAttendanceListsRepeatTheHeaderOnEveryPage() {
        List<AttendanceSheet.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            rows.add(new AttendanceSheet.Row("p" + i, "Marie-Thérèse Lefèbvre-Dumas de Saint-Aubin n° " + i,
                    Programme.CVG, ContractType.CDDI, 26, Map.of()));
        }
        AttendanceSheet sheet = new AttendanceSheet(fixture.catalog.worksite(fixture.admin, PrintFixture.WORKSITE)
                .orElseThrow(), week, rows);
        byte[] pdf = fixture.printer(fixture.admin).attendanceSheet(sheet, false);
        int pages = PrintFixture.pages(pdf);

        assertThat(pages).isGreaterThanOrEqualTo(3);
        for (int page = 2; page <= pages; page++) {
            assertThat(PrintFixture.pageText(pdf, page)).contains("(suite)", "Salarié·e Parcours lundi 16/03");
        }
        assertThat(PrintFixture.text(pdf)).contains("n° 1 ", "n° 45 ", "page " + pages + "/" + pages);
    }

    @Test
    void referralFormShowsOnlyTheFieldsThePartnerNeeds() {
        ReferralFormService service = new ReferralFormService(fixture.store, fixture.access);

        String bureaux = PrintFixture.text(fixture.printer(fixture.cip).referralForm(
                service.load(fixture.cip, PrintFixture.BUREAUX_REFERRAL)));
        assertThat(bureaux).contains("Fiche d’orientation", "Bureaux du Cœur", "Tenue professionnelle pour entretien",
                "Zoé N'Diaye-Lefèvre", "06 11 22 33 44", "Pièce d'identité", "Attestation d'hébergement d'urgence",
                "Réponse du partenaire", "Document confidentiel");
        assertThat(bureaux).doesNotContain("14/07/1991", "zoe.ndiaye@example.org", "impasse des Érables",
                "2 91 07 59 350 012 35", "Date de naissance", "Adresse", "Mme Aubert");

        String cpam = PrintFixture.text(fixture.printer(fixture.cip).referralForm(
                service.load(fixture.cip, PrintFixture.CPAM_REFERRAL)));
        assertThat(cpam).contains("CPAM", "Ouverture des droits « santé » … complémentaire", "14/07/1991",
                "2 91 07 59 350 012 35", "3 impasse des Érables, 59000 Lille", "Attestation de droits",
                "fournie", "à fournir");
        assertThat(cpam).doesNotContain("zoe.ndiaye@example.org");
    }

    @Test
    void noSheetOrFormIsMadeForAWorksiteOutsideTheUsersPerimeter() {
        User elsewhere = new User("x", "esp-ailleurs", "ESP ailleurs", Role.ESP, null, Set.of("autre-chantier"), true);
        assertThatThrownBy(() -> new AttendanceSheetService(fixture.store, fixture.access)
                .load(elsewhere, PrintFixture.WORKSITE, week)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new ReferralFormService(fixture.store, fixture.access)
                .load(elsewhere, PrintFixture.CPAM_REFERRAL)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void followedParticipantsAreThoseEnrolledOrLeftWithinAYear() {
        var followed = fixture.catalog.followedParticipants(fixture.admin, PrintFixture.WORKSITE, PrintFixture.TODAY,
                false);
        var everyone = fixture.catalog.participants(fixture.admin, PrintFixture.WORKSITE);
        assertThat(followed).isNotEmpty().extracting(p -> p.id()).contains(PrintFixture.ZOE);
        assertThat(everyone).containsAll(followed);
        assertThat(fixture.catalog.followedParticipants(fixture.admin, PrintFixture.WORKSITE, PrintFixture.TODAY, true))
                .isEqualTo(everyone);
        ReferralForm form = new ReferralFormService(fixture.store, fixture.access)
                .load(fixture.admin, PrintFixture.CPAM_REFERRAL);
        assertThat(form.fields()).extracting(ReferralForm.SharedField::field)
                .containsExactlyElementsOf(form.referral().partner().neededFields());
        assertThat(LocalDate.of(2026, 3, 16)).isEqualTo(week.monday());
    }
}
