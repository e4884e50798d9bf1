package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.sync.client.HubClient;
import fr.convergence.terrain.sync.protocol.ColumnCodec;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A sync answer's headers repeat its page head (hub, cursor, more, resync), and the laptop's HTTP client hands it
 * over before the body is read: on a slow link the next page can be asked for while this one crosses.
 */
class PageHeadTest extends ProtocolLevelTest {

    @Test
    void theHeadOfAnAnswerIsKnownBeforeItsBodyAndSaysWhatTheBodySays() throws Exception {
        EnrolResponse writer = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        List<Operation> ops = new ArrayList<>();
        for (int p = 0; p < 30; p++) {
            ops.add(RawOps.participant(p + 1, writer.deviceId(), UUID.randomUUID().toString(), SyncWorld.SITE_A));
        }
        client.exchange(writer.token(), RawOps.request(writer.deviceId(), 0, ops));
        EnrolResponse reader = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        // Small pages (1 KiB of JSON): the first answer says more follow.
        SyncRequest pull = new SyncRequest(SyncCodec.PROTOCOL, reader.deviceId(), null, 0, 0, List.of(), false, 1024,
                null, ColumnCodec.COLUMNS_3);
        AtomicReference<HubClient.PageHead> head = new AtomicReference<>();
        AtomicBoolean headBeforeBody = new AtomicBoolean();
        long bodiesBefore = client.traffic().bytesDown();

        SyncResponse page = client.exchange(reader.token(), pull, h -> {
            head.set(h);
            // The client counts a body's bytes once it has read them all.
            headBeforeBody.set(client.traffic().bytesDown() == bodiesBefore);
        });

        assertThat(page.more()).isTrue();
        assertThat(head.get()).isEqualTo(new HubClient.PageHead(page.hubId(), page.cursor(), true, false));
        assertThat(headBeforeBody).isTrue();
    }
}
