package fr.convergence.terrain.sync.client;

import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.ErrorResponse;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link HubClient} over HTTP(S) with the JDK client: gzip both ways, timeouts sized for slow rural links. */
public final class HttpHubClient implements HubClient {

    private static final Logger LOG = LoggerFactory.getLogger(HttpHubClient.class);
    private static final int MAX_RESPONSE = 64 * 1024 * 1024;

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    /** The health request of {@link #connectAhead}, while its connection is being opened. */
    private volatile CompletableFuture<?> connectionAhead = CompletableFuture.completedFuture(null);

    public HttpHubClient(URI base) {
        this(base, null, Duration.ofSeconds(120));
    }

    /**
     * @param base the hub's address: https://, or http:// on this machine only ({@link HubAddress#check})
     * @param ssl a TLS context trusting the hub's certificate (null: the JDK's default trust store)
     * @throws IllegalArgumentException with a French message when the address is refused
     */
    public HttpHubClient(URI base, SSLContext ssl, Duration requestTimeout) {
        HubAddress.check(base);
        this.base = base.toString().endsWith("/") ? URI.create(base.toString().replaceAll("/+$", "")) : base;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20));
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public SyncResponse exchange(String token, SyncRequest request) throws IOException {
        return post(SyncCodec.SYNC_PATH, token, request, SyncResponse.class, null);
    }

    @Override
    public SyncResponse exchange(String token, SyncRequest request, Consumer<PageHead> onHead) throws IOException {
        AtomicBoolean told = new AtomicBoolean();
        Consumer<PageHead> once = head -> {
            if (told.compareAndSet(false, true)) {
                onHead.accept(head);
            }
        };
        SyncResponse response = post(SyncCodec.SYNC_PATH, token, request, SyncResponse.class, once);
        // A hub older than the head headers: the head is known once the body is read.
        if (response.rewound() == null) {
            once.accept(PageHead.of(response));
        }
        return response;
    }

    /** The page head a sync answer's headers carry, if they all do. */
    private static Optional<PageHead> head(HttpHeaders headers) {
        Optional<String> hub = headers.firstValue(SyncCodec.HEAD_HUB);
        Optional<String> cursor = headers.firstValue(SyncCodec.HEAD_CURSOR);
        Optional<String> more = headers.firstValue(SyncCodec.HEAD_MORE);
        Optional<String> resync = headers.firstValue(SyncCodec.HEAD_RESYNC);
        if (hub.isEmpty() || cursor.isEmpty() || more.isEmpty() || resync.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PageHead(hub.get(), Long.parseLong(cursor.get()), Boolean.parseBoolean(more.get()),
                    Boolean.parseBoolean(resync.get())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public EnrolResponse enrol(EnrolRequest request) throws IOException {
        return post(SyncCodec.ENROL_PATH, null, request, EnrolResponse.class, null);
    }

    @Override
    public boolean reachable() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve(SyncCodec.HEALTH_PATH))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Opens the connection to the hub ahead and returns at once: a request to its health path on the client's own
     * threads, whose connection (TCP, then TLS) the next request reuses (HTTP/1.1 keep-alive), so that the round trips
     * of a slow line pass while the laptop does its own work before the exchange. Carries no token and is not counted
     * in {@link #traffic}; a failure is not reported here: the exchange meets it and says so.
     *
     * @return done once the hub has answered (or failed to); callers need not wait for it
     */
    public CompletableFuture<?> connectAhead() {
        CompletableFuture<?> ahead = http.sendAsync(HttpRequest.newBuilder(base.resolve(SyncCodec.HEALTH_PATH))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.discarding());
        connectionAhead = ahead;
        return ahead;
    }

    /**
     * Waits for the connection opened ahead to be free, so that the request goes on it: a second connection would
     * redo the same handshakes, which take at least as long as what is left of the first's.
     */
    private void awaitConnectionAhead() {
        try {
            connectionAhead.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // no connection ahead: the request opens its own, as without
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Traffic traffic() {
        return new Traffic(requests.get(), bytesUp.get(), bytesDown.get());
    }

    private <T> T post(String path, String token, Object message, Class<T> type, Consumer<PageHead> onHead)
            throws IOException {
        byte[] body = SyncCodec.gzip(SyncCodec.encode(message));
        awaitConnectionAhead();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout)
                .header("Content-Type", SyncCodec.CONTENT_TYPE).header("Content-Encoding", "gzip")
                .header("Accept-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        requests.incrementAndGet();
        bytesUp.addAndGet(body.length);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), info -> {
                if (onHead != null && info.statusCode() == 200) {
                    head(info.headers()).ifPresent(head -> {
                        try {
                            onHead.accept(head);
                        } catch (RuntimeException e) {
                            // Asking ahead is an optimisation: the answer is read all the same.
                            LOG.warn("page head not used: {}", e.toString());
                        }
                    });
                }
                return HttpResponse.BodySubscribers.ofByteArray();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Synchronisation interrompue", e);
        }
        bytesDown.addAndGet(response.body().length);
        boolean gzipped = response.headers().firstValue("Content-Encoding").map(v -> v.contains("gzip")).orElse(false);
        byte[] json;
        try {
            json = SyncCodec.readBounded(response.body(), MAX_RESPONSE, gzipped);
        } catch (SyncCodec.MalformedMessageException e) {
            throw new IOException("Réponse du hub illisible (connexion coupée\u00a0?)\u00a0: " + e.getMessage(), e);
        }
        if (response.statusCode() != 200) {
            ErrorResponse error;
            try {
                error = SyncCodec.decode(json, ErrorResponse.class);
            } catch (SyncCodec.MalformedMessageException e) {
                error = new ErrorResponse("http-" + response.statusCode(), "Le hub a répondu " + response.statusCode());
            }
            OptionalLong retryAfter = response.headers().firstValue("Retry-After")
                    .filter(v -> v.chars().allMatch(Character::isDigit) && !v.isEmpty())
                    .map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
            throw new HubException(response.statusCode(), error.code(), error.message(), retryAfter);
        }
        try {
            return SyncCodec.decode(json, type);
        } catch (SyncCodec.MalformedMessageException e) {
            throw new IOException("Réponse du hub illisible (connexion coupée\u00a0?)\u00a0: " + e.getMessage(), e);
        }
    }
}
