package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.hub.sync.FieldMeta;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.sync.protocol.ColumnCodec;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.Rejection;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, findings 1, 2 and 4: what a device receives is its scope only, parents included; references of a row
 * agree; operation numbers follow the device's last one exactly; a refusal re-sends only rows of the device's scope.
 */
class HubScopeAndSequenceTest extends ProtocolLevelTest {

    private static final String ELSEWHERE = SyncWorld.SITE_B;

    @Test
    void aFollowUpWhoseEnrolmentAndParticipantAreTwoPeopleIsRefused() throws Exception {
        EnrolResponse a = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        String x = UUID.randomUUID().toString();
        String y = UUID.randomUUID().toString();
        String enrolmentOfX = UUID.randomUUID().toString();
        SyncResponse answer = client.exchange(a.token(), request(a, 0, List.of(
                RawOps.participant(1, a.deviceId(), x, SyncWorld.SITE_A),
                RawOps.participant(2, a.deviceId(), y, SyncWorld.SITE_A),
                enrolment(3, a.deviceId(), enrolmentOfX, x, SyncWorld.SITE_A),
                followUp(4, a.deviceId(), UUID.randomUUID().toString(), enrolmentOfX, y, SyncWorld.SITE_A))));

        assertThat(answer.acknowledged()).isEqualTo(4);
        assertThat(answer.rejections()).extracting(Rejection::number, Rejection::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, Rejection.RULE));
    }

    @Test
    void aRowHangingOnAnotherWorksitesRowIsWithheldAndNothingOfThatWorksiteIsSent() throws Exception {
        EnrolResponse a = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        EnrolResponse coordinator = world.enrolDevice(client, "territory", SyncWorld.TERRITORY);
        String x = UUID.randomUUID().toString();
        String y = UUID.randomUUID().toString();
        String enrolmentOfX = UUID.randomUUID().toString();
        client.exchange(a.token(), request(a, 0, List.of(
                RawOps.participant(1, a.deviceId(), x, SyncWorld.SITE_A),
                RawOps.participant(2, a.deviceId(), y, SyncWorld.SITE_A),
                enrolment(3, a.deviceId(), enrolmentOfX, x, SyncWorld.SITE_A))));
        // A follow-up written before the hub checked references (a hub's data of 11/2026): X's enrolment, Y's file.
        String legacy = UUID.randomUUID().toString();
        world.hubStore.write(tx -> {
            Map<String, Object> data = new LinkedHashMap<>(followUp(0, a.deviceId(), legacy, enrolmentOfX, y,
                    SyncWorld.SITE_A).fields());
            Map<String, FieldMeta> meta = new LinkedHashMap<>();
            data.keySet().forEach(k -> meta.put(k, new FieldMeta(RawOps.version(a.deviceId()), FieldMeta.PENDING,
                    a.deviceId(), null)));
            tx.save(new HubRow("follow_up", legacy, SyncWorld.SITE_A, x, data, meta, RawOps.version(a.deviceId()),
                    a.deviceId(), FieldMeta.PENDING, FieldMeta.PENDING, 0, null));
            return null;
        });
        // The coordinator moves Y to the other worksite, whose laptop then edits Y's phone.
        Map<String, Object> move = new LinkedHashMap<>();
        move.put("worksite_id", ELSEWHERE);
        SyncResponse moved = client.exchange(coordinator.token(), request(coordinator, 0, List.of(new Operation(1,
                "participant", y, SyncWorld.SITE_A, move, RawOps.version(coordinator.deviceId()), 0))));
        assertThat(moved.rejections()).isEmpty();

        EnrolResponse newLaptopOfA = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        SyncResponse pulled = client.exchange(newLaptopOfA.token(), request(newLaptopOfA, 0, List.of()));

        Set<String> ids = ids(pulled);
        assertThat(ids).as("Y, now of the other worksite, is not sent, nor the row that hangs on Y").doesNotContain(y,
                legacy);
        assertThat(ids).contains(x, enrolmentOfX);
    }

    @Test
    void anOperationNumberThatJumpsIsRefusedAndLaterOperationsAreStillApplied() throws Exception {
        EnrolResponse a = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        String p = UUID.randomUUID().toString();
        client.exchange(a.token(), request(a, 0, List.of(RawOps.participant(1, a.deviceId(), p, SyncWorld.SITE_A))));

        String jumped = UUID.randomUUID().toString();
        SyncResponse jump = client.exchange(a.token(), request(a, 0, List.of(
                RawOps.participant(Long.MAX_VALUE, a.deviceId(), jumped, SyncWorld.SITE_A))));
        assertThat(jump.acknowledged()).as("the device's last operation does not move").isEqualTo(1);
        assertThat(jump.rejections()).extracting(Rejection::number, Rejection::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Long.MAX_VALUE, Rejection.OUT_OF_SEQUENCE));
        SyncResponse gap = client.exchange(a.token(), request(a, 0, List.of(
                RawOps.participant(3, a.deviceId(), jumped, SyncWorld.SITE_A))));
        assertThat(gap.rejections()).extracting(Rejection::code).containsExactly(Rejection.OUT_OF_SEQUENCE);

        String next = UUID.randomUUID().toString();
        SyncResponse normal = client.exchange(a.token(), request(a, 0, List.of(
                RawOps.participant(2, a.deviceId(), next, SyncWorld.SITE_A))));

        assertThat(normal.acknowledged()).isEqualTo(2);
        assertThat(normal.rejections()).isEmpty();
        java.util.Optional<HubRow> applied = world.hubStore.read(r -> r.row("participant", next));
        java.util.Optional<HubRow> notApplied = world.hubStore.read(r -> r.row("participant", jumped));
        assertThat(applied).isPresent();
        assertThat(notApplied).isEmpty();
    }

    @Test
    void aRefusedOperationOnAnotherWorksitesRowDoesNotMakeItTravelAgain() throws Exception {
        EnrolResponse a = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        EnrolResponse b = world.enrolDevice(client, "worksite", ELSEWHERE);
        String ofB = UUID.randomUUID().toString();
        client.exchange(b.token(), request(b, 0, List.of(RawOps.participant(1, b.deviceId(), ofB, ELSEWHERE))));
        SyncResponse bPulled = client.exchange(b.token(), request(b, 0, List.of()));
        long seqBefore = world.hubStore.read(r -> r.row("participant", ofB)).orElseThrow().seq();

        Map<String, Object> phone = new LinkedHashMap<>();
        phone.put("phone", "06 66 66 66 66");
        SyncResponse refused = client.exchange(a.token(), request(a, 0, List.of(new Operation(1, "participant", ofB,
                SyncWorld.SITE_A, phone, RawOps.version(a.deviceId()), 0))));

        assertThat(refused.rejections()).extracting(Rejection::code).containsExactly(Rejection.FORBIDDEN);
        assertThat(ids(refused)).doesNotContain(ofB);
        assertThat(world.hubStore.read(r -> r.row("participant", ofB)).orElseThrow().seq())
                .as("B's row is not marked to travel again").isEqualTo(seqBefore);
        SyncResponse bAgain = client.exchange(b.token(), request(b, bPulled.cursor(), List.of()));
        assertThat(ids(bAgain)).doesNotContain(ofB);
    }

    private static SyncRequest request(EnrolResponse device, long cursor, List<Operation> ops) {
        return new SyncRequest(SyncCodec.PROTOCOL, device.deviceId(), null, cursor, 0, ops, false, null, null,
                ColumnCodec.COLUMNS_3, cursor);
    }

    private static Set<String> ids(SyncResponse page) {
        return page.allChanges(HoursCell::id).stream().flatMap(group -> group.rows().stream().map(row -> (String) row.get(0)))
                .collect(Collectors.toSet());
    }

    private static Operation enrolment(long n, String device, String id, String participant, String worksite) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("participant_id", participant);
        f.put("worksite_id", worksite);
        f.put("programme", "CVG");
        f.put("contract_type", "CDDI");
        f.put("entry_date", "2024-01-08");
        f.put("deleted", false);
        return new Operation(n, "enrolment", id, worksite, f, RawOps.version(device), 0);
    }

    private static Operation followUp(long n, String device, String id, String enrolment, String participant,
                                      String worksite) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("enrolment_id", enrolment);
        f.put("participant_id", participant);
        f.put("worksite_id", worksite);
        f.put("months_after", 3);
        f.put("due_date", LocalDate.of(2024, 6, 1).toString());
        f.put("deleted", false);
        return new Operation(n, "follow_up", id, worksite, f, RawOps.version(device), 0);
    }
}
