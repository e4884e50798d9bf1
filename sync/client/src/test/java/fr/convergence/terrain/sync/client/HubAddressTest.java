package fr.convergence.terrain.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 6: a laptop sends its token and personal data only over HTTPS; plain HTTP is accepted for a hub
 * on this machine only (tests, a demonstration hub).
 */
class HubAddressTest {

    @Test
    void plainHttpToAnotherMachineIsRefusedWithAFrenchMessage() {
        for (String url : List.of("http://hub.convergence.example", "http://192.168.1.10:8080", "http://10.0.0.1",
                "http://127.0.0.1.example.com", "http://localhost.example.org:8080", "http://[::2]:8080",
                "HTTP://hub.example")) {
            assertThatThrownBy(() -> new HttpHubClient(URI.create(url))).as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Adresse du hub refusée")
                    .hasMessageContaining("https://");
        }
    }

    @Test
    void otherSchemesAndAddressesWithoutAHostAreRefused() {
        for (String url : List.of("ftp://hub.example", "file:///etc/passwd", "hub.example", "https:///x")) {
            assertThatThrownBy(() -> new HttpHubClient(URI.create(url))).as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Adresse du hub refusée");
        }
    }

    @Test
    void httpsEverywhereAndPlainHttpOnLoopbackAreAccepted() {
        for (String url : List.of("https://hub.convergence.example", "https://10.0.0.1:8443", "http://127.0.0.1:8080",
                "http://127.3.4.5", "http://localhost:7070", "http://[::1]:8080", "http://LOCALHOST")) {
            assertThat(new HttpHubClient(URI.create(url))).as(url).isNotNull();
        }
    }
}
