package fr.convergence.terrain.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.hub.store.JooqHubStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, finding 6: a device id is a UUID, never the hub's own writer name nor anything else. */
class EnrolmentDeviceIdTest {

    @TempDir
    Path dir;

    @Test
    void onlyAUuidIsAcceptedAsADeviceIdAndTheCodeStaysUsable() {
        try (JooqHubStore store = JooqHubStore.sqlite(dir.resolve("hub.db"))) {
            Enrolments enrolments = new Enrolments(store, Clock.systemUTC());
            String code = enrolments.issueCode("worksite", "abej-solidarite", "t", Duration.ofDays(1));
            for (String id : new String[] {"hub", "HUB", "poste-1", "11111111-2222-3333-4444-55555555555Z",
                    "11111111-2222-3333-4444-555555555555\n", "11111111222233334444555555555555"}) {
                assertThat(enrolments.enrol(code, id, "x")).as(id).isEmpty();
            }
            assertThat(enrolments.enrol(code, UUID.randomUUID().toString(), "x")).isPresent();
        }
    }
}
