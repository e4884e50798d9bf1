package fr.convergence.terrain.core.erasure;

import static fr.convergence.terrain.core.store.generated.Tables.ERASURE;
import static fr.convergence.terrain.core.store.generated.Tables.OUTBOX;
import static fr.convergence.terrain.core.store.generated.Tables.PARTICIPANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.erasure.RetentionService.FileRetention;
import fr.convergence.terrain.core.erasure.RetentionService.Stage;
import fr.convergence.terrain.core.fixtures.ServiceFixtures;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.FollowUpRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention on hand-made files, on days chosen around their limits (the clock is the fixtures' fixed one). */
class RetentionServiceTest {

    static final User ADMIN = new User("admin", "admin", "Administration", Role.ADMIN, null, Set.of(), true);
    static final User COORDINATOR = new User("coord", "coord", "Coordination", Role.COORDINATOR, "lille",
            Set.of(ServiceFixtures.WORKSITE), true);
    static final User CIP = new User("cip", "cip", "CIP", Role.CIP, null, Set.of(ServiceFixtures.WORKSITE), true);
    static final User ESP = new User("esp", "esp", "ESP", Role.ESP, null, Set.of(ServiceFixtures.WORKSITE), true);

    @TempDir
    Path dir;
    private TerrainStore store;
    private RetentionService retention;
    private String ongoing;
    private String followedUp;
    private String archived;
    private String expired;
    private String neverEnrolled;

    @BeforeEach
    void setUp() {
        store = ServiceFixtures.open(dir);
        ServiceFixtures.install(store);
        retention = new RetentionService(new Workstation(store), ServiceFixtures.clock());
        ongoing = person("Encore", LocalDate.of(2025, 9, 1), null, null, null);
        // Exited, but a follow-up is still to come: in active use.
        followedUp = person("Suivie", LocalDate.of(2025, 1, 6), LocalDate.of(2025, 12, 1),
                LocalDate.of(2026, 6, 1), null);
        // Support over on 15/11/2025 (the follow-up done then): archived 3 months later, erased 24 months later.
        archived = person("Archivée", LocalDate.of(2024, 9, 2), LocalDate.of(2025, 10, 1),
                LocalDate.of(2026, 4, 1), LocalDate.of(2025, 11, 15));
        expired = person("Échue", LocalDate.of(2022, 1, 3), LocalDate.of(2023, 6, 1), null, null);
        neverEnrolled = person("Sans parcours", null, null, null, null);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void eachFileIsActiveArchivedOrDueOnTheDayAsked() {
        LocalDate today = retention.today();
        assertThat(today).isEqualTo(ServiceFixtures.TODAY);
        assertThat(stages(today)).containsExactlyInAnyOrderEntriesOf(Map.of(ongoing, Stage.ACTIVE,
                followedUp, Stage.ACTIVE, archived, Stage.ARCHIVED, expired, Stage.DUE_FOR_ERASURE,
                neverEnrolled, Stage.ACTIVE));
        FileRetention file = retention.review(COORDINATOR, today).stream()
                .filter(f -> f.participantId().equals(archived)).findFirst().orElseThrow();
        assertThat(file.supportEnded()).isEqualTo(LocalDate.of(2025, 11, 15));
        assertThat(file.archiveOn()).isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(file.eraseOn()).isEqualTo(LocalDate.of(2027, 11, 15));
        // The limits: the day before is not yet, the day itself is.
        assertThat(stages(LocalDate.of(2026, 2, 14)).get(archived)).isEqualTo(Stage.ACTIVE);
        assertThat(stages(LocalDate.of(2026, 2, 15)).get(archived)).isEqualTo(Stage.ARCHIVED);
        assertThat(stages(LocalDate.of(2027, 11, 14)).get(archived)).isEqualTo(Stage.ARCHIVED);
        assertThat(stages(LocalDate.of(2027, 11, 15)).get(archived)).isEqualTo(Stage.DUE_FOR_ERASURE);
        // The follow-up after the exit keeps the file in use until it is due.
        assertThat(stages(LocalDate.of(2026, 5, 31)).get(followedUp)).isEqualTo(Stage.ACTIVE);
        assertThat(stages(LocalDate.of(2026, 9, 1)).get(followedUp)).isEqualTo(Stage.ARCHIVED);
        // An open enrolment and a person never enrolled are never archived nor erased by retention.
        assertThat(stages(LocalDate.of(2040, 1, 1))).containsEntry(ongoing, Stage.ACTIVE)
                .containsEntry(neverEnrolled, Stage.ACTIVE);
        assertThat(retention.dueForErasure(COORDINATOR, today)).extracting(FileRetention::participantId)
                .containsExactly(expired);
    }

    @Test
    void anAdministratorShortensTheDurationsButNeverLengthensThem() {
        assertThat(retention.settings()).isEqualTo(RetentionSettings.DEFAULTS);
        assertThat(retention.changeSettings(ADMIN, new RetentionSettings(1, 4)).isRefused()).isFalse();
        assertThat(retention.settings()).isEqualTo(new RetentionSettings(1, 4));
        assertThat(retention.dueForErasure(COORDINATOR, retention.today())).extracting(FileRetention::participantId)
                .containsExactlyInAnyOrder(expired, archived);

        var longer = retention.changeSettings(ADMIN, new RetentionSettings(3, 25));
        assertThat(longer.isRefused()).isTrue();
        assertThat(longer.text()).contains("pas allongée");
        assertThat(retention.changeSettings(ADMIN, new RetentionSettings(4, 24)).isRefused()).isTrue();
        assertThat(retention.changeSettings(ADMIN, new RetentionSettings(6, 2)).isRefused()).isTrue();
        assertThat(retention.settings()).isEqualTo(new RetentionSettings(1, 4));
        assertThatThrownBy(() -> retention.changeSettings(COORDINATOR, new RetentionSettings(0, 1)))
                .isInstanceOf(AccessDeniedException.class);
        // A value written past the ceiling by other means is read as the ceiling.
        store.putMeta(RetentionService.ERASE_KEY, "120");
        assertThat(retention.settings()).isEqualTo(RetentionSettings.MAXIMUM);
    }

    @Test
    void filesDueAreErasedAsOnRequestWithTheRetentionReason() {
        assertThat(retention.eraseDue(COORDINATOR, retention.today())).isEqualTo(1);

        assertThat(bool(sql -> sql.fetchExists(PARTICIPANT, PARTICIPANT.ID.eq(expired)))).isFalse();
        assertThat(list(sql -> sql.selectFrom(ERASURE).fetch())).singleElement().satisfies(t -> {
            assertThat(t.getId()).isEqualTo(expired);
            assertThat(t.getReason()).isEqualTo(ErasureReason.CONSERVATION.name());
            assertThat(t.getWorksiteId()).isEqualTo(ServiceFixtures.WORKSITE);
        });
        // The tombstone waits in the outbox; nothing else about the person does but the journal's entry of the
        // erasure, which names them by id with the reason.
        assertThat(list(sql -> sql.selectFrom(OUTBOX).where(OUTBOX.ROW_ID.eq(expired)).fetch()))
                .singleElement().satisfies(o -> assertThat(o.getTableName()).isEqualTo("erasure"));
        // (Filtered here, not in SQL: the queue's fields are encrypted in the store, ADR 0005.)
        assertThat(list(sql -> sql.selectFrom(OUTBOX).fetch()).stream()
                .filter(o -> o.getFields().contains(expired)).toList())
                .singleElement().satisfies(o -> {
                    assertThat(o.getTableName()).isEqualTo("audit_event");
                    assertThat(o.getFields()).contains("EFFACEMENT", ErasureReason.CONSERVATION.label());
                });
        assertThat(stages(retention.today())).containsOnlyKeys(ongoing, followedUp, archived, neverEnrolled);
        assertThat(new ErasureService(new Workstation(store)).erased(expired)).contains(ErasureReason.CONSERVATION);
        assertThat(retention.eraseDue(COORDINATOR, retention.today())).isZero();
    }

    @Test
    void onlyCoordinationSeesRetentionAndErasesFilesDue() {
        for (User user : new User[] {CIP, ESP}) {
            assertThatThrownBy(() -> retention.review(user, retention.today()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> retention.eraseDue(user, retention.today()))
                    .isInstanceOf(AccessDeniedException.class);
        }
        // A coordinator of another territory sees none of this worksite's files.
        User elsewhere = new User("c2", "c2", "Ailleurs", Role.COORDINATOR, "marseille", Set.of(), true);
        assertThat(retention.review(elsewhere, retention.today())).isEmpty();
        assertThat(retention.eraseDue(elsewhere, retention.today())).isZero();
        assertThat(bool(sql -> sql.fetchExists(PARTICIPANT, PARTICIPANT.ID.eq(expired)))).isTrue();
    }

    private Map<String, Stage> stages(LocalDate day) {
        return retention.review(ADMIN, day).stream()
                .collect(Collectors.toMap(FileRetention::participantId, FileRetention::stage));
    }

    /** A person with (if {@code entry}) one CDDI enrolment, its exit, and a follow-up due (and done) then. */
    private String person(String first, LocalDate entry, LocalDate exit, LocalDate followUpDue,
                          LocalDate followUpDone) {
        String id = UUID.randomUUID().toString();
        Participant p = new Participant(id, ServiceFixtures.WORKSITE, first, "Témoin", LocalDate.of(1980, 1, 1),
                null, null, null, null, null);
        store.write("cip", tx -> {
            new ParticipantRepository(store).save(tx, p);
            if (entry != null) {
                String enrolment = UUID.randomUUID().toString();
                new EnrolmentRepository(store).save(tx, new Enrolment(enrolment, id, ServiceFixtures.WORKSITE,
                        Programme.CVG, ContractType.CDDI, entry, null, 26, null, null, null, exit, null, null));
                if (followUpDue != null) {
                    new FollowUpRepository(store).save(tx, new FollowUp(UUID.randomUUID().toString(), enrolment, id,
                            6, followUpDue, followUpDone, null), ServiceFixtures.WORKSITE);
                }
            }
            return null;
        });
        return id;
    }

    private boolean bool(java.util.function.Function<org.jooq.DSLContext, Boolean> query) {
        return store.read(query);
    }

    private int num(java.util.function.Function<org.jooq.DSLContext, Integer> query) {
        return store.read(query);
    }

    private <R> List<R> list(java.util.function.Function<org.jooq.DSLContext, List<R>> query) {
        return store.read(query);
    }
}
