package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.demo.DemoMarking;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.print.AttendanceSheetService;
import fr.convergence.terrain.core.print.PrintCatalogService;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.referral.ReferralFormService;
import fr.convergence.terrain.core.rights.RightOfAccessService;
import fr.convergence.terrain.core.store.BulkLoader;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The right-of-access PDF holds every piece of a person's file in plain French, and the demonstration mark is on
 * every page of every print-out of a demo store and on none of a real store's.
 */
class RightOfAccessPdfTest {

    static final String WORKSITE = PrintFixture.WORKSITE;
    static final String AWA = "p-awa";
    static final String RESERVED_NOTE = "Confie un suivi médical en cours : ne pas diffuser à l'équipe.";
    static final String TEAM_NOTE = "Ponctuelle, première semaine réussie.";
    static final User CIP = new User("u-cip", "cip", "Yanis (CIP)", Role.CIP, null, Set.of(WORKSITE), true);

    @TempDir
    Path dir;

    /** A real store (reference data only, no demo marker) holding Awa, with a row in every table about her. */
    private TerrainStore realStoreWithAwa() {
        TerrainStore store = TerrainStore.open(dir.resolve("reel.db"), PrintFixture.CLOCK);
        new ReferenceRepository(store).install(ReferenceData.load());
        Participant awa = new Participant(AWA, WORKSITE, "Awa", "Traoré", LocalDate.of(1988, 2, 29),
                "06 98 76 54 32", "awa.traore@exemple.fr", "8 rue Solférino, Lille", "2 88 02 99 350 111 87",
                "M. Petit (CCAS)");
        BulkLoader loader = new BulkLoader(store);
        loader.participant(awa);
        loader.enrolment(new Enrolment("e-phc", AWA, WORKSITE, Programme.PHC, ContractType.PHC,
                LocalDate.of(2025, 9, 1), null, null, null, null, null, LocalDate.of(2025, 12, 31), null, null));
        loader.enrolment(new Enrolment("e-cvg", AWA, WORKSITE, Programme.CVG, ContractType.CDDI,
                LocalDate.of(2026, 1, 5), LocalDate.of(2027, 1, 4), 26, null, null, null, LocalDate.of(2026, 3, 6),
                ExitCategory.EMPLOI_DURABLE, ExitReason.CDI));
        loader.phcStep(new PhcStep("s-4", "e-phc", 4, LocalDate.of(2025, 9, 1)), WORKSITE);
        loader.phcStep(new PhcStep("s-8", "e-phc", 8, LocalDate.of(2025, 11, 3)), WORKSITE);
        loader.hours(AWA, WORKSITE, LocalDate.of(2025, 9, 2), HoursKind.TRAVAIL_CHANTIER, 240);
        loader.hours(AWA, WORKSITE, LocalDate.of(2025, 9, 4), HoursKind.ABSENCE_JUSTIFIEE, 120);
        loader.hours(AWA, WORKSITE, LocalDate.of(2026, 2, 10), HoursKind.ENTREPRISE, 390);
        loader.followUp(new FollowUp("f-1", "e-cvg", AWA, 1, LocalDate.of(2026, 4, 6), null, null), WORKSITE);
        loader.note(new SupportNote("n-team", AWA, WORKSITE, LocalDate.of(2025, 9, 2), NoteTheme.EMPLOI,
                NoteVisibility.EQUIPE_CHANTIER, "u-esp", List.of(new SupportNoteRevision("n-team-1", "n-team",
                TEAM_NOTE, "u-esp", Instant.parse("2025-09-05T15:00:00Z")))));
        loader.note(new SupportNote("n-cip", AWA, WORKSITE, LocalDate.of(2025, 10, 1), NoteTheme.SANTE,
                NoteVisibility.CIP_ET_COORDINATION, "u-cip", List.of(new SupportNoteRevision("n-cip-1", "n-cip",
                RESERVED_NOTE, "u-cip", Instant.parse("2025-10-01T09:00:00Z")))));
        Map<ParticipantField, String> fields = new LinkedHashMap<>();
        fields.put(ParticipantField.NOM, awa.fullName());
        fields.put(ParticipantField.NUMERO_SECURITE_SOCIALE, awa.socialSecurityNumber());
        loader.referral(new Referral("r-cpam", AWA, WORKSITE, Partner.CPAM, null, "Ouverture des droits santé",
                Map.of("Pièce d'identité", true), fields, ReferralStatus.ACCEPTEE, LocalDate.of(2025, 10, 6), List.of(
                new ReferralStatusChange("h1", "r-cpam", null, ReferralStatus.BROUILLON, LocalDate.of(2025, 10, 6),
                        "u-cip", null),
                new ReferralStatusChange("h2", "r-cpam", ReferralStatus.BROUILLON, ReferralStatus.ENVOYEE,
                        LocalDate.of(2025, 10, 7), "u-cip", null),
                new ReferralStatusChange("h3", "r-cpam", ReferralStatus.ENVOYEE, ReferralStatus.ACCEPTEE,
                        LocalDate.of(2025, 11, 14), "u-cip", "Carte Vitale reçue"))));
        loader.commit();
        return store;
    }

