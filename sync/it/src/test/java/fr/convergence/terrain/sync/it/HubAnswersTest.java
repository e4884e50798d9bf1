package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.clock.Hlc;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.Rejection;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, findings 6: what the hub answers to bad input is French and names no Java class; a clock node of
 * 5,000 characters is refused per operation (not a 500 on PostgreSQL); and whether a row outside a device's
 * scope exists cannot be told from the refusal.
 */
class HubAnswersTest extends ProtocolLevelTest {

    HttpResponse<String> postSync(String token, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(world.url() + SyncCodec.SYNC_PATH))
                .header("Authorization", "Bearer " + token).header("Content-Type", SyncCodec.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMalformedBodyIsAnsweredInFrenchWithoutJavaNames() throws Exception {
        EnrolResponse a = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        for (String body : List.of("{\"protocol\":\"un\"}", "{\"protocol\":1,\"operations\":{\"n\":1}}",
                "{\"protocol\":1,\"operations\":[{\"n\":[1,2]}]}", "[1,2,3]", "{\"protocol\":1,",
                "{\"protocol\":1,\"cursor\":1e999999}", "\u00ff\u00fe{}")) {
            HttpResponse<String> answer = postSync(a.token(), body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains("\"code\":\"malformed\"").contains("Message illisible")
                    .doesNotContain("fr.convergence").doesNotContain("java.").doesNotContain("com.fasterxml")
                    .doesNotContain("Cannot deserialize").doesNotContain("`").doesNotContain("Source:");
        }
    }

    @Test
    void aHugeClockNodeIsRefusedForItsOperationOnly() throws Exception {
        EnrolResponse a = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        String node = "n".repeat(5_000);
        Operation huge = RawOps.participant(1, a.deviceId(), UUID.randomUUID().toString(), SyncWorld.SITE_A);
        huge = new Operation(1, huge.table(), huge.rowId(), huge.worksiteId(), huge.fields(),
                new Hlc(System.currentTimeMillis(), 0, "a").encode().replace("-a", "-" + node), 0);
        String good = UUID.randomUUID().toString();
        SyncResponse response = client.exchange(a.token(), RawOps.request(a.deviceId(), 0, List.of(huge,
                RawOps.participant(2, a.deviceId(), good, SyncWorld.SITE_A))));
        assertThat(response.acknowledged()).isEqualTo(2);
        assertThat(response.rejections()).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(1);
            assertThat(r.code()).isEqualTo(Rejection.MALFORMED);
            assertThat(r.reason()).startsWith("Version illisible").hasSizeLessThan(300);
        });
        assertThat(world.hubSnapshot(java.util.Set.of(SyncWorld.SITE_A))).containsOnlyKeys("participant/" + good);
    }

    @Test
    void aRefusalDoesNotTellWhetherARowOfAnotherWorksiteExists() throws Exception {
        EnrolResponse a = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        EnrolResponse b = world.enrolDevice(client, "worksite", SyncWorld.SITE_B);
        String ofB = UUID.randomUUID().toString();
        client.exchange(b.token(), RawOps.request(b.deviceId(), 0, List.of(
                RawOps.participant(1, b.deviceId(), ofB, SyncWorld.SITE_B))));
        long before = world.hubStore.read(HubStore.HubReader::lastSequence);

        SyncResponse response = client.exchange(a.token(), RawOps.request(a.deviceId(), 0, List.of(
                RawOps.hours(1, a.deviceId(), ofB, SyncWorld.SITE_A, LocalDate.of(2024, 3, 18), 60),
                RawOps.hours(2, a.deviceId(), UUID.randomUUID().toString(), SyncWorld.SITE_A,
                        LocalDate.of(2024, 3, 18), 60))));

        assertThat(response.rejections()).hasSize(2);
        Rejection existing = response.rejections().get(0);
        Rejection missing = response.rejections().get(1);
        assertThat(existing.code()).isEqualTo(missing.code());
        assertThat(existing.reason()).isEqualTo(missing.reason());
        assertThat(world.hubStore.read(HubStore.HubReader::lastSequence)).isEqualTo(before);
    }
}
