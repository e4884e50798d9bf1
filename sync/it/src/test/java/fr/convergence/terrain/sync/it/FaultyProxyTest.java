package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's line is shared: two connections through {@link FaultyProxy} cross it no faster together than one
 * would alone (else asking two pages at once would look twice as fast as any real link allows).
 */
class FaultyProxyTest {

    private static final int BYTES_EACH = 16_000;

    @Test
    void twoConnectionsShareTheLinesBandwidth() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread sender = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        new Thread(() -> {
                            try (socket; OutputStream out = socket.getOutputStream()) {
                                out.write(new byte[BYTES_EACH]);
                            } catch (Exception ignored) {
                                // the test fails on the reading side
                            }
                        }).start();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            sender.setDaemon(true);
            sender.start();
            try (FaultyProxy proxy = new FaultyProxy(server.getLocalPort())) {
                proxy.bytesPerSecond = 16_000;
                long start = System.nanoTime();
                List<CompletableFuture<Integer>> reads = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    reads.add(CompletableFuture.supplyAsync(() -> readAll(proxy.port())));
                }
                for (CompletableFuture<Integer> read : reads) {
                    assertThat(read.get()).isEqualTo(BYTES_EACH);
                }
                // 32,000 bytes at 16,000 B/s: 2 s at least, whatever the machine (one connection alone takes 1 s).
                assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1_900);
            }
        }
    }

    private static int readAll(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port); InputStream in = socket.getInputStream()) {
            return in.readAllBytes().length;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
