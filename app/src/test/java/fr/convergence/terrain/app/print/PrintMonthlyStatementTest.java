package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.report.MonthlyStatement;
import fr.convergence.terrain.core.report.PersonMinutes;
import fr.convergence.terrain.core.report.ReportCalculator;
import fr.convergence.terrain.core.week.PhcStepLadder;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The monthly hours statement's PDF, from a statement computed on a few hand-made records (November 2026). */
class PrintMonthlyStatementTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final User COORDINATION = new User("coord", "coord", "Sandrine Coordination", Role.COORDINATOR, "lille",
            Set.of(), true);

    /**
     * Ana Lopes, PHC at the 8 h step, 25 h worked and 4 h of justified absence; Bilal Kaci, CDDI of 26 h from
     * 16/11, 65 h on the worksite, 7 h of training, 3 h of unjustified absence; Chloé Martin, CDDI of 30 h, left on
     * 20/11 for a CDI, 100 h on the worksite and 20 h in a company; one person whose name is not given (archived).
     */
    static MonthlyStatement statement() {
        List<Enrolment> enrolments = List.of(
                new Enrolment("pa-phc", "pa", "w1", Programme.PHC, ContractType.PHC, LocalDate.of(2026, 9, 7), null,
                        null, null, null, null, null, null, null),
                new Enrolment("pb-cddi", "pb", "w1", Programme.CVG, ContractType.CDDI, LocalDate.of(2026, 11, 16),
                        LocalDate.of(2027, 5, 15), 26, null, null, null, null, null, null),
                new Enrolment("pc-cddi", "pc", "w1", Programme.CVG, ContractType.CDDI, LocalDate.of(2026, 3, 2),
                        LocalDate.of(2027, 3, 1), 30, null, null, null, LocalDate.of(2026, 11, 20),
                        ExitReason.CDI.category(), ExitReason.CDI),
                new Enrolment("px-cddi", "px", "w1", Programme.CVG, ContractType.CDDI, LocalDate.of(2025, 1, 6),
                        null, 20, null, null, null, null, null, null));
        List<Participant> people = List.of(
                new Participant("pa", "w1", "Ana", "Lopes", null, null, null, null, null, null),
                new Participant("pb", "w1", "Bilal", "Kaci", null, null, null, null, null, null),
                new Participant("pc", "w1", "Chloé", "Martin", null, null, null, null, null, null));
        List<PersonMinutes> minutes = List.of(
                new PersonMinutes("pa", HoursKind.TRAVAIL_CHANTIER, 1500),
                new PersonMinutes("pa", HoursKind.ABSENCE_JUSTIFIEE, 240),
                new PersonMinutes("pb", HoursKind.TRAVAIL_CHANTIER, 3900),
                new PersonMinutes("pb", HoursKind.FORMATION, 420),
                new PersonMinutes("pb", HoursKind.ABSENCE_INJUSTIFIEE, 180),
                new PersonMinutes("pc", HoursKind.TRAVAIL_CHANTIER, 6000),
                new PersonMinutes("pc", HoursKind.ENTREPRISE, 1200));
        return ReportCalculator.monthlyStatement("w1", "ABEJ Solidarité", NOVEMBER, enrolments,
                Map.of("pa-phc", List.of(new PhcStep("s1", "pa-phc", 8, LocalDate.of(2026, 10, 5)))), people,
                minutes, PhcStepLadder.DEFAULT);
    }

    @Test
    void theStatementIsALandscapeA4WithARowPerPersonAndTheTotals() throws IOException {
        byte[] pdf = new PdfPrinter(COORDINATION, PrintFixture.CLOCK, false, false).monthlyStatement(statement());
        String text = PrintFixture.text(pdf);

        assertThat(text).contains("Relevé mensuel des heures", "ABEJ Solidarité", "Novembre 2026",
                "4 personnes sous contrat (1 PHC, 3 CDDI) · 1 entrée · 1 sortie · 217 h travaillées, soit 1,43 ETP",
                "KACI Bilal CDDI 16/11/2026 15/05/2027 26 h 65 h 0 h 7 h 72 h 0 h 3 h 0,47",
                "LOPES Ana PHC 07/09/2026 palier 8 h 25 h 0 h 0 h 25 h 4 h 0 h 0,16",
                "MARTIN Chloé CDDI 02/03/2026 01/03/2027 30 h 100 h 20 h 0 h 120 h 0 h 0 h 0,79 20/11/2026 Emploi durable",
                "(dossier archivé) CDDI 06/01/2025 20 h 0 h 0 h 0 h 0 h 0 h 0 h 0,00",
                "Total (4 personnes) 190 h 20 h 7 h 217 h 4 h 3 h 1,43 1 sortie",
                "1 ETP = 1\u202f820\u00a0h par an", "Établi par", "Document confidentiel",
                "Généré le 18/03/2026 à 10:42 par Sandrine Coordination");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isEqualTo(PDRectangle.A4.getHeight());
            assertThat(page.getHeight()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Relevé mensuel des heures — ABEJ Solidarité — novembre 2026");
        }
    }

    @Test
    void aFortyPersonWorksiteRunsOnMorePagesWithTheHeaderRepeatedAndTheTotalsOnce() {
        List<Enrolment> enrolments = new ArrayList<>();
        List<Participant> people = new ArrayList<>();
        List<PersonMinutes> minutes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "p" + i;
            enrolments.add(new Enrolment(id + "-cddi", id, "w1", Programme.CVG, ContractType.CDDI,
                    LocalDate.of(2026, 1, 5), LocalDate.of(2027, 1, 4), 26, null, null, null, null, null, null));
            people.add(new Participant(id, "w1", "Prénom" + i, String.format("Nom%02d", i), null, null, null, null,
                    null, null));
            minutes.add(new PersonMinutes(id, HoursKind.TRAVAIL_CHANTIER, 6000));
        }
        MonthlyStatement statement = ReportCalculator.monthlyStatement("w1", "ABEJ Solidarité", NOVEMBER,
                enrolments, Map.of(), people, minutes, PhcStepLadder.DEFAULT);

        byte[] pdf = new PdfPrinter(COORDINATION, PrintFixture.CLOCK, false, true).monthlyStatement(statement);

        int pages = PrintFixture.pages(pdf);
        assertThat(pages).isGreaterThan(1);
        for (int page = 1; page <= pages; page++) {
            assertThat(PrintFixture.pageText(pdf, page)).as("page %d", page).contains("Salarié·e", "ETP",
                    "DÉMONSTRATION");
        }
        String last = PrintFixture.pageText(pdf, pages);
        // The totals travel with the definitions and the signature box: never a signature alone on a page.
        assertThat(last).contains("Relevé mensuel des heures — ABEJ Solidarité — novembre 2026 (suite)", "Établi par",
                "Total (40 personnes) 4\u202f000 h");
        // 40 × 100 h = 4,000 h = 26.37 FTE of 151.67 h.
        assertThat(last).contains("26,37");
    }
}
