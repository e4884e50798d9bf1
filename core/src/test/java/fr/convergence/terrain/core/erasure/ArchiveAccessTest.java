package fr.convergence.terrain.core.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.fixtures.ServiceFixtures;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.participant.ParticipantQuery;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.participant.ParticipantSummary;
import fr.convergence.terrain.core.print.PrintCatalogService;
import fr.convergence.terrain.core.referral.ReferralDraft;
import fr.convergence.terrain.core.referral.ReferralFilter;
import fr.convergence.terrain.core.referral.ReferralFormService;
import fr.convergence.terrain.core.referral.ReferralRow;
import fr.convergence.terrain.core.referral.ReferralService;
import fr.convergence.terrain.core.report.MonthlyStatement;
import fr.convergence.terrain.core.report.ReportService;
import fr.convergence.terrain.core.rights.RightOfAccessService;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.FollowUpRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import fr.convergence.terrain.core.week.WeekService;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.note.NoteDraft;
import fr.convergence.terrain.core.note.NoteService;
import fr.convergence.terrain.core.print.AttendanceSheet;
import fr.convergence.terrain.core.print.AttendanceSheetService;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archived files are read by coordination and administration only: the services, called as each role on hand-made
 * files, on the fixtures' fixed day (18/03/2026). « Archivée » ended her support on 15/11/2025 (archived since
 * 15/02/2026), « Échue » on 01/06/2023 (due for erasure), « Encore » is enrolled, « Suivie » has a follow-up to come.
 */
class ArchiveAccessTest {

    static final User ADMIN = new User("admin", "admin", "Administration", Role.ADMIN, null, Set.of(), true);
    static final User COORDINATOR = new User("coord", "coord", "Coordination", Role.COORDINATOR, "lille",
            Set.of(ServiceFixtures.WORKSITE), true);
    static final User CIP = new User("cip", "cip", "CIP", Role.CIP, null, Set.of(ServiceFixtures.WORKSITE), true);
    static final User ESP = new User("esp", "esp", "ESP", Role.ESP, null, Set.of(ServiceFixtures.WORKSITE), true);
    static final String REFUSAL = "Ce dossier est archivé (fin de l’accompagnement le 15/11/2025)\u00a0: "
            + "seule la coordination peut le consulter.";

    @TempDir
    Path dir;
    private TerrainStore store;
    private AccessPolicy access;
    private Workstation workstation;
    private String ongoing;
    private String followedUp;
    private String archived;
    private String expired;
    private String archivedNote;
    private String archivedReferral;

