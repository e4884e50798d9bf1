package fr.convergence.terrain.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.domain.AuditEvent;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.erasure.ArchiveRule;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.report.Report;
import fr.convergence.terrain.core.report.ReportPeriod;
import fr.convergence.terrain.core.report.ReportService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit journal as each service writes it and as each role may read it (issue 14): sign-ins, files opened,
 * exports, account changes; only coordinators (their territory) and administrators read it, filtered and exported.
 */
class AuditJournalTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final PasswordHasher HASHER = new PasswordHasher(1000);

    @TempDir
    Path dir;

    private final MovingClock clock = new MovingClock(TODAY.atTime(9, 0).atZone(PARIS).toInstant());
    private TerrainStore store;
    private String worksite;
    private AuditJournal journal;
    private AuthService auth;
    private User esp;
    private User cip;
    private User coordinator;
    private User admin;

    @BeforeEach
    void demoLaptop() {
        store = TerrainStore.open(dir.resolve("t.db"), clock);
        worksite = new SetupService().installDemo(store, HASHER, 7, TODAY).worksiteIds().get(0);
        journal = new AuditJournal(store);
        auth = new AuthService(store, HASHER);
        UserRepository users = new UserRepository(store);
        esp = users.findByLogin("esp").orElseThrow();
        cip = users.findByLogin("cip").orElseThrow();
        coordinator = users.findByLogin("coordination").orElseThrow();
        admin = users.findByLogin("admin").orElseThrow();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void signInsAndRefusedSignInsAreRecordedWithoutAnythingTypedBySomeoneUnknown() {
        assertThat(auth.signIn("esp", DemoDataGenerator.DEMO_PASSWORD.toCharArray())).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(auth.signIn("esp", "pas-le-bon".toCharArray())).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(auth.signIn("MonMotDePasse2026", "x".toCharArray())).isEmpty();

        List<AuditEvent> events = events(journal.search(coordinator, AuditFilter.all()));

        assertThat(events).extracting(AuditEvent::action, AuditEvent::actorId, AuditEvent::actorName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.CONNEXION_REFUSEE, null, null),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.CONNEXION_REFUSEE, esp.id(), esp.displayName()),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.CONNEXION, esp.id(), esp.displayName()));
        // Where the laptop is: a sign-in is about no participant.
        assertThat(events).allSatisfy(e -> {
            assertThat(e.worksiteId()).isEqualTo(worksite);
            assertThat(e.participantId()).isNull();
        });
        assertThat(events.get(0).detail()).isEqualTo("identifiant inconnu ou compte désactivé");
        // Nothing typed is kept anywhere: not in the journal, not in what sync will send.
        assertThat(storeText()).doesNotContain("MonMotDePasse2026").doesNotContain("pas-le-bon");
    }

    @Test
    void openingAFileIsRecordedWithTheParticipantsWorksiteAndShownWithTheirName() {
        Participant someone = readable().get(0);
        ParticipantFileService files = new ParticipantFileService(store, AccessPolicies.of(store));

        files.load(cip, someone.id());

        List<AuditEntry> entries = journal.search(admin, AuditFilter.all());
        assertThat(entries).hasSize(1);
        AuditEvent opened = entries.get(0).event();
        assertThat(opened.action()).isEqualTo(AuditAction.DOSSIER_CONSULTE);
        assertThat(opened.actorName()).isEqualTo(cip.displayName());
        assertThat(opened.participantId()).isEqualTo(someone.id());
        assertThat(opened.worksiteId()).isEqualTo(someone.worksiteId());
        assertThat(opened.occurredAt()).isEqualTo(clock.instant());
        assertThat(entries.get(0).participantName()).isEqualTo(someone.firstName() + " " + someone.lastName());
        // The entry travels like any synced row: it is in the outbox.
        assertThat(outboxRows("audit_event")).isEqualTo(1);
    }

    @Test
    void entriesOlderThanAYearLeaveTheLaptopAtTheNextSignInWithoutAnythingSentToTheHub() {
        auth.signIn("esp", DemoDataGenerator.DEMO_PASSWORD.toCharArray());
        clock.advance(Duration.ofDays(200));
        auth.signIn("cip", DemoDataGenerator.DEMO_PASSWORD.toCharArray());
        int queued = outboxRows("audit_event");
        clock.advance(Duration.ofDays(170));

        // 370 days after the first sign-in, 170 after the second: only the first is past the year.
        auth.signIn("coordination", DemoDataGenerator.DEMO_PASSWORD.toCharArray());

        assertThat(events(journal.search(coordinator, AuditFilter.all()))).extracting(AuditEvent::actorId)
                .containsExactly(coordinator.id(), cip.id());
        assertThat(outboxRows("audit_event")).as("the deletion is the laptop's only: nothing queued but the new "
                + "sign-in").isEqualTo(queued + 1);
        assertThat(journal.forgetExpired()).as("nothing left to delete").isZero();
    }

    @Test
    void aRoleChangeIsAnAdministratorsJournaledDecisionAndKeepsThePassword() {
        User made = auth.createAccount(admin, "nadia", "Nadia Benali", Role.ESP, null, Set.of(worksite),
                "chantier-lille-2026".toCharArray(), "chantier-lille-2026".toCharArray()).value().orElseThrow();
        String worksiteName = new fr.convergence.terrain.core.store.ReferenceRepository(store).worksite(worksite)
                .orElseThrow().name();

        // Refused: a coordinator widens nobody's reach, an administrator does not change their own role, an ESP
        // needs a worksite, and a change that changes nothing is not one.
        assertThat(auth.changeAccess(coordinator, made.id(), Role.CIP, null, Set.of(worksite)).saved()).isFalse();
        assertThat(auth.changeAccess(admin, admin.id(), Role.ESP, null, Set.of(worksite)).saved()).isFalse();
        assertThat(auth.changeAccess(admin, made.id(), Role.ESP, null, Set.of()).verdict().text())
                .contains("choisissez-le");
        assertThat(auth.changeAccess(admin, made.id(), Role.ESP, null, Set.of(worksite)).saved()).isFalse();
        assertThat(events(journal.search(admin, AuditFilter.all()))).extracting(AuditEvent::action)
                .doesNotContain(AuditAction.COMPTE_MODIFIE);

        var changed = auth.changeAccess(admin, made.id(), Role.CIP, null, Set.of(worksite));

        assertThat(changed.saved()).isTrue();
        User signedIn = auth.signIn("nadia", "chantier-lille-2026".toCharArray()).orElseThrow();
        assertThat(signedIn.role()).isEqualTo(Role.CIP);
        assertThat(signedIn.worksiteIds()).containsExactly(worksite);
        AuditEvent entry = events(journal.search(admin, AuditFilter.all())).stream()
                .filter(e -> e.action() == AuditAction.COMPTE_MODIFIE).findFirst().orElseThrow();
        assertThat(entry.actorId()).isEqualTo(admin.id());
        assertThat(entry.detail()).isEqualTo("compte de Nadia Benali — " + Role.ESP.label() + " (" + worksiteName
                + ") → " + Role.CIP.label() + " (" + worksiteName + ")");
    }

    @Test
    void accountChangesAreRecordedWithTheChangeAndRefusedOnesAreNot() {
        User made = auth.createAccount(coordinator, "nadia", "Nadia Benali", Role.CIP, null, Set.of(worksite),
                "chantier-lille-2026".toCharArray(), "chantier-lille-2026".toCharArray()).value().orElseThrow();
        auth.resetPassword(coordinator, made.id(), "autre-phrase-2026".toCharArray(),
                "autre-phrase-2026".toCharArray());
        auth.setActive(coordinator, made.id(), false);
        auth.setActive(coordinator, made.id(), true);
        // Refused: a coordinator makes no administrator, and nobody deactivates their own account.
        auth.createAccount(coordinator, "chef", "Chef", Role.ADMIN, null, Set.of(), "chantier-lille-2026".toCharArray(),
                "chantier-lille-2026".toCharArray());
        auth.setActive(coordinator, coordinator.id(), false);

        List<AuditEvent> events = events(journal.search(admin, AuditFilter.all()));

        assertThat(events).extracting(AuditEvent::action).containsExactlyInAnyOrder(AuditAction.COMPTE_CREE,
                AuditAction.MOT_DE_PASSE_REINITIALISE, AuditAction.COMPTE_DESACTIVE, AuditAction.COMPTE_REACTIVE);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.actorId()).isEqualTo(coordinator.id());
            assertThat(e.actorName()).isEqualTo(coordinator.displayName());
            assertThat(e.detail()).isEqualTo("compte de Nadia Benali — " + Role.CIP.label());
        });
        assertThat(storeText()).doesNotContain("chantier-lille-2026").doesNotContain("autre-phrase-2026");
    }

    @Test
    void onlyCoordinatorsOfTheTerritoryAndAdministratorsReadTheJournal() {
        auth.signIn("cip", DemoDataGenerator.DEMO_PASSWORD.toCharArray());

        for (User refused : List.of(esp, cip)) {
            assertThatThrownBy(() -> journal.search(refused, AuditFilter.all()))
                    .isInstanceOf(AuditAccessDeniedException.class).hasMessageContaining("réservé");
            assertThatThrownBy(() -> journal.people(refused)).isInstanceOf(AuditAccessDeniedException.class);
            assertThatThrownBy(() -> journal.exportCsv(refused, AuditFilter.all(), dir.resolve("j.csv")))
                    .isInstanceOf(AuditAccessDeniedException.class);
            assertThat(AuditJournal.canRead(refused)).isFalse();
        }
        assertThat(dir.resolve("j.csv")).doesNotExist();
        User otherTerritory = new User("o", "o", "Autre", Role.COORDINATOR, "marseille", Set.of(), true);
        User inactive = new User(coordinator.id(), coordinator.login(), coordinator.displayName(), Role.COORDINATOR,
                coordinator.territoryId(), coordinator.worksiteIds(), false);

        assertThat(journal.search(coordinator, AuditFilter.all())).hasSize(1);
        assertThat(journal.search(admin, AuditFilter.all())).hasSize(1);
        assertThat(journal.search(otherTerritory, AuditFilter.all())).isEmpty();
        assertThatThrownBy(() -> journal.search(inactive, AuditFilter.all()))
                .isInstanceOf(AuditAccessDeniedException.class);
    }

    @Test
    void theJournalFiltersByPersonParticipantActionAndPeriod() {
        List<Participant> people = readable();
        ParticipantFileService files = new ParticipantFileService(store, AccessPolicies.of(store));
        auth.signIn("cip", DemoDataGenerator.DEMO_PASSWORD.toCharArray());
        files.load(cip, people.get(0).id());
        clock.advance(Duration.ofDays(2));
        files.load(esp, people.get(1).id());
        files.load(cip, people.get(1).id());

        assertThat(journal.search(coordinator, new AuditFilter(cip.displayName(), null, null, null, null)))
                .hasSize(3);
        assertThat(journal.search(coordinator, new AuditFilter(null, people.get(1).id(), null, null, null)))
                .extracting(e -> e.event().actorName()).containsExactlyInAnyOrder(cip.displayName(), esp.displayName());
        assertThat(journal.search(coordinator, new AuditFilter(null, null, AuditAction.CONNEXION, null, null)))
                .hasSize(1);
        assertThat(journal.search(coordinator, new AuditFilter(null, null, null, TODAY, TODAY))).hasSize(2);
        assertThat(journal.search(coordinator, new AuditFilter(null, null, null, TODAY.plusDays(1), null)))
                .hasSize(2);
        assertThat(journal.search(coordinator, new AuditFilter(cip.displayName(), people.get(1).id(),
                AuditAction.DOSSIER_CONSULTE, TODAY.plusDays(2), TODAY.plusDays(2)))).hasSize(1);
        assertThat(journal.people(coordinator)).containsExactly(esp.displayName(), cip.displayName());
    }

    @Test
    void theExportIsCsvForFrenchExcelAndIsItselfRecorded() throws Exception {
        Participant someone = readable().get(0);
        new ParticipantFileService(store, AccessPolicies.of(store)).load(cip, someone.id());
        Path file = dir.resolve("journal.csv");

        int written = journal.exportCsv(coordinator, AuditFilter.all(), file);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(written).isEqualTo(1);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).containsExactly(
                "Date;Personne;Action;Salarié·e;Détail;Chantier",
                "18/03/2026 09:00:00;" + cip.displayName() + ";Dossier consulté;" + someone.firstName() + " "
                        + someone.lastName() + ";;" + worksiteName());
        List<AuditEvent> events = events(journal.search(coordinator, AuditFilter.all()));
        assertThat(events.get(0).action()).isEqualTo(AuditAction.EXPORT);
        assertThat(events.get(0).actorName()).isEqualTo(coordinator.displayName());
        assertThat(events.get(0).detail()).isEqualTo("journal d’accès (1 entrée)");
    }

    @Test
    void aReportExportIsRecordedForItsWorksite() throws Exception {
        ReportService reports = new ReportService(store, AccessPolicies.of(store));
        var scope = reports.scopes(cip).stream().filter(s -> s.id().equals(worksite)).findFirst().orElseThrow();
        Report report = reports.compute(cip, scope, ReportPeriod.month(java.time.YearMonth.from(TODAY)));

        reports.exportCsv(cip, report, dir.resolve("rapport.csv"));

        AuditEvent exported = journal.search(admin, AuditFilter.all()).get(0).event();
        assertThat(exported.action()).isEqualTo(AuditAction.EXPORT);
        assertThat(exported.worksiteId()).isEqualTo(worksite);
        assertThat(exported.actorId()).isEqualTo(cip.id());
        assertThat(exported.detail()).startsWith("rapport d’activité (CSV), Chantier : ");
    }

    @Test
    void theJournalKeyForTheLaptopsWorksiteIsTheWorkstations() {
        assertThat(AuditJournal.LAPTOP_WORKSITE_KEY)
                .isEqualTo(fr.convergence.terrain.core.account.Workstation.WORKSITE_META_KEY);
    }

    private String worksiteName() {
        return new fr.convergence.terrain.core.store.ReferenceRepository(store).worksite(worksite).orElseThrow().name();
    }

    private static List<AuditEvent> events(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::event).toList();
    }

    private int outboxRows(String table) {
        return store.read(sql -> sql.fetchCount(DSL.table("outbox"), DSL.field("table_name").eq(table)));
    }

    /** Every text of the journal and of the outbox, to search for what must never be kept. */
    /** The people of the worksite whose file an ESP or a CIP reads today: not archived (issue 14). */
    private List<Participant> readable() {
        Set<String> archived = new ArchiveRule(store).hiddenFrom(esp, List.of(worksite));
        return new ParticipantRepository(store).ofWorksite(worksite).stream()
                .filter(p -> !archived.contains(p.id())).toList();
    }

    private String storeText() {
        return store.read(sql -> sql.fetch("select * from audit_event").formatCSV()
                + sql.fetch("select * from outbox").formatCSV());
    }

    /** A clock the test moves forward. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return PARIS;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
