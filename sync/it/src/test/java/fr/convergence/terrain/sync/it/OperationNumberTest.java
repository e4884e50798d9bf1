package fr.convergence.terrain.sync.it;

import static fr.convergence.terrain.sync.it.SyncWorld.SITE_A;
import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.it.HubAttacks.Answer;
import fr.convergence.terrain.sync.it.HubAttacks.Exchanger;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hub security suite, operation numbers (issue 12, finding 2; DESIGN.md "Exactly once"): a batch sent twice is
 * applied once; an old number replayed with other content is not applied; a gap or a jump in a device's numbers is
 * refused — never acknowledged and dropped — and the device's later, correctly numbered operations are still
 * applied.
 */
abstract class OperationNumberTest {

    @TempDir
    Path dir;
    SyncWorld world;
    Exchanger http;
    EnrolResponse device;

    abstract SyncWorld world(Path dir);

    @BeforeEach
    void start() throws Exception {
        world = world(dir);
        http = new Exchanger(world.url());
        device = world.enrolDevice(new HttpHubClient(world.url(), null, Duration.ofSeconds(30)), "worksite", SITE_A);
    }

    @AfterEach
    void stop() {
        if (world != null) {
            world.close(); // null when the PostgreSQL half was skipped outside CI
        }
    }

    Answer send(long seen, Operation... ops) throws Exception {
        Answer answer = http.exchange(device.token(), new SyncRequest(SyncCodec.PROTOCOL, device.deviceId(), null, 0,
                seen, List.of(ops), false, null));
        return answer;
    }

    Operation participant(long n, String id) {
        return RawOps.participant(n, device.deviceId(), id, SITE_A);
    }

    Optional<HubRow> row(String id) {
        return world.hubStore.read(r -> r.row("participant", id));
    }

    /** Operations 1..5 applied: five participants. */
    List<String> fiveApplied() throws Exception {
        List<String> ids = new ArrayList<>();
        List<Operation> ops = new ArrayList<>();
        for (long n = 1; n <= 5; n++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            ops.add(participant(n, id));
        }
        Answer answer = send(0, ops.toArray(Operation[]::new));
        assertThat(answer.response().acknowledged()).isEqualTo(5);
        assertThat(answer.response().rejections()).isEmpty();
        return ids;
    }

    @Test
    void theSameBatchTwiceIsAppliedOnce() throws Exception {
        List<Operation> ops = new ArrayList<>();
        String id = UUID.randomUUID().toString();
        ops.add(participant(1, id));
        ops.add(RawOps.hours(2, device.deviceId(), id, SITE_A, Edits.MONDAY, 60));
        ops.add(new Operation(3, "participant", id, SITE_A, Map.of("phone", "06 01 02 03 04"),
                RawOps.version(device.deviceId()), 0));
        Answer first = send(0, ops.toArray(Operation[]::new));
        Map<String, String> after = HubAttacks.checksum(world.hubStore, HubAttacks.worksitesBut());
        long sequence = world.hubStore.read(HubStore.HubReader::lastSequence);
        Answer again = send(0, ops.toArray(Operation[]::new));
        Answer third = send(3, ops.toArray(Operation[]::new));
        assertThat(first.response().acknowledged()).isEqualTo(3);
        assertThat(again.response().acknowledged()).isEqualTo(3);
        assertThat(third.response().acknowledged()).isEqualTo(3);
        assertThat(again.response().rejections()).isEmpty();
        assertThat(world.hubStore.read(HubStore.HubReader::lastSequence)).isEqualTo(sequence);
        assertThat(HubAttacks.checksum(world.hubStore, HubAttacks.worksitesBut())).isEqualTo(after);
    }

    @Test
    void anOldNumberReplayedWithOtherContentIsNotApplied() throws Exception {
        List<String> ids = fiveApplied();
        Map<String, String> before = HubAttacks.checksum(world.hubStore, HubAttacks.worksitesBut());
        String newcomer = UUID.randomUUID().toString();
        Answer replay = send(5, participant(3, newcomer), new Operation(4, "participant", ids.get(0), SITE_A,
                Map.of("phone", "replayed"), RawOps.version(device.deviceId()), 0));
        assertThat(replay.status()).isIn(200, 400, 409);
        if (replay.response() != null) {
            assertThat(replay.response().acknowledged()).isEqualTo(5);
        }
        assertThat(row(newcomer)).isEmpty();
        assertThat(row(ids.get(0)).orElseThrow().data().get("phone")).isNull();
        assertThat(HubAttacks.checksum(world.hubStore, HubAttacks.worksitesBut())).isEqualTo(before);
    }

