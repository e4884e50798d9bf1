package fr.convergence.terrain.sync.it;

import static fr.convergence.terrain.sync.it.SyncWorld.SITE_A;
import static fr.convergence.terrain.sync.it.SyncWorld.SITE_B;
import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.it.HubAttacks.Exchanger;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hub security suite, tokens (issue 12): a sync request whose token is missing, malformed, wrong, revoked, or another
 * device's (token of X with the device id of Y) is answered 401 or 403 with the protocol's error body, and nothing
 * of it is applied — each carries a valid new participant of the token's own worksite.
 */
abstract class TokenAttackTest {

    @TempDir
    Path dir;
    SyncWorld world;
    Exchanger http;

    abstract SyncWorld world(Path dir);

    @BeforeEach
    void start() {
        world = world(dir);
        http = new Exchanger(world.url());
    }

    @AfterEach
    void stop() {
        if (world != null) {
            world.close(); // null when the PostgreSQL half was skipped outside CI
        }
    }

    @Test
    void aRequestWithoutAValidTokenOfItsOwnDeviceIsRefusedAndAppliesNothing() throws Exception {
        HttpHubClient client = new HttpHubClient(world.url(), null, Duration.ofSeconds(30));
        EnrolResponse x = world.enrolDevice(client, "worksite", SITE_A);
        EnrolResponse y = world.enrolDevice(client, "worksite", SITE_B);
        EnrolResponse revoked = world.enrolDevice(client, "worksite", SITE_A);
        world.hub.enrolments().revoke(revoked.deviceId());
        long sequence = world.hubStore.read(HubStore.HubReader::lastSequence);
        Map<String, String> all = HubAttacks.checksum(world.hubStore, HubAttacks.worksitesBut());

        Map<String, Map<String, String>> headers = new LinkedHashMap<>();
        headers.put("missing", Map.of());
        headers.put("empty bearer", Map.of("Authorization", "Bearer "));
        headers.put("bearer alone", Map.of("Authorization", "Bearer"));
        headers.put("basic scheme", Map.of("Authorization", "Basic " + x.token()));
        headers.put("lower-case scheme", Map.of("Authorization", "bearer" + x.token()));
        headers.put("token without scheme", Map.of("Authorization", x.token()));
        headers.put("two tokens", Map.of("Authorization", "Bearer " + x.token() + " " + y.token()));
        headers.put("truncated", Map.of("Authorization", "Bearer " + x.token().substring(0, 20)));
        headers.put("one character changed", Map.of("Authorization", "Bearer " + flip(x.token())));
        headers.put("random", Map.of("Authorization", "Bearer " + UUID.randomUUID()));
        headers.put("long", Map.of("Authorization", "Bearer " + "A".repeat(6_000)));
        headers.put("sql", Map.of("Authorization", "Bearer ' OR '1'='1"));
        headers.put("token hash instead", Map.of("Authorization", "Bearer " + sha256(x.token())));
        headers.put("revoked", Map.of("Authorization", "Bearer " + revoked.token()));
        headers.put("device id as token", Map.of("Authorization", "Bearer " + x.deviceId()));

        SoftAssertions soft = new SoftAssertions();
        for (var entry : headers.entrySet()) {
            String deviceId = entry.getKey().equals("revoked") ? revoked.deviceId() : x.deviceId();
            HttpResponse<String> answer = http.post(SyncCodec.SYNC_PATH, request(deviceId, SITE_A), entry.getValue());
            soft.assertThat(answer.statusCode()).as(entry.getKey()).isIn(401, 403);
            soft.assertThat(answer.body()).as(entry.getKey()).contains("\"code\":\"")
                    .doesNotContain("Exception").doesNotContain(x.token());
        }
        // Another device's token: X's token with Y's device id (and Y's worksite), and Y's token with X's id.
        HttpResponse<String> xAsY = http.post(SyncCodec.SYNC_PATH, request(y.deviceId(), SITE_B),
                Map.of("Authorization", "Bearer " + x.token()));
        soft.assertThat(xAsY.statusCode()).as("X's token, Y's device id").isEqualTo(403);
        soft.assertThat(xAsY.body()).contains("device-mismatch");
        HttpResponse<String> yAsX = http.post(SyncCodec.SYNC_PATH, request(x.deviceId(), SITE_A),
                Map.of("Authorization", "Bearer " + y.token()));
        soft.assertThat(yAsX.statusCode()).as("Y's token, X's device id").isEqualTo(403);
        // A revoked device's token with another, live device's id: still refused.
        HttpResponse<String> revokedAsX = http.post(SyncCodec.SYNC_PATH, request(x.deviceId(), SITE_A),
                Map.of("Authorization", "Bearer " + revoked.token()));
        soft.assertThat(revokedAsX.statusCode()).as("revoked token, live device id").isIn(401, 403);

        soft.assertThat(world.hubStore.read(HubStore.HubReader::lastSequence)).as("hub sequence").isEqualTo(sequence);
        soft.assertThat(HubAttacks.checksum(world.hubStore, HubAttacks.worksitesBut())).as("hub data").isEqualTo(all);
        soft.assertThat(world.hubStore.read(r -> r.device(x.deviceId())).orElseThrow().lastOperation())
                .as("X's operation number").isZero();
        soft.assertAll();
    }

    private static byte[] request(String deviceId, String worksite) {
        return SyncCodec.encode(new SyncRequest(SyncCodec.PROTOCOL, deviceId, null, 0, 0, List.of(
                RawOps.participant(1, deviceId, UUID.randomUUID().toString(), worksite)), false, null));
    }

    private static String flip(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
