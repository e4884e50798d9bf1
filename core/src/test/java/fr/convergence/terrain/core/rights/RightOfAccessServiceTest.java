package fr.convergence.terrain.core.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.audit.AuditFilter;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoMarking;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.AuditAction;
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
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import fr.convergence.terrain.core.fixtures.CaseFixtures;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.BulkLoader;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.fixtures.CaseFixtures.CIP;
import static fr.convergence.terrain.core.fixtures.CaseFixtures.COORDINATOR;
import static fr.convergence.terrain.core.fixtures.CaseFixtures.ELSEWHERE;
import static fr.convergence.terrain.core.fixtures.CaseFixtures.ESP;
import static fr.convergence.terrain.core.fixtures.CaseFixtures.WORKSITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The right-of-access export of a person with rows in every table, on a real (not demo) store. */
class RightOfAccessServiceTest {

    static final String PERSON = "p-awa";
    static final String RESERVED_NOTE = "Confie un suivi médical en cours : ne pas diffuser à l'équipe.";
    static final String TEAM_NOTE_V1 = "Ponctuelle, premier jour réussi.";
    static final String TEAM_NOTE_V2 = "Ponctuelle, première semaine réussie.";

    @TempDir
    Path dir;

    /** Awa: a PHC then a CVG parcours (exited), steps, hours of three kinds, a follow-up, two notes, two referrals. */
    static void loadAwa(TerrainStore store) {
        Participant awa = new Participant(PERSON, WORKSITE, "Awa", "Traoré", LocalDate.of(1988, 2, 29), "06 98 76 54 32",
                "awa.traore@exemple.fr", "8 rue Solférino, Lille", "2 88 02 99 350 111 87", "M. Petit (CCAS)");
        BulkLoader loader = new BulkLoader(store);
        loader.participant(awa);
        Enrolment phc = new Enrolment("e-phc", PERSON, WORKSITE, Programme.PHC, ContractType.PHC,
                LocalDate.of(2025, 9, 1), null, null, null, null, null, LocalDate.of(2025, 12, 31), null, null);
        Enrolment cvg = new Enrolment("e-cvg", PERSON, WORKSITE, Programme.CVG, ContractType.CDDI,
                LocalDate.of(2026, 1, 5), LocalDate.of(2027, 1, 4), 26, null, null, null, LocalDate.of(2026, 3, 6),
                ExitCategory.EMPLOI_DURABLE, ExitReason.CDI);
        loader.enrolment(phc);
        loader.enrolment(cvg);
        loader.phcStep(new PhcStep("s-4", "e-phc", 4, LocalDate.of(2025, 9, 1)), WORKSITE);
        loader.phcStep(new PhcStep("s-8", "e-phc", 8, LocalDate.of(2025, 11, 3)), WORKSITE);
        loader.hours(PERSON, WORKSITE, LocalDate.of(2025, 9, 2), HoursKind.TRAVAIL_CHANTIER, 240);
        loader.hours(PERSON, WORKSITE, LocalDate.of(2025, 9, 4), HoursKind.ABSENCE_JUSTIFIEE, 120);
        loader.hours(PERSON, WORKSITE, LocalDate.of(2026, 2, 10), HoursKind.ENTREPRISE, 390);
        loader.followUp(new FollowUp("f-1", "e-cvg", PERSON, 1, LocalDate.of(2026, 4, 6), null, null), WORKSITE);
        loader.note(new SupportNote("n-team", PERSON, WORKSITE, LocalDate.of(2025, 9, 2), NoteTheme.EMPLOI,
                NoteVisibility.EQUIPE_CHANTIER, "u-esp", List.of(
                new SupportNoteRevision("n-team-1", "n-team", TEAM_NOTE_V1, "u-esp", Instant.parse("2025-09-02T15:00:00Z")),
                new SupportNoteRevision("n-team-2", "n-team", TEAM_NOTE_V2, "u-esp", Instant.parse("2025-09-05T15:00:00Z")))));
        loader.note(new SupportNote("n-cip", PERSON, WORKSITE, LocalDate.of(2025, 10, 1), NoteTheme.values()[0],
                NoteVisibility.CIP_ET_COORDINATION, "u-cip", List.of(new SupportNoteRevision("n-cip-1", "n-cip",
                RESERVED_NOTE, "u-cip", Instant.parse("2025-10-01T09:00:00Z")))));
        Map<ParticipantField, String> cpamFields = new LinkedHashMap<>();
        cpamFields.put(ParticipantField.NOM, awa.fullName());
        cpamFields.put(ParticipantField.NUMERO_SECURITE_SOCIALE, awa.socialSecurityNumber());
        loader.referral(new Referral("r-cpam", PERSON, WORKSITE, Partner.CPAM, null, "Ouverture des droits santé",
                Map.of("Pièce d'identité", true), cpamFields, ReferralStatus.ACCEPTEE, LocalDate.of(2025, 10, 6), List.of(
                new ReferralStatusChange("h1", "r-cpam", null, ReferralStatus.BROUILLON, LocalDate.of(2025, 10, 6), "u-cip", null),
                new ReferralStatusChange("h2", "r-cpam", ReferralStatus.BROUILLON, ReferralStatus.ENVOYEE,
                        LocalDate.of(2025, 10, 7), "u-cip", null),
                new ReferralStatusChange("h3", "r-cpam", ReferralStatus.ENVOYEE, ReferralStatus.ACCEPTEE,
                        LocalDate.of(2025, 11, 14), "u-cip", "Carte Vitale reçue"))));
        loader.referral(new Referral("r-draft", PERSON, WORKSITE, Partner.CDC_HABITAT, null, "Demande de logement",
                Map.of(), Map.of(ParticipantField.ADRESSE, awa.address()), ReferralStatus.BROUILLON,
                LocalDate.of(2026, 3, 2), List.of(new ReferralStatusChange("h4", "r-draft", null,
                ReferralStatus.BROUILLON, LocalDate.of(2026, 3, 2), "u-cip", null))));
        loader.commit();
    }

