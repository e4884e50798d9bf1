package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.RequestLimits;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits (issue 12): per address on enrolment and on failed authentication, per device on sync; beyond them
 * the hub answers 429 with {@code Retry-After} and a French message, and changes nothing.
 */
class HubRateLimitTest {

    @TempDir
    Path dir;
    SyncWorld world;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startHub() {
        RequestLimits limits = RequestLimits.defaults().withEnrolPerMinutePerAddress(3)
                .withFailedAuthPerMinutePerAddress(3).withSyncPerMinutePerDevice(3);
        world = new SyncWorld(dir, "jdbc:sqlite:" + dir.resolve("hub.db"),
                HubConfig.defaults(0).withRequestLimits(limits), Clock.systemUTC());
    }

    @AfterEach
    void stopHub() {
        world.close();
    }

    HttpResponse<String> post(String path, String token, Object message) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(world.url() + path))
                .header("Content-Type", SyncCodec.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(SyncCodec.encode(message)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertTooMany(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(response.body()).contains("too-many-requests").contains("Trop de demandes");
    }

    @Test
    void enrolmentAttemptsFromOneAddressAreLimited() throws Exception {
        EnrolRequest wrong = new EnrolRequest(SyncCodec.PROTOCOL, "AAAA-BBBB-CCCC", UUID.randomUUID().toString(), "x");
        for (int i = 0; i < 3; i++) {
            assertThat(post(SyncCodec.ENROL_PATH, null, wrong).statusCode()).isEqualTo(403);
        }
        assertTooMany(post(SyncCodec.ENROL_PATH, null, wrong));
        // Even a good code waits: guessing codes is what the limit is for.
        String code = world.hub.enrolments().issueCode("worksite", SyncWorld.SITE_A, "t", Duration.ofDays(1));
        assertTooMany(post(SyncCodec.ENROL_PATH, null, new EnrolRequest(SyncCodec.PROTOCOL, code,
                UUID.randomUUID().toString(), "x")));
    }

    @Test
    void failedAuthenticationsFromOneAddressAreLimited() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post(SyncCodec.SYNC_PATH, "forged-" + i, RawOps.request("x", 0, List.of())).statusCode())
                    .isEqualTo(401);
        }
        assertTooMany(post(SyncCodec.SYNC_PATH, "forged-4", RawOps.request("x", 0, List.of())));
    }

    @Test
    void withoutRateLimitsABenchmarkMayEnrolManyLaptopsFromOneAddress() throws Exception {
        world.close();
        world = new SyncWorld(dir, "jdbc:sqlite:" + dir.resolve("hub-bench.db"), HubConfig.defaults(0)
                .withRequestLimits(RequestLimits.defaults().withoutRateLimits()), Clock.systemUTC());
        EnrolRequest wrong = new EnrolRequest(SyncCodec.PROTOCOL, "AAAA-BBBB-CCCC", UUID.randomUUID().toString(), "x");
        for (int i = 0; i < 30; i++) {
            assertThat(post(SyncCodec.ENROL_PATH, null, wrong).statusCode()).isEqualTo(403);
            assertThat(post(SyncCodec.SYNC_PATH, "forged", RawOps.request("x", 0, List.of())).statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void syncsOfOneDeviceAreLimitedWithoutSlowingAnother() throws Exception {
        HttpHubClient client = new HttpHubClient(world.url(), null, Duration.ofSeconds(30));
        String codeA = world.hub.enrolments().issueCode("worksite", SyncWorld.SITE_A, "a", Duration.ofDays(1));
        EnrolResponse a = client.enrol(new EnrolRequest(SyncCodec.PROTOCOL, codeA, UUID.randomUUID().toString(), "a"));
        String codeB = world.hub.enrolments().issueCode("worksite", SyncWorld.SITE_B, "b", Duration.ofDays(1));
        EnrolResponse b = client.enrol(new EnrolRequest(SyncCodec.PROTOCOL, codeB, UUID.randomUUID().toString(), "b"));
        for (int i = 0; i < 3; i++) {
            assertThat(post(SyncCodec.SYNC_PATH, a.token(), RawOps.request(a.deviceId(), 0, List.of())).statusCode())
                    .isEqualTo(200);
        }
        assertTooMany(post(SyncCodec.SYNC_PATH, a.token(), RawOps.request(a.deviceId(), 0, List.of())));
        assertThat(post(SyncCodec.SYNC_PATH, b.token(), RawOps.request(b.deviceId(), 0, List.of())).statusCode())
                .isEqualTo(200);
    }
}