    @BeforeEach
    void setUp() {
        store = ServiceFixtures.open(dir);
        ServiceFixtures.install(store);
        workstation = new Workstation(store);
        access = workstation.access();
        ongoing = person("Encore", LocalDate.of(2025, 9, 1), null, null, null);
        followedUp = person("Suivie", LocalDate.of(2025, 1, 6), LocalDate.of(2025, 12, 1),
                LocalDate.of(2026, 6, 1), null);
        archived = person("Archivée", LocalDate.of(2024, 9, 2), LocalDate.of(2025, 10, 1),
                LocalDate.of(2026, 4, 1), LocalDate.of(2025, 11, 15));
        expired = person("Échue", LocalDate.of(2022, 1, 3), LocalDate.of(2023, 6, 1), null, null);
        archivedNote = new NoteService(store, access).create(COORDINATOR, new NoteDraft(archived,
                LocalDate.of(2025, 11, 15), NoteTheme.EMPLOI, NoteVisibility.EQUIPE_CHANTIER,
                "Dernier suivi : en poste chez un employeur du quartier.")).value().orElseThrow().id();
        ReferralService referrals = new ReferralService(store, access);
        referrals.create(COORDINATOR, new ReferralDraft(ongoing, Partner.CPAM, null, "Droits santé", null))
                .value().orElseThrow();
        archivedReferral = referrals.create(COORDINATOR, new ReferralDraft(archived, Partner.CPAM, null,
                "Droits santé", null)).value().orElseThrow().id();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void anEspAndACipAreRefusedAnArchivedFile() {
        ParticipantFileService files = new ParticipantFileService(store, access);
        for (User user : List.of(ESP, CIP)) {
            assertThatThrownBy(() -> files.load(user, archived)).isInstanceOf(AccessDeniedException.class)
                    .hasMessage(REFUSAL);
            assertThatThrownBy(() -> files.load(user, expired)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("fin de l’accompagnement le 01/06/2023");
            assertThatThrownBy(() -> files.allHours(user, archived)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> new ReferralService(store, access).ofParticipant(user, archived))
                    .isInstanceOf(AccessDeniedException.class).hasMessage(REFUSAL);
            assertThatThrownBy(() -> new PrintCatalogService(store, access).referrals(user, archived))
                    .isInstanceOf(AccessDeniedException.class).hasMessage(REFUSAL);
            assertThatThrownBy(() -> new ReferralFormService(store, access).load(user, archivedReferral))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> new NoteService(store, access).notesOf(user, archived))
                    .isInstanceOf(AccessDeniedException.class).hasMessage(REFUSAL);
            assertThatThrownBy(() -> new NoteService(store, access).note(user, archivedNote))
                    .isInstanceOf(AccessDeniedException.class).hasMessage(REFUSAL);
            // Files in use are read as before.
            assertThat(files.load(user, ongoing).participant().id()).isEqualTo(ongoing);
            assertThat(files.load(user, followedUp).participant().id()).isEqualTo(followedUp);
        }
        // The right of access is the CIP's too, but not for an archived file.
        RightOfAccessService rights = new RightOfAccessService(store, access);
        assertThatThrownBy(() -> rights.export(CIP, archived)).isInstanceOf(AccessDeniedException.class)
                .hasMessage(REFUSAL);
        assertThat(rights.export(CIP, ongoing).file().participant().id()).isEqualTo(ongoing);
    }

    @Test
    void anEspAndACipMayNotWriteToAnArchivedFileWhatTheyMayNotRead() {
        // A file opened before it was archived, or an id kept by a script, must not be written through: every
        // write path asks the same rule as the reads.
        Participant stored = new ParticipantRepository(store).find(archived).orElseThrow();
        Enrolment enrolment = new EnrolmentRepository(store).ofParticipant(archived).get(0);
        LocalDate workedDay = LocalDate.of(2025, 6, 2);
        for (User user : List.of(ESP, CIP)) {
            assertThatThrownBy(() -> new ParticipantService(workstation).update(user, stored))
                    .isInstanceOf(AccessDeniedException.class).hasMessage(REFUSAL);
            assertThatThrownBy(() -> new ParticipantService(workstation).updateEnrolment(user, enrolment))
                    .isInstanceOf(AccessDeniedException.class).hasMessage(REFUSAL);
            assertThatThrownBy(() -> new WeekService(workstation).setMinutes(user, archived, workedDay,
                    HoursKind.TRAVAIL_CHANTIER, 120)).isInstanceOf(AccessDeniedException.class).hasMessage(REFUSAL);
            assertThatThrownBy(() -> new NoteService(store, access).create(user, new NoteDraft(archived,
                    LocalDate.of(2025, 11, 15), NoteTheme.EMPLOI, NoteVisibility.EQUIPE_CHANTIER, "Ajout tardif.")))
                    .isInstanceOf(AccessDeniedException.class).hasMessage(REFUSAL);
        }
        assertThatThrownBy(() -> new ReferralService(store, access).create(CIP, new ReferralDraft(archived,
                Partner.CPAM, null, "Droits santé", null))).isInstanceOf(AccessDeniedException.class)
                .hasMessage(REFUSAL);
        // Coordination keeps writing to it (a correction asked by the person, a late follow-up).
        assertThat(new WeekService(workstation).setMinutes(COORDINATOR, archived, workedDay,
                HoursKind.TRAVAIL_CHANTIER, 120).saved()).isTrue();
        assertThat(new NoteService(store, access).create(COORDINATOR, new NoteDraft(archived,
                LocalDate.of(2025, 11, 15), NoteTheme.EMPLOI, NoteVisibility.EQUIPE_CHANTIER, "Ajout tardif."))
                .value()).isPresent();
        assertThat(new ParticipantService(workstation).update(COORDINATOR, stored).value()).isPresent();
    }

    @Test
    void coordinationReadsArchivedFilesAsBefore() {
        ParticipantFileService files = new ParticipantFileService(store, access);
        for (User user : List.of(COORDINATOR, ADMIN)) {
            assertThat(files.load(user, archived).participant().id()).isEqualTo(archived);
            assertThat(files.load(user, expired).participant().id()).isEqualTo(expired);
            assertThat(new RightOfAccessService(store, access).export(user, archived).file().participant().id())
                    .isEqualTo(archived);
            assertThat(listedBy(user)).containsExactlyInAnyOrder(ongoing, followedUp, archived, expired);
            assertThat(new NoteService(store, access).notesOf(user, archived)).extracting(SupportNote::id)
                    .containsExactly(archivedNote);
            assertThat(referralsListedFor(user)).containsExactlyInAnyOrder(ongoing, archived);
            assertThat(new ReferralFormService(store, access).load(user, archivedReferral)).isNotNull();
        }
    }

    @Test
    void anEspAndACipDoNotSeeArchivedFilesInLists() {
        for (User user : List.of(ESP, CIP)) {
            assertThat(listedBy(user)).containsExactlyInAnyOrder(ongoing, followedUp);
            assertThat(referralsListedFor(user)).containsExactly(ongoing);
            ParticipantService.SearchResult found = new ParticipantService(workstation)
                    .search(user, ServiceFixtures.WORKSITE, ParticipantQuery.all());
            assertThat(found.total()).isEqualTo(2);
            assertThat(found.exited()).isEqualTo(1);
        }
    }

    @Test
    void aPastWeekShowsArchivedPeopleToCoordinationOnly() {
        // The week of 2 June 2025: « Archivée » (until 01/10/2025) and « Suivie » (until 01/12/2025) were enrolled.
        IsoWeek week = IsoWeek.of(LocalDate.of(2025, 6, 2));
        WeekService weeks = new WeekService(workstation);
        for (User user : List.of(ESP, CIP)) {
            assertThat(weeks.load(user, ServiceFixtures.WORKSITE, week).rows()).extracting(r -> r.participant().id())
                    .containsExactlyInAnyOrder(followedUp);
        }
        assertThat(weeks.load(COORDINATOR, ServiceFixtures.WORKSITE, week).rows())
                .extracting(r -> r.participant().id()).containsExactlyInAnyOrder(followedUp, archived);
        AttendanceSheetService sheets = new AttendanceSheetService(store, access);
        assertThat(sheets.load(ESP, ServiceFixtures.WORKSITE, week).rows()).extracting(AttendanceSheet.Row::participantId)
                .containsExactly(followedUp);
        assertThat(sheets.load(COORDINATOR, ServiceFixtures.WORKSITE, week).rows())
                .extracting(AttendanceSheet.Row::participantId).containsExactlyInAnyOrder(followedUp, archived);
    }

    @Test
    void theMonthlyStatementCountsArchivedPeopleButNamesThemToCoordinationOnly() {
        // June 2025: « Archivée » (until 01/10/2025) and « Suivie » (until 01/12/2025) were under contract.
        ReportService reports = new ReportService(store, access);
        MonthlyStatement forCoordination = reports.monthlyStatement(COORDINATOR, ServiceFixtures.WORKSITE,
                YearMonth.of(2025, 6));

        assertThat(forCoordination.rows()).extracting(MonthlyStatement.Row::firstName)
                .contains("Archivée", "Suivie");
        for (User user : List.of(ESP, CIP)) {
            MonthlyStatement statement = reports.monthlyStatement(user, ServiceFixtures.WORKSITE,
                    YearMonth.of(2025, 6));
            assertThat(statement.rows()).extracting(MonthlyStatement.Row::firstName)
                    .doesNotContain("Archivée").contains("Suivie");
            assertThat(statement.rows()).filteredOn(r -> !r.named()).singleElement()
                    .satisfies(r -> assertThat(r.participantId()).isEqualTo(archived));
            assertThat(statement.totals()).isEqualTo(forCoordination.totals());
        }
        User elsewhere = new User("cip2", "cip2", "CIP", Role.CIP, null, Set.of("ailleurs"), true);
        assertThatThrownBy(() -> reports.monthlyStatement(elsewhere, ServiceFixtures.WORKSITE, YearMonth.of(2025, 6)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("pas dans votre périmètre");
    }

    @Test
    void theArchiveFollowsTheShortenedSettingsOfTheLaptop() {
        // Exited on 10/01/2026 without follow-up: archived on 10/04/2026 by default, on 10/02/2026 once the
        // administrator shortens the archive to one month.
        String recent = person("Récente", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 1, 10), null, null);
        assertThat(listedBy(ESP)).containsExactlyInAnyOrder(ongoing, followedUp, recent);
        assertThat(new ParticipantFileService(store, access).load(CIP, recent).participant().id()).isEqualTo(recent);

        new RetentionService(workstation, ServiceFixtures.clock()).changeSettings(ADMIN, new RetentionSettings(1, 24));
        assertThat(listedBy(ESP)).containsExactlyInAnyOrder(ongoing, followedUp);
        assertThatThrownBy(() -> new ParticipantFileService(store, access).load(CIP, recent))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("le 10/01/2026");
        assertThat(listedBy(COORDINATOR)).containsExactlyInAnyOrder(ongoing, followedUp, recent, archived, expired);
    }

    /** The people a role gets from every list of people: the same ones, whichever list. */
    private Set<String> listedBy(User user) {
        List<String> search = new ParticipantService(workstation).search(user, ServiceFixtures.WORKSITE,
                ParticipantQuery.all()).rows().stream().map(ParticipantSummary::participant).map(Participant::id)
                .toList();
        PrintCatalogService print = new PrintCatalogService(store, access);
        List<String> printed = print.participants(user, ServiceFixtures.WORKSITE).stream().map(Participant::id)
                .toList();
        List<String> batch = print.followedParticipants(user, ServiceFixtures.WORKSITE, ServiceFixtures.TODAY, true)
                .stream().map(Participant::id).toList();
        List<String> toRefer = new ReferralService(store, access).participants(user, List.of(ServiceFixtures.WORKSITE))
                .stream().map(Participant::id).toList();
        assertThat(printed).containsExactlyInAnyOrderElementsOf(search);
        assertThat(batch).containsExactlyInAnyOrderElementsOf(search);
        assertThat(toRefer).containsExactlyInAnyOrderElementsOf(search);
        return Set.copyOf(search);
    }

    private List<String> referralsListedFor(User user) {
        return new ReferralService(store, access).list(user, List.of(ServiceFixtures.WORKSITE), ReferralFilter.all())
                .stream().map(ReferralRow::referral).map(r -> r.participantId()).toList();
    }

    private String person(String first, LocalDate entry, LocalDate exit, LocalDate followUpDue,
                          LocalDate followUpDone) {
        String id = UUID.randomUUID().toString();
        Participant p = new Participant(id, ServiceFixtures.WORKSITE, first, "Témoin", LocalDate.of(1980, 1, 1),
                null, null, null, null, null);
        store.write("cip", tx -> {
            new ParticipantRepository(store).save(tx, p);
            String enrolment = UUID.randomUUID().toString();
            new EnrolmentRepository(store).save(tx, new Enrolment(enrolment, id, ServiceFixtures.WORKSITE,
                    Programme.CVG, ContractType.CDDI, entry, null, 26, null, null, null, exit, null, null));
            if (followUpDue != null) {
                new FollowUpRepository(store).save(tx, new FollowUp(UUID.randomUUID().toString(), enrolment, id,
                        6, followUpDue, followUpDone, null), ServiceFixtures.WORKSITE);
            }
            return null;
        });
        return id;
    }
}