    @Test
    void theExportHoldsEveryPieceOfThePersonsFileNotesReservedToAdvisersIncluded() throws IOException {
        try (TerrainStore store = CaseFixtures.open(dir)) {
            loadAwa(store);
            RightOfAccessService service = new RightOfAccessService(store, CaseFixtures.ACCESS);

            PersonalData data = service.export(CIP, PERSON);

            assertThat(data.demo()).isFalse();
            assertThat(data.file().participant().socialSecurityNumber()).isEqualTo("2 88 02 99 350 111 87");
            assertThat(data.file().enrolments()).extracting(Enrolment::id).containsExactly("e-phc", "e-cvg");
            assertThat(data.hours()).hasSize(3);
            assertThat(data.months()).extracting(PersonalData.MonthHours::month)
                    .containsExactly(YearMonth.of(2025, 9), YearMonth.of(2026, 2));
            assertThat(data.months().get(0).workedMinutes()).isEqualTo(240);
            assertThat(data.months().get(0).minutesByKind()).containsEntry(HoursKind.ABSENCE_JUSTIFIEE, 120);
            assertThat(data.file().notes()).extracting(SupportNote::id).containsExactlyInAnyOrder("n-team", "n-cip");
            assertThat(data.file().followUps()).hasSize(1);
            // A draft was never sent: the partner has none of it.
            assertThat(data.sharedWith()).singleElement().satisfies(s -> {
                assertThat(s.partner()).isEqualTo(Partner.CPAM.label());
                assertThat(s.on()).isEqualTo(LocalDate.of(2025, 10, 7));
                assertThat(s.fields()).containsExactly(ParticipantField.NOM, ParticipantField.NUMERO_SECURITE_SOCIALE);
            });
            assertThat(service.export(COORDINATOR, PERSON).file().notes()).hasSize(2);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            service.writeJson(data, out);
            JsonNode json = new ObjectMapper().readTree(out.toByteArray());
            assertThat(json.path("formatVersion").asInt()).isEqualTo(1);
            assertThat(json.path("demonstration").asBoolean()).isFalse();
            assertThat(json.has("notice")).isFalse();
            assertThat(json.path("exportedOn").asText()).isEqualTo("2026-03-18");
            assertThat(json.at("/person/birthDate").asText()).isEqualTo("1988-02-29");
            assertThat(json.at("/person/socialSecurityNumber").asText()).isEqualTo("2 88 02 99 350 111 87");
            assertThat(json.at("/person/phone").asText()).isEqualTo("06 98 76 54 32");
            assertThat(json.at("/worksite/id").asText()).isEqualTo(WORKSITE);
            assertThat(json.at("/enrolments/0/phcSteps/1/targetHoursPerWeek").asInt()).isEqualTo(8);
            assertThat(json.at("/enrolments/1/exitReason").asText()).isEqualTo("CDI");
            assertThat(json.at("/enrolments/1/exitDate").asText()).isEqualTo("2026-03-06");
            assertThat(json.at("/hours/byMonth/1/month").asText()).isEqualTo("2026-02");
            assertThat(json.at("/hours/byMonth/1/minutesByKind/ENTREPRISE").asInt()).isEqualTo(390);
            assertThat(json.at("/hours/entries/0/day").asText()).isEqualTo("2025-09-02");
            assertThat(json.at("/hours/entries").size()).isEqualTo(3);
            JsonNode cpam = null;
            for (JsonNode referral : json.path("referrals")) {
                cpam = referral.path("id").asText().equals("r-cpam") ? referral : cpam;
            }
            assertThat(json.path("referrals").size()).isEqualTo(2);
            assertThat(cpam.at("/statusHistory/2/comment").asText()).isEqualTo("Carte Vitale reçue");
            assertThat(cpam.at("/statusHistory/2/to").asText()).isEqualTo("ACCEPTEE");
            assertThat(cpam.at("/sharedFields/NUMERO_SECURITE_SOCIALE").asText())
                    .isEqualTo("2 88 02 99 350 111 87");
            assertThat(json.at("/sharedWith/0/fields/1").asText()).isEqualTo("NUMERO_SECURITE_SOCIALE");
            assertThat(json.at("/followUps/0/dueDate").asText()).isEqualTo("2026-04-06");
            assertThat(json.toString()).contains(RESERVED_NOTE, TEAM_NOTE_V1, TEAM_NOTE_V2);
            assertThat(json.at("/supportNotes/1/revisions/0/createdAt").asText()).isEqualTo("2025-09-02T15:00:00Z");
        }
    }

