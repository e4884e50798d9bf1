package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.client.HubException;
import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a device may do: its scope only; a revoked or unknown device nothing; bad payloads change nothing. */
class HubAuthorisationTest extends ProtocolLevelTest {


    EnrolResponse enrol(String kind, String scope) throws Exception {
        return world.enrolDevice(client, kind, scope);
    }

    long lastSequence() {
        return world.hubStore.read(HubStore.HubReader::lastSequence);
    }

    @Test
    void aDeviceOfWorksiteACanNeitherWriteNorReadWorksiteB() throws Exception {
        EnrolResponse a = enrol("worksite", SyncWorld.SITE_A);
        EnrolResponse b = enrol("worksite", SyncWorld.SITE_B);
        String pB = UUID.randomUUID().toString();
        client.exchange(b.token(), RawOps.request(b.deviceId(), 0, List.of(RawOps.participant(1, b.deviceId(), pB,
                SyncWorld.SITE_B), RawOps.hours(2, b.deviceId(), pB, SyncWorld.SITE_B, LocalDate.of(2024, 3, 18), 60))));

        SyncResponse response = client.exchange(a.token(), RawOps.request(a.deviceId(), 0, List.of(
                RawOps.participant(1, a.deviceId(), UUID.randomUUID().toString(), SyncWorld.SITE_B),
                RawOps.hours(2, a.deviceId(), pB, SyncWorld.SITE_A, LocalDate.of(2024, 3, 19), 60))));

        assertThat(response.rejections()).extracting(r -> r.code()).containsExactly("forbidden", "missing-parent");
        assertThat(response.acknowledged()).isEqualTo(2);
        assertThat(response.changes()).isEmpty();
        assertThat(world.hubSnapshot(java.util.Set.of(SyncWorld.SITE_A))).isEmpty();
    }

    @Test
    void aReplayedBatchIsAcknowledgedButNotAppliedTwice() throws Exception {
        EnrolResponse a = enrol("worksite", SyncWorld.SITE_A);
        String p = UUID.randomUUID().toString();
        var request = RawOps.request(a.deviceId(), 0, List.of(RawOps.participant(1, a.deviceId(), p, SyncWorld.SITE_A),
                RawOps.hours(2, a.deviceId(), p, SyncWorld.SITE_A, LocalDate.of(2024, 3, 18), 60)));
        SyncResponse first = client.exchange(a.token(), request);
        long after = lastSequence();
        SyncResponse again = client.exchange(a.token(), request);
        assertThat(again.acknowledged()).isEqualTo(first.acknowledged()).isEqualTo(2);
        assertThat(lastSequence()).isEqualTo(after);
    }

    @Test
    void aRevokedDeviceIsRefused() throws Exception {
        EnrolResponse a = enrol("worksite", SyncWorld.SITE_A);
        world.hub.enrolments().revoke(a.deviceId());
        assertThatThrownBy(() -> client.exchange(a.token(), RawOps.request(a.deviceId(), 0, List.of())))
                .isInstanceOfSatisfying(HubException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("device-revoked");
                    assertThat(e.getMessage()).contains("révoqué");
                });
    }

    @Test
    void anUnknownTokenOrAReusedCodeIsRefused() throws Exception {
        assertThatThrownBy(() -> client.exchange("forged", RawOps.request("x", 0, List.of())))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.status()).isEqualTo(401));
        String code = world.hub.enrolments().issueCode("worksite", SyncWorld.SITE_A, "test", Duration.ofDays(1));
        client.enrol(new EnrolRequest(1, code, UUID.randomUUID().toString(), "un"));
        assertThatThrownBy(() -> client.enrol(new EnrolRequest(1, code, UUID.randomUUID().toString(), "deux")))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void aMalformedOrOversizedPayloadGetsAClear4xxAndChangesNothing() throws Exception {
        EnrolResponse a = enrol("worksite", SyncWorld.SITE_A);
        long before = lastSequence();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> garbage = http.send(HttpRequest.newBuilder(URI.create(world.url() + SyncCodec.SYNC_PATH))
                .header("Authorization", "Bearer " + a.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"protocol\":1,\"operations\":[{\"n\":\"x\"")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("malformed");

        byte[] bomb = SyncCodec.gzip(new byte[40 * 1024 * 1024]);
        HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(URI.create(world.url() + SyncCodec.SYNC_PATH))
                .header("Authorization", "Bearer " + a.token()).header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bomb)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);

        SyncResponse mixed = client.exchange(a.token(), RawOps.request(a.deviceId(), 0, List.of(
                new fr.convergence.terrain.sync.protocol.Operation(1, "no_such_table", "r", SyncWorld.SITE_A,
                        java.util.Map.of("x", 1), RawOps.version("d"), 0),
                RawOps.hours(2, a.deviceId(), "unknown-participant", SyncWorld.SITE_A, LocalDate.of(2024, 3, 18), 60),
                RawOps.participant(3, a.deviceId(), UUID.randomUUID().toString(), SyncWorld.SITE_A))));
        assertThat(mixed.rejections()).extracting(r -> r.code()).containsExactly("malformed", "missing-parent");
        assertThat(mixed.acknowledged()).isEqualTo(3);
        assertThat(lastSequence()).isEqualTo(before + 1);
    }

    @Test
    void healthAnswersWithTheHubIdentity() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(world.url() + SyncCodec.HEALTH_PATH)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains(world.hubStore.hubId()).contains("\"status\":\"ok\"");
        assertThat(client.reachable()).isTrue();
    }
}
