package fr.convergence.terrain.sync.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between laptop and hub that behaves like a rural link: a delay per chunk (half the round trip),
 * a bandwidth cap each way shared by all connections (two pages asked at once share the line, as they would), and
 * a cut of the connection after N bytes of the hub's answer (or of the request).
 */
final class FaultyProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    volatile long oneWayDelayMillis;
    volatile long bytesPerSecond;
    /** Added before the first bytes of a new connection: the TCP handshake's round trip on a real link. */
    volatile long connectDelayMillis;
    /** Cut the next connection after this many bytes from the hub (negative: never). */
    volatile long cutResponseAfter = -1;
    /** Cut the next connection after this many bytes from the laptop (negative: never). */
    volatile long cutRequestAfter = -1;
    /**
     * While set, the hub's answers wait before crossing (a line stalled mid-sync) until it is counted down, once
     * {@link #down} has reached {@link #holdAnswersFrom} bytes (what crossed before, a health check say, went through).
     */
    volatile CountDownLatch holdAnswers;
    volatile long holdAnswersFrom;
    final AtomicLong up = new AtomicLong();
    /** TCP connections opened through the line. */
    final AtomicInteger connections = new AtomicInteger();
    final AtomicLong down = new AtomicLong();
    private final Line upLine = new Line();
    private final Line downLine = new Line();

    /** One direction of the line: the bytes of every connection wait their turn on it. */
    private final class Line {
        private long freeAtNanos;

        /** Nanoseconds until {@code bytes}, queued behind what is already on the line, have crossed it. */
        synchronized long crossing(int bytes) {
            long now = System.nanoTime();
            long start = Math.max(now, freeAtNanos);
            freeAtNanos = start + bytes * 1_000_000_000L / bytesPerSecond;
            return freeAtNanos - now;
        }
    }

    FaultyProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                Socket hub = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                long cutUp = cutRequestAfter;
                long cutDown = cutResponseAfter;
                cutRequestAfter = -1;
                cutResponseAfter = -1;
                pipe(client, hub, cutUp, up, upLine, connectDelayMillis);
                pipe(hub, client, cutDown, down, downLine, 0);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, long cutAfter, AtomicLong counter, Line line, long connectDelay) {
        Thread thread = new Thread(() -> {
            long sent = 0;
            boolean connecting = connectDelay > 0;
            byte[] buffer = new byte[1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                boolean first = true;
                for (int read; (read = in.read(buffer)) != -1; ) {
                    if (connecting) {
                        Thread.sleep(connectDelay);
                        connecting = false;
                    }
                    if (first && oneWayDelayMillis > 0) {
                        Thread.sleep(oneWayDelayMillis);
                    }
                    first = false;
                    int n = read;
                    if (cutAfter >= 0 && sent + n > cutAfter) {
                        n = (int) Math.max(0, cutAfter - sent);
                        out.write(buffer, 0, n);
                        out.flush();
                        from.close();
                        to.close();
                        return;
                    }
                    CountDownLatch hold = holdAnswers;
                    if (hold != null && line == downLine && down.get() >= holdAnswersFrom) {
                        hold.await();
                    }
                    if (bytesPerSecond > 0) {
                        TimeUnit.NANOSECONDS.sleep(line.crossing(n));
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    sent += n;
                    counter.addAndGet(n);
                    if (in.available() == 0) {
                        first = true;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the other side closed, or the cut: both ends are closed below
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "faulty-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