    @Test
    void anEducatorIsRefusedAndSoIsAnAdviserOfAnotherWorksite() {
        try (TerrainStore store = CaseFixtures.open(dir)) {
            loadAwa(store);
            RightOfAccessService service = new RightOfAccessService(store, CaseFixtures.ACCESS);

            assertThat(RightOfAccessService.mayExport(ESP)).isFalse();
            assertThatThrownBy(() -> service.export(ESP, PERSON)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("réservé à la CIP");
            assertThatThrownBy(() -> service.export(ELSEWHERE, PERSON)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("périmètre");
        }
    }

    @Test
    void everyExportIsInTheAccessJournalAndARefusedOneIsNot() {
        try (TerrainStore store = CaseFixtures.open(dir)) {
            loadAwa(store);
            RightOfAccessService service = new RightOfAccessService(store, CaseFixtures.ACCESS);
            AuditFilter exports = new AuditFilter(null, PERSON, AuditAction.EXPORT, null, null);

            assertThatThrownBy(() -> service.export(ESP, PERSON)).isInstanceOf(AccessDeniedException.class);
            assertThat(new AuditJournal(store).search(COORDINATOR, exports)).isEmpty();

            PersonalData data = service.export(CIP, PERSON);

            assertThat(new AuditJournal(store).search(COORDINATOR, exports)).singleElement().satisfies(entry -> {
                assertThat(entry.event().actorId()).isEqualTo(CIP.id());
                assertThat(entry.event().detail()).contains("droit d’accès", data.file().notes().size() + " note");
            });
        }
    }

    @Test
    void anExportFromADemoStoreSaysSoInItsJson() throws IOException {
        try (TerrainStore store = TerrainStore.open(dir.resolve("demo.db"), CaseFixtures.clock())) {
            new DemoDataGenerator(3, CaseFixtures.TODAY).generate(store, DemoSize.SITE, new PasswordHasher(1000));
            String someone = new ParticipantRepository(store).ofWorksite(WORKSITE).get(0).id();
            PersonalData data = new RightOfAccessService(store, CaseFixtures.ACCESS).export(CIP, someone);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PersonalDataJson.write(data, out);
            JsonNode json = new ObjectMapper().readTree(out.toByteArray());
            assertThat(json.path("demonstration").asBoolean()).isTrue();
            assertThat(json.path("notice").asText()).isEqualTo(DemoMarking.TEXT);
        }
    }
}