    @Test
    void thePersonReadsEveryPieceOfTheirFileInPlainFrenchAdvisersNotesIncluded() {
        try (TerrainStore store = realStoreWithAwa()) {
            AccessPolicy access = AccessPolicies.of(store);
            var data = new RightOfAccessService(store, access).export(CIP, AWA);
            byte[] pdf = new PdfPrinter(CIP, PrintFixture.CLOCK, false, data.demo()).personalData(data);
            String text = PrintFixture.text(pdf);

            assertThat(text).contains("Vos données personnelles", "Réponse à votre demande d’accès — Awa Traoré",
                    "Vos droits", "corrigée", "effacées", "CNIL", "JSON");
            assertThat(text).contains("Qui vous êtes", "Awa Traoré", "29/02/1988", "06 98 76 54 32",
                    "awa.traore@exemple.fr", "8 rue Solférino, Lille", "2 88 02 99 350 111 87", "M. Petit (CCAS)");
            assertThat(text).contains("Votre parcours au chantier", "Contrat Premières Heures", "CDDI",
                    "06/03/2026 — Emploi durable (CDI)", "Paliers PHC", "8 h par semaine");
            assertThat(text).contains("Vos heures de travail", "Chaque mois", "sept. 2025", "févr. 2026",
                    "Jour par jour", "02/09/2025", "04/09/2025", "Absence justifiée", "10/02/2026", "6 h 30");
            assertThat(text).contains("Vos orientations vers des partenaires", "Ouverture des droits santé",
                    "Carte Vitale reçue", "Acceptée");
            assertThat(text).contains("Les partenaires qui ont reçu vos informations", "07/10/2025",
                    "Nom et prénom, Numéro de sécurité sociale");
            assertThat(text).contains("Votre suivi après la sortie", "06/04/2026");
            assertThat(text).contains("Les notes écrites sur votre accompagnement", TEAM_NOTE, RESERVED_NOTE);
            assertThat(text).contains("Généré le 18/03/2026 à 10:42 par Yanis (CIP)");
            assertThat(text).doesNotContain("DÉMONSTRATION");
            assertThat(PrintFixture.pages(pdf)).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aRealStoresPrintOutsCarryNoDemonstrationMark() {
        try (TerrainStore store = realStoreWithAwa()) {
            AccessPolicy access = AccessPolicies.of(store);
            PrintCatalogService catalog = new PrintCatalogService(store, access);
            assertThat(catalog.demo()).isFalse();
            PdfPrinter printer = new PdfPrinter(CIP, PrintFixture.CLOCK, false, catalog.demo());
            List<byte[]> documents = List.of(
                    printer.followUpSheet(new ParticipantFileService(store, access).load(CIP, AWA),
                            FollowUpSheetOptions.withoutNotes()),
                    printer.attendanceSheet(new AttendanceSheetService(store, access).load(CIP, WORKSITE,
                            IsoWeek.of(LocalDate.of(2026, 2, 10))), true),
                    printer.referralForm(new ReferralFormService(store, access).load(CIP, "r-cpam")));
            for (byte[] pdf : documents) {
                assertThat(PrintFixture.text(pdf)).contains("Awa").doesNotContain("DÉMONSTRATION");
            }
        }
    }

    @Test
    void everyPageOfEveryPrintOutOfADemoStoreSaysItIsFictitious() {
        try (PrintFixture fixture = new PrintFixture(dir)) {
            assertThat(fixture.catalog.demo()).isTrue();
            PdfPrinter printer = fixture.printer(fixture.cip);
            ParticipantFileService files = new ParticipantFileService(fixture.store, fixture.access);
            List<String> someIds = fixture.catalog.participants(fixture.cip, PrintFixture.WORKSITE).stream()
                    .limit(3).map(Participant::id).toList();
            Map<String, byte[]> documents = Map.of(
                    "follow-up", printer.followUpSheet(files.load(fixture.cip, PrintFixture.ZOE),
                            FollowUpSheetOptions.withoutNotes()),
                    "batch", printer.followUpSheets("Lot", someIds, id -> files.load(fixture.cip, id), (d, t) -> true),
                    "attendance", printer.attendanceSheet(new AttendanceSheetService(fixture.store, fixture.access)
                            .load(fixture.cip, PrintFixture.WORKSITE, IsoWeek.of(PrintFixture.TODAY)), false),
                    "referral", printer.referralForm(new ReferralFormService(fixture.store, fixture.access)
                            .load(fixture.cip, PrintFixture.CPAM_REFERRAL)),
                    "right-of-access", printer.personalData(new RightOfAccessService(fixture.store, fixture.access)
                            .export(fixture.cip, PrintFixture.ZOE)));
            for (var document : documents.entrySet()) {
                int pages = PrintFixture.pages(document.getValue());
                assertThat(pages).as(document.getKey()).isPositive();
                for (int page = 1; page <= pages; page++) {
                    // The line in the top margin; the diagonal's letters may come out mixed with the text under it.
                    assertThat(PrintFixture.pageText(document.getValue(), page))
                            .as("%s page %d", document.getKey(), page).contains(DemoMarking.TEXT);
                }
            }
        }
    }
}
