package fr.convergence.terrain.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.hub.Hub;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.report.YearlyDataSet;
import fr.convergence.terrain.hub.store.JooqHubStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub on 127.0.0.1 holding the hand-counted {@link YearlyDataSet}, with a national account (second factor) and
 * Lille's coordinator: what the yearly table's and the monthly statement's web tests start from.
 */
abstract class HandCountedConsole {

    @TempDir
    Path dir;

    MutableClock clock;
    JooqHubStore store;
    String nationalSecret;
    Hub hub;

    JooqHubStore openStore() {
        return JooqHubStore.sqlite(dir.resolve("hub.db"));
    }

    /** The rows the hub holds before the test. */
    void load(JooqHubStore store) {
        YearlyDataSet.load(store);
    }

    @BeforeEach
    void startHub() {
        clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
        store = openStore();
        load(store);
        ConsoleAccounts accounts = new ConsoleAccounts(store, clock, new PasswordHasher(1000));
        nationalSecret = accounts.add("nadia", "Nadia National", ConsoleAccount.Role.NATIONAL, null,
                ConsoleWebTest.NATIONAL_PASSWORD.toCharArray(), false).totpSecret();
        accounts.add("colette", "Colette Coordination", ConsoleAccount.Role.COORDINATOR, "lille",
                ConsoleWebTest.COORDINATOR_PASSWORD.toCharArray(), false);
        hub = Hub.create(HubConfig.defaults(0).withHost("127.0.0.1"), store, clock);
    }

    @AfterEach
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
        if (store != null) {
            store.close();
        }
    }

    ConsoleClient signedIn(String login, String password, String secret) {
        ConsoleClient client = new ConsoleClient("http://127.0.0.1:" + hub.port());
        HttpResponse<String> form = client.get("/console/connexion");
        assertThat(client.post("/console/connexion", "csrf", ConsoleClient.csrf(form), "login", login, "password",
                password).statusCode()).isEqualTo(303);
        if (secret != null) {
            HttpResponse<String> factor = client.get("/console/second-facteur");
            assertThat(client.post("/console/second-facteur", "csrf", ConsoleClient.csrf(factor), "code",
                    Totp.codeAt(secret, clock.millis())).statusCode()).isEqualTo(303);
        }
        return client;
    }

    /**
     * A page's content without its header, whose random CSRF token may hold « P5 » or « 15 » by chance: what
     * {@code doesNotContain} checks about participants and figures look at.
     */
    static String content(String html) {
        int main = html.indexOf("<main>");
        return main < 0 ? html : html.substring(main);
    }
}