    /** After 1..5: 7 (a gap of one). */
    @Test
    void aGapInOperationNumbersIsRefusedNeverAcknowledgedAndLaterOperationsStillApply() throws Exception {
        refusedThenLaterOperationsApply(7);
    }

    /** After 1..5: 2^63−1, the number that made every later operation of the device vanish (issue 12, finding 2). */
    @Test
    void aJumpToTheLargestNumberIsRefusedAndLaterOperationsStillApply() throws Exception {
        refusedThenLaterOperationsApply(Long.MAX_VALUE);
    }

    /** After 1..5: 1,000,000. */
    @Test
    void aJumpFarAheadIsRefusedAndLaterOperationsStillApply() throws Exception {
        refusedThenLaterOperationsApply(1_000_000);
    }

    /** After 1..5, one batch 6, 8: 6 applied, 8 refused (a gap inside a batch). */
    @Test
    void aGapInsideABatchIsRefusedFromTheGapOn() throws Exception {
        fiveApplied();
        String six = UUID.randomUUID().toString();
        String eight = UUID.randomUUID().toString();
        Answer answer = send(5, participant(6, six), participant(8, eight));
        assertThat(row(eight)).as("operation 8 after 6 is a gap: not applied").isEmpty();
        if (answer.response() != null) {
            assertThat(answer.response().acknowledged() < 8
                    || answer.response().rejections().stream().anyMatch(r -> r.number() == 8))
                    .as("8 acknowledged without a refusal: %s", answer.body()).isTrue();
        }
        long last = world.hubStore.read(r -> r.device(device.deviceId())).orElseThrow().lastOperation();
        String next = UUID.randomUUID().toString();
        Answer later = send(Math.min(last, 5), participant(last + 1, next));
        assertThat(later.status()).isEqualTo(200);
        assertThat(row(next)).as("the next correctly numbered operation (%d) is applied", last + 1).isPresent();
    }

    private void refusedThenLaterOperationsApply(long jump) throws Exception {
        List<String> ids = fiveApplied();
        String jumped = UUID.randomUUID().toString();
        Answer answer = send(5, participant(jump, jumped));
        assertThat(row(jumped)).as("operation %d after 5 is not applied", jump).isEmpty();
        long acknowledged = 5;
        if (answer.status() == 200) {
            boolean refused = answer.response().rejections().stream().anyMatch(r -> r.number() == jump);
            assertThat(answer.response().acknowledged() < jump || refused)
                    .as("operation %d acknowledged without a refusal: %s", jump, answer.body()).isTrue();
            acknowledged = answer.response().acknowledged();
        } else {
            assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        }
        assertThat(acknowledged).as("the hub never acknowledges the largest number").isLessThan(Long.MAX_VALUE);
        long last = world.hubStore.read(r -> r.device(device.deviceId())).orElseThrow().lastOperation();
        assertThat(last).as("the device's last operation on the hub").isLessThan(Long.MAX_VALUE);
        // The laptop goes on with the number after the last one it was told: its work is applied.
        String next = UUID.randomUUID().toString();
        Answer later = send(Math.min(acknowledged, last), participant(last + 1, next),
                new Operation(last + 2, "participant", ids.get(1), SITE_A, Map.of("phone", "07 00 00 00 07"),
                        RawOps.version(device.deviceId()), 0));
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(later.response().rejections()).as("refusals after the gap").allSatisfy(r ->
                assertThat(r.number()).isNotIn(last + 1, last + 2));
        assertThat(row(next)).as("operation %d applied", last + 1).isPresent();
        assertThat(row(ids.get(1)).orElseThrow().data().get("phone")).isEqualTo("07 00 00 00 07");
        assertThat(HubAttacks.checksum(world.hubStore, Set.of(SyncWorld.SITE_B))).isEmpty();
    }
}
