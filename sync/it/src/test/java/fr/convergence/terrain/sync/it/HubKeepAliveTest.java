package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.hub.Hub;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub keeps an idle connection open as long as its configuration says, so the application's health check
 * every minute keeps one connection warm and a sync does not pay a new handshake (a round trip, two with TLS, on a
 * rural link); and it does close it after that, so idle laptops do not hold connections for ever.
 */
class HubKeepAliveTest {

    @TempDir
    Path dir;

    @Test
    void anIdleConnectionStaysOpenWithinTheIdleTimeoutAndIsClosedAfterIt() throws Exception {
        try (JooqHubStore store = JooqHubStore.sqlite(dir.resolve("hub.db"));
             Hub hub = Hub.create(HubConfig.defaults(0).withHost("127.0.0.1").withIdleTimeout(1_500), store,
                     Clock.systemUTC());
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), hub.port())) {
            assertThat(health(socket)).startsWith("HTTP/1.1 200");
            // The idle time is what is tested: there is no condition to wait on, only time to let pass.
            Thread.sleep(500);
            assertThat(health(socket)).as("second request on the same connection").startsWith("HTTP/1.1 200");

            socket.setSoTimeout(10_000);
            // Then the hub closes the idle connection: the next read sees the end of the stream, not a timeout.
            try {
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the hub kept an idle connection past its idle timeout", e);
            } catch (IOException reset) {
                // a reset is a close too
            }
        }
    }

    @Test
    void theDefaultKeepsAConnectionLongerThanTheApplicationsHealthCheckInterval() {
        assertThat(HubConfig.defaults(0).idleTimeoutMillis()).isGreaterThan(2 * 60_000L);
    }

    /** One GET /health on the socket; returns the status line and headers. */
    private static String health(Socket socket) throws IOException {
        socket.getOutputStream().write(("GET " + SyncCodec.HEALTH_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the hub");
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = headers.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).trim())).findFirst()
                .orElseThrow(() -> new AssertionError("no Content-Length: " + headers));
        in.readNBytes(length);
        return headers;
    }
}
