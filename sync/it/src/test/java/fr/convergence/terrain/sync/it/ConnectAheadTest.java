package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code terrain sync} opens the hub's connection while the person signs in ({@link HttpHubClient#connectAhead}): the
 * exchange that follows goes on that same connection, waiting for it if it is still being opened — one TCP
 * connection through the line for both, so a slow line's handshakes are paid during the sign-in, not twice.
 */
class ConnectAheadTest {

    @TempDir
    Path dir;

    @Test
    void theExchangeGoesOnTheConnectionOpenedAhead() throws Exception {
        try (SyncWorld world = new SyncWorld(dir, "jdbc:sqlite:" + dir.resolve("hub.db"), HubConfig.defaults(0),
                Clock.systemUTC())) {
            SyncWorld.Laptop laptop = world.laptop("a1", "worksite", SyncWorld.SITE_A);
            Edits edits = new Edits(laptop.store(), "esp");
            Participant participant = edits.participant(SyncWorld.SITE_A, "Léa", "Nguyen");
            edits.hours(participant, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 420);
            try (FaultyProxy line = new FaultyProxy(world.hub.port())) {
                // the exchange starts before the health request has crossed the line: it waits for that connection
                line.oneWayDelayMillis = 200;
                HttpHubClient client = new HttpHubClient(URI.create("http://127.0.0.1:" + line.port()), null,
                        Duration.ofSeconds(30));

                var ahead = client.connectAhead();
                assertThat(ahead).isNotDone();
                SyncReport report = new SyncEngine(laptop.store(), client).sync(SyncProgress.NONE);

                assertThat(report.operationsAcknowledged()).isPositive();
                assertThat(line.connections.get()).isEqualTo(1);
                assertThat(client.traffic().requests()).isEqualTo(report.requests());
            }
        }
    }
}
