package fr.convergence.terrain.sync.it;

import static fr.convergence.terrain.sync.it.SyncWorld.SITE_A;
import static fr.convergence.terrain.sync.it.SyncWorld.SITE_B;
import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.it.HubAttacks.Answer;
import fr.convergence.terrain.sync.it.HubAttacks.Exchanger;
import fr.convergence.terrain.sync.it.HubAttacks.Family;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import fr.convergence.terrain.sync.protocol.ColumnCodec;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.Rejection;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hub security suite, scope (issue 12): a device of worksite A tries to read, create, update, move and delete rows
 * of worksite B, for every table of the protocol ({@link SyncSchema#tables()}: a new table is attacked without
 * touching this test), directly and through references and parents. Every attempt must be refused per operation,
 * no answer may carry any id or value of B (each answer is searched as text and as decoded rows), and B's data on
 * the hub — rows, per-field meta, sequences, exits — must be exactly what it was.
 */
abstract class CrossWorksiteAttackTest {

    @TempDir
    Path dir;
    SyncWorld world;
    Exchanger http;
    HttpHubClient client;
    EnrolResponse attacker;
    Family a;
    Family b;
    long next = 1;

    abstract SyncWorld world(Path dir);

    /** An attempt: the operation, and the refusal codes that are acceptable for it (empty: see {@code note}). */
    record Attempt(String what, Operation op, Set<String> codes) {
    }

    @BeforeEach
    void seedTwoWorksites() throws Exception {
        world = world(dir);
        http = new Exchanger(world.url());
        client = new HttpHubClient(world.url(), null, Duration.ofSeconds(30));
        EnrolResponse ownerA = world.enrolDevice(client, "worksite", SITE_A);
        EnrolResponse ownerB = world.enrolDevice(client, "worksite", SITE_B);
        a = HubAttacks.seed(http, ownerA, SITE_A, 1);
        b = HubAttacks.seed(http, ownerB, SITE_B, 1);
        // A conflict record of B, as the hub writes it: a second laptop of B edits B's participant concurrently.
        EnrolResponse otherB = world.enrolDevice(client, "worksite", SITE_B);
        Answer conflict = http.exchange(otherB.token(), RawOps.request(otherB.deviceId(), 0, List.of(
                new Operation(1, "participant", b.id("participant"), SITE_B,
                        Map.of("phone", HubAttacks.MARK + b.tag() + "-phone-2"), HubAttacks.version("b2"), 0))));
        assertThat(conflict.response().conflictsRecorded()).isEqualTo(1);
        HubRow record = world.hubStore.read(r -> r.rowsAfter(Set.of(SITE_B), 0, Integer.MAX_VALUE)).stream()
                .filter(r -> r.table().equals(SyncSchema.CONFLICT_TABLE)).findFirst().orElseThrow();
        b.ids().put(SyncSchema.CONFLICT_TABLE, record.id());
        b.fields().put(SyncSchema.CONFLICT_TABLE, new HashMap<>(Map.of("row_id", b.id("participant"))));
        attacker = world.enrolDevice(client, "worksite", SITE_A);
    }

    @AfterEach
    void close() {
        if (world != null) {
            world.close(); // null when the PostgreSQL half was skipped outside CI
        }
    }

    /** Every attempt, generated from the schema. */
    List<Attempt> attempts() {
        String tag = "atk" + UUID.randomUUID().toString().substring(0, 6);
        // Out of scope; a row of another worksite may also be answered as unknown (missing-parent, the same answer
        // whether it exists or not: issue 12, finding 6).
        Set<String> forbidden = Set.of(Rejection.FORBIDDEN, Rejection.MISSING_PARENT);
        // A reference to another worksite's row: refused as out of scope, or as unknown (which tells even less).
        Set<String> outside = Set.of(Rejection.FORBIDDEN, Rejection.MISSING_PARENT);
        Set<String> anyRefusal = Set.of(Rejection.FORBIDDEN, Rejection.MISSING_PARENT, Rejection.RULE,
                Rejection.MALFORMED);
        List<Attempt> attempts = new ArrayList<>();
        for (SyncSchema.Table table : SyncSchema.tables()) {
            String t = table.name();
            boolean conflictTable = t.equals(SyncSchema.CONFLICT_TABLE);
            // Create in B: a whole valid row of B, its parents B's.
            Map<String, Object> inB = HubAttacks.validRow(table, SITE_B, tag, b.ids());
            attempts.add(new Attempt("create " + t + " in B", op(t, HubAttacks.newId(table, inB), SITE_B, inB),
                    forbidden));
            // Create in A with B's row id: an update of B's row in disguise.
            if (!conflictTable) {
                Map<String, Object> inA = HubAttacks.validRow(table, SITE_A, tag, a.ids());
                attempts.add(new Attempt("create " + t + " in A under B's row id", op(t, b.id(t), SITE_A, inA),
                        forbidden));
            }
            // Create in A through a reference to B's row, each reference in turn (the other ones A's).
            for (SyncSchema.Field ref : table.references()) {
                Map<String, Object> viaRef = HubAttacks.validRow(table, SITE_A, tag, a.ids());
                viaRef.put(ref.name(), b.id(ref.parent()));
                attempts.add(new Attempt("create " + t + " in A whose " + ref.name() + " is B's",
                        op(t, HubAttacks.newId(table, viaRef), SITE_A, viaRef), outside));
                attempts.add(new Attempt("re-attach A's " + t + " to B's " + ref.parent(),
                        op(t, a.id(t) == null ? UUID.randomUUID().toString() : a.id(t), SITE_A,
                                Map.of(ref.name(), b.id(ref.parent()))), anyRefusal));
            }
            // Update B's row: a data field (neither reference nor worksite), as the laptop would send it.
            SyncSchema.Field data = table.fields().stream()
                    .filter(f -> f.parent() == null && !f.name().equals(SyncSchema.WORKSITE_ID)).findFirst()
                    .orElseThrow();
            Object value = HubAttacks.validRow(table, SITE_A, tag, a.ids()).get(data.name());
            Map<String, Object> update = new HashMap<>();
            update.put(data.name(), data.type() == SyncSchema.Type.TEXT ? value + "-changed" : value);
            attempts.add(new Attempt("update B's " + t + "." + data.name(), op(t, b.id(t), SITE_A, update),
                    forbidden));
            attempts.add(new Attempt("update B's " + t + " claiming B", op(t, b.id(t), SITE_B, update), forbidden));
            if (conflictTable) {
                attempts.add(new Attempt("resolve B's conflict", op(t, b.id(t), SITE_A,
                        Map.of("resolved", true, "resolution", "kept")), forbidden));
            }
            attempts.add(new Attempt("delete B's " + t, op(t, b.id(t), SITE_A, Map.of(SyncSchema.DELETED, true)),
                    forbidden));
            attempts.add(new Attempt("undelete B's " + t, op(t, b.id(t), SITE_A, Map.of(SyncSchema.DELETED, false)),
                    forbidden));
            attempts.add(new Attempt("move B's " + t + " into A", op(t, b.id(t), SITE_A,
                    Map.of(SyncSchema.WORKSITE_ID, SITE_A)), forbidden));
            if (!conflictTable) {
                // Move A's row into B. A participant is refused; a child row follows its participant on the hub
                // (its worksite is the hub's, sent back to the laptop): refused or not, it must stay in A.
                attempts.add(new Attempt("move A's " + t + " into B", op(t, a.id(t), SITE_B,
                        Map.of(SyncSchema.WORKSITE_ID, SITE_B)), t.equals("participant") ? forbidden : Set.of()));
            }
        }
        return attempts;
    }

    Operation op(String table, String rowId, String worksite, Map<String, Object> fields) {
        return new Operation(next++, table, rowId, worksite, new LinkedHashMap<>(fields),
                HubAttacks.version(attacker.deviceId()), 0);
    }

    @Test
    void everyAttemptOnAnotherWorksiteIsRefusedLeaksNothingAndChangesNothing() throws Exception {
        Map<String, String> beforeB = HubAttacks.checksum(world.hubStore, Set.of(SITE_B));
        Map<String, String> beforeOthers = HubAttacks.checksum(world.hubStore, HubAttacks.worksitesBut(SITE_A));
        List<Attempt> attempts = attempts();
        assertThat(attempts).hasSizeGreaterThan(8 * SyncSchema.tables().size());
        SoftAssertions soft = new SoftAssertions();
        for (Attempt attempt : attempts) {
            long n = attempt.op().number();
            SyncRequest request = new SyncRequest(SyncCodec.PROTOCOL, attacker.deviceId(), null, 0, n - 1,
                    List.of(attempt.op()), false, null);
            byte[] body = SyncCodec.encode(request);
            Answer answer = http.exchange(attacker.token(), body);
            soft.assertThat(answer.status()).as(attempt.what()).isEqualTo(200);
            if (answer.response() == null) {
                continue;
            }
            soft.assertThat(answer.response().acknowledged()).as(attempt.what() + ": acknowledged").isEqualTo(n);
            List<String> codes = answer.response().rejections().stream().filter(r -> r.number() == n)
                    .map(Rejection::code).toList();
            if (attempt.codes().isEmpty()) {
                HubRow row = world.hubStore.read(r -> r.row(attempt.op().table(), attempt.op().rowId())).orElseThrow();
                soft.assertThat(row.worksiteId()).as(attempt.what() + ": stays in A").isEqualTo(SITE_A);
            } else {
                soft.assertThat(codes).as(attempt.what() + ": refused").hasSize(1);
                soft.assertThat(attempt.codes()).as(attempt.what() + ": code " + codes).containsAll(codes);
            }
            soft.assertThat(HubAttacks.leaked(answer, body, b)).as(attempt.what() + ": B's data in the answer")
                    .isEmpty();
        }
        soft.assertThat(HubAttacks.checksum(world.hubStore, Set.of(SITE_B)))
                .as("B's data on the hub (row → checksum of data, meta and sequences)").isEqualTo(beforeB);
        soft.assertThat(HubAttacks.checksum(world.hubStore, HubAttacks.worksitesBut(SITE_A)))
                .as("every other worksite's data on the hub").isEqualTo(beforeOthers);
        soft.assertAll();
    }

    @Test
    void noPullOfADeviceOfAEverCarriesAnythingOfB() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (String encoding : Arrays.asList(null, ColumnCodec.COLUMNS_1, ColumnCodec.COLUMNS_2,
                ColumnCodec.COLUMNS_3, "columns/99")) {
            for (boolean rebuilding : List.of(false, true)) {
                long cursor = 0;
                for (int page = 0; page < 50; page++) {
                    SyncRequest request = new SyncRequest(SyncCodec.PROTOCOL, attacker.deviceId(), null, cursor, 0,
                            List.of(), false, 1, rebuilding, encoding, 0L);
                    byte[] body = SyncCodec.encode(request);
                    Answer answer = http.exchange(attacker.token(), body);
                    soft.assertThat(answer.status()).isEqualTo(200);
                    if (answer.response() == null) {
                        break;
                    }
                    soft.assertThat(HubAttacks.leaked(answer, body, b)).as(encoding + " page " + page).isEmpty();
                    cursor = answer.response().cursor();
                    if (!answer.response().more()) {
                        break;
                    }
                }
            }
        }
        soft.assertAll();
    }

    /**
     * Conflict records are the hub's (they name both sides of a merge): a device resolves one (fields
     * {@code resolved}, {@code resolution}, as {@code SyncRepository.resolve} sends them), but never creates one nor
     * rewrites what it says, even in its own worksite — else a device could forge "your value was kept, theirs
     * was X, written by device Y" records. Not one of issue 12's findings: the behaviour the brief asked to check.
     */
    @Test
    void aDeviceResolvesConflictRecordsButNeverWritesOne() throws Exception {
        // A conflict record in A, as the hub writes it.
        EnrolResponse otherA = world.enrolDevice(client, "worksite", SITE_A);
        http.exchange(otherA.token(), RawOps.request(otherA.deviceId(), 0, List.of(new Operation(1, "participant",
                a.id("participant"), SITE_A, Map.of("phone", "06 99 99 99 99"), HubAttacks.version("a2"), 0))));
        HubRow record = world.hubStore.read(r -> r.rowsAfter(Set.of(SITE_A), 0, Integer.MAX_VALUE)).stream()
                .filter(r -> r.table().equals(SyncSchema.CONFLICT_TABLE)).findFirst().orElseThrow();
        SyncSchema.Table conflicts = SyncSchema.table(SyncSchema.CONFLICT_TABLE).orElseThrow();
        Map<String, Object> forged = HubAttacks.validRow(conflicts, SITE_A, "forged", a.ids());
        forged.put("row_id", a.id("participant"));
        forged.put("other_device", otherA.deviceId());
        Answer created = http.exchange(attacker.token(), RawOps.request(attacker.deviceId(), 0, List.of(
                new Operation(1, SyncSchema.CONFLICT_TABLE, UUID.randomUUID().toString(), SITE_A, forged,
                        HubAttacks.version(attacker.deviceId()), 0),
                new Operation(2, SyncSchema.CONFLICT_TABLE, record.id(), SITE_A,
                        Map.of("kept_value", "forged", "other_device", attacker.deviceId()),
                        HubAttacks.version(attacker.deviceId()), 0),
                new Operation(3, SyncSchema.CONFLICT_TABLE, record.id(), SITE_A,
                        Map.of("resolved", true, "resolution", "kept"), HubAttacks.version(attacker.deviceId()), 0))));
        assertThat(created.response().rejections()).extracting(Rejection::number).as(created.body())
                .containsExactly(1L, 2L);
        HubRow after = world.hubStore.read(r -> r.row(SyncSchema.CONFLICT_TABLE, record.id())).orElseThrow();
        assertThat(after.data().get("resolved")).isEqualTo(true);
        assertThat(after.data().get("kept_value")).isEqualTo(record.data().get("kept_value"));
    }

    /**
     * Issue 12, finding 1: a follow-up whose enrolment is X's and whose participant is Y's (both of A) must be
     * refused — references between rows agree. Generated: every table with more than one reference.
     */
    @Test
    void theReferencesOfARowBelongToOneParticipant() throws Exception {
        EnrolResponse ownerA = world.enrolDevice(client, "worksite", SITE_A);
        Family other = HubAttacks.seed(http, ownerA, SITE_A, 1);
        long n = 1;
        SoftAssertions soft = new SoftAssertions();
        for (SyncSchema.Table table : HubAttacks.deviceTables()) {
            if (table.references().size() < 2) {
                continue;
            }
            for (SyncSchema.Field ref : table.references()) {
                Map<String, Object> fields = HubAttacks.validRow(table, SITE_A, "mix", a.ids());
                fields.put(ref.name(), other.id(ref.parent()));
                Operation op = new Operation(n, table.name(), HubAttacks.newId(table, fields), SITE_A, fields,
                        HubAttacks.version(attacker.deviceId()), 0);
                Answer answer = http.exchange(attacker.token(), RawOps.request(attacker.deviceId(), 0, List.of(op)));
                long number = n;
                soft.assertThat(answer.response().rejections()).as(table.name() + "." + ref.name()
                        + " of another participant").anySatisfy(r -> assertThat(r.number()).isEqualTo(number));
                n++;
            }
        }
        soft.assertAll();
    }

    /**
     * Issue 12, finding 1, as reproduced: A's follow-up points at participant Y, Y is moved to B by a coordinator
     * and edited there; a device of A must then receive nothing of Y as a parent, and a new laptop of A must sync
     * exactly its scope.
     */
    @Test
    void aParentMovedToAnotherWorksiteIsNeverSentAsAParent() throws Exception {
        EnrolResponse ownerA = world.enrolDevice(client, "worksite", SITE_A);
        Family y = HubAttacks.seed(http, ownerA, SITE_A, 1);
        Map<String, Object> fields = HubAttacks.validRow(SyncSchema.table("follow_up").orElseThrow(), SITE_A, "mix",
                a.ids());
        fields.put("participant_id", y.id("participant"));
        http.exchange(attacker.token(), RawOps.request(attacker.deviceId(), 0, List.of(new Operation(1, "follow_up",
                UUID.randomUUID().toString(), SITE_A, fields, HubAttacks.version(attacker.deviceId()), 0))));
        EnrolResponse coordinator = world.enrolDevice(client, "territory", SyncWorld.TERRITORY);
        Answer moved = http.exchange(coordinator.token(), RawOps.request(coordinator.deviceId(), 0, List.of(
                new Operation(1, "participant", y.id("participant"), SITE_B, Map.of(SyncSchema.WORKSITE_ID, SITE_B),
                        HubAttacks.version(coordinator.deviceId()), 0))));
        assertThat(moved.response().rejections()).isEmpty();
        EnrolResponse deviceB = world.enrolDevice(client, "worksite", SITE_B);
        String phoneOfB = HubAttacks.MARK + "moved-phone-" + UUID.randomUUID();
        http.exchange(deviceB.token(), RawOps.request(deviceB.deviceId(), 0, List.of(new Operation(1, "participant",
                y.id("participant"), SITE_B, Map.of("phone", phoneOfB), HubAttacks.version(deviceB.deviceId()), 0))));

        EnrolResponse freshA = world.enrolDevice(client, "worksite", SITE_A);
        long cursor = 0;
        for (int page = 0; page < 50; page++) {
            byte[] body = SyncCodec.encode(new SyncRequest(SyncCodec.PROTOCOL, freshA.deviceId(), null, cursor, 0,
                    List.of(), false, null, null, ColumnCodec.COLUMNS_3, 0L));
            Answer answer = http.exchange(freshA.token(), body);
            assertThat(answer.body()).doesNotContain(phoneOfB);
            assertThat(answer.response().allChanges(HoursCell::id)).allSatisfy(c -> assertThat(c.rows())
                    .noneSatisfy(row -> assertThat(row.get(0)).isEqualTo(y.id("participant"))));
            cursor = answer.response().cursor();
            if (!answer.response().more()) {
                break;
            }
        }
        Laptop laptop = world.laptop("new-a", "worksite", SITE_A);
        laptop.engine().sync(fr.convergence.terrain.sync.client.SyncProgress.NONE);
        assertThat(laptop.snapshot()).isEqualTo(world.hubSnapshot(Set.of(SITE_A)));
    }
}
