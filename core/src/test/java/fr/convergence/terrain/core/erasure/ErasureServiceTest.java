package fr.convergence.terrain.core.erasure;

import static fr.convergence.terrain.core.store.generated.Tables.ENROLMENT;
import static fr.convergence.terrain.core.store.generated.Tables.OUTBOX;
import static fr.convergence.terrain.core.store.generated.Tables.PARTICIPANT;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_PENDING;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_QUARANTINE;
import static fr.convergence.terrain.core.store.generated.Tables.SYNC_SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.audit.AuditFilter;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.fixtures.ServiceFixtures;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.NoteRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.TableField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An erasure on the laptop: who may, what it removes — the person's rows and every queued copy of them (outbox,
 * numbered queue turned into skips that keep their numbers, quarantine, sent) — and what it leaves: other people.
 */
class ErasureServiceTest {

    private static final String NOTE = "Suivi santé : rendez-vous CMP.";

    @TempDir
    Path dir;
    private TerrainStore store;
    private ErasureService erasure;

    @BeforeEach
    void setUp() {
        store = ServiceFixtures.open(dir);
        ServiceFixtures.install(store);
        erasure = new ErasureService(new Workstation(store));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void onlyACoordinatorOrAnAdministratorOfThePersonsWorksiteErases() {
        String x = person("Zoé");
        for (User user : List.of(RetentionServiceTest.ESP, RetentionServiceTest.CIP)) {
            assertThatThrownBy(() -> erasure.erase(user, x, ErasureReason.DEMANDE))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("coordinateur·rice");
            assertThatThrownBy(() -> erasure.preview(user, x)).isInstanceOf(AccessDeniedException.class);
        }
        User elsewhere = new User("c2", "c2", "Ailleurs", fr.convergence.terrain.core.domain.Role.COORDINATOR,
                "marseille", java.util.Set.of(), true);
        assertThatThrownBy(() -> erasure.erase(elsewhere, x, ErasureReason.DEMANDE))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("périmètre");
        assertThat(bool(sql -> sql.fetchExists(PARTICIPANT, PARTICIPANT.ID.eq(x)))).isTrue();
        assertThat(erasure.preview(RetentionServiceTest.ADMIN, x).rows()).containsEntry("participant", 1)
                .containsEntry("enrolment", 1).containsEntry("hours_entry", 1).containsEntry("support_note", 1)
                .containsEntry("support_note_revision", 1);
    }

    @Test
    void theFileAndEveryQueuedCopyOfItGoOtherPeopleStay() {
        String x = person("Zoé");
        String y = person("Yann");
        // As a sync would: the outbox numbered into the queue, one change refused, one acknowledged.
        store.write("system", tx -> {
            tx.sql().execute("INSERT INTO sync_pending (change_id, table_name, row_id, worksite_id, fields, version,"
                    + " base_cursor, created_at) SELECT change_id, table_name, row_id, worksite_id, fields, version,"
                    + " 0, created_at FROM outbox ORDER BY seq");
            tx.sql().deleteFrom(OUTBOX).execute();
            var first = tx.sql().selectFrom(SYNC_PENDING).where(SYNC_PENDING.ROW_ID.eq(x)).fetchOne();
            tx.sql().execute("INSERT INTO sync_sent SELECT op_number, change_id, table_name, row_id, worksite_id,"
                    + " fields, version, base_cursor, created_at, 1 FROM sync_pending WHERE op_number = "
                    + first.getOpNumber());
            tx.sql().insertInto(SYNC_QUARANTINE).set(SYNC_QUARANTINE.OP_NUMBER, 9_999L)
                    .set(SYNC_QUARANTINE.CHANGE_ID, "q").set(SYNC_QUARANTINE.TABLE_NAME, "hours_entry")
                    .set(SYNC_QUARANTINE.ROW_ID, "gone").set(SYNC_QUARANTINE.WORKSITE_ID, ServiceFixtures.WORKSITE)
                    .set(SYNC_QUARANTINE.FIELDS, "{\"participant_id\":\"" + x + "\",\"minutes\":60}")
                    .set(SYNC_QUARANTINE.VERSION, "v").set(SYNC_QUARANTINE.REASON_CODE, "rule")
                    .set(SYNC_QUARANTINE.REASON, "r").set(SYNC_QUARANTINE.QUARANTINED_AT, 0L).execute();
            return null;
        });
        List<Integer> numbers = list(sql -> sql.select(SYNC_PENDING.OP_NUMBER).from(SYNC_PENDING)
                .orderBy(SYNC_PENDING.OP_NUMBER).fetch(SYNC_PENDING.OP_NUMBER));
        // Edited again since: in the outbox; and the file opened, which the access journal keeps.
        hours(x, 120);
        new AuditJournal(store).record(RetentionServiceTest.CIP, AuditAction.DOSSIER_CONSULTE, ServiceFixtures.WORKSITE,
                x, null);

        var removed = erasure.erase(RetentionServiceTest.COORDINATOR, x, ErasureReason.DEMANDE);

        assertThat(removed.rowsByTable()).containsEntry("participant", 1).containsEntry("hours_entry", 1)
                .containsEntry("support_note_revision", 1);
        // Queued: the person's numbered changes (participant, enrolment, hours, note, revision), the quarantined
        // one, and the outbox's new hours.
        assertThat(removed.operationsDropped()).isEqualTo(7);
        assertThat(removed.sentCopiesRemoved()).isEqualTo(1);
        // Numbers kept (the hub refuses gaps), changes gone.
        assertThat(list(sql -> sql.select(SYNC_PENDING.OP_NUMBER).from(SYNC_PENDING)
                .orderBy(SYNC_PENDING.OP_NUMBER).fetch(SYNC_PENDING.OP_NUMBER))).isEqualTo(numbers);
        assertThat(list(sql -> sql.selectFrom(SYNC_PENDING).where(SYNC_PENDING.TABLE_NAME.eq("-")).fetch()))
                .hasSize(5).allSatisfy(p -> {
                    assertThat(p.getFields()).isEqualTo("{}");
                    assertThat(p.getRowId()).isEmpty();
                });
        assertThat(num(sql -> sql.fetchCount(SYNC_QUARANTINE))).isZero();
        assertThat(num(sql -> sql.fetchCount(SYNC_SENT))).isZero();
        // Left to send: the tombstone, and the journal's entries about the person (append-only, ids only): the
        // file opened before, and the erasure with its reason.
        assertThat(list(sql -> sql.selectFrom(OUTBOX).orderBy(OUTBOX.SEQ).fetch()))
                .extracting(o -> o.getTableName() + " " + (o.getFields().contains("EFFACEMENT") ? "EFFACEMENT"
                        : o.getFields().contains("DOSSIER_CONSULTE") ? "DOSSIER_CONSULTE" : ""))
                .containsExactlyInAnyOrder("audit_event DOSSIER_CONSULTE", "erasure ", "audit_event EFFACEMENT");
        assertThat(new AuditJournal(store).search(RetentionServiceTest.COORDINATOR,
                new AuditFilter(null, x, AuditAction.EFFACEMENT, null, null))).singleElement()
                .satisfies(e -> assertThat(e.event().detail()).isEqualTo(ErasureReason.DEMANDE.label()));
        // Read through jOOQ, which decrypts the queues' fields (ADR 0005): a LIKE in SQL would see ciphertext only.
        for (TableField<?, String> fields : List.of(OUTBOX.FIELDS, SYNC_PENDING.FIELDS, SYNC_QUARANTINE.FIELDS,
                SYNC_SENT.FIELDS)) {
            assertThat(list(sql -> sql.select(fields).from(fields.getTable()).fetch(fields)))
                    .as(fields.getTable().getName()).noneMatch(f -> f.contains(NOTE + " (Zoé)"));
        }
        // Y's rows and queued changes are untouched.
        assertThat(bool(sql -> sql.fetchExists(PARTICIPANT, PARTICIPANT.ID.eq(y)))).isTrue();
        assertThat(num(sql -> sql.fetchCount(ENROLMENT, ENROLMENT.PARTICIPANT_ID.eq(y)))).isEqualTo(1);
        assertThat(num(sql -> sql.fetchCount(SYNC_PENDING, SYNC_PENDING.ROW_ID.eq(y)))).isEqualTo(1);
        assertThat(erasure.erased(x)).contains(ErasureReason.DEMANDE);
        assertThat(erasure.erased(y)).isEmpty();
    }

    private String person(String first) {
        String id = UUID.randomUUID().toString();
        String note = UUID.randomUUID().toString();
        store.write("cip", tx -> {
            new ParticipantRepository(store).save(tx, new Participant(id, ServiceFixtures.WORKSITE, first, "Témoin",
                    LocalDate.of(1980, 1, 1), null, null, null, null, null));
            new EnrolmentRepository(store).save(tx, new Enrolment(UUID.randomUUID().toString(), id,
                    ServiceFixtures.WORKSITE, Programme.CVG, ContractType.CDDI, LocalDate.of(2026, 1, 5), null, 26,
                    null, null, null, null, null, null));
            NoteRepository notes = new NoteRepository(store);
            notes.saveHeader(tx, new SupportNote(note, id, ServiceFixtures.WORKSITE, LocalDate.of(2026, 2, 2),
                    NoteTheme.EMPLOI, NoteVisibility.EQUIPE_CHANTIER, "cip", List.of()));
            notes.addRevision(tx, new SupportNoteRevision(UUID.randomUUID().toString(), note, NOTE + " (" + first + ")", "cip",
                    Instant.parse("2026-02-02T10:00:00Z")), ServiceFixtures.WORKSITE);
            return null;
        });
        hours(id, 240);
        return id;
    }

    private void hours(String participant, int minutes) {
        store.write("esp", tx -> {
            new HoursRepository(store).set(tx, participant, ServiceFixtures.WORKSITE, LocalDate.of(2026, 3, 16),
                    HoursKind.TRAVAIL_CHANTIER, minutes);
            return null;
        });
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
