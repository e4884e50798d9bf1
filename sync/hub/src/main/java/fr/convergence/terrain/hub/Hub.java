package fr.convergence.terrain.hub;

import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.hub.console.ConsoleAccounts;
import fr.convergence.terrain.hub.console.ConsoleStore;
import fr.convergence.terrain.hub.console.web.ConsoleWeb;
import fr.convergence.terrain.hub.sync.Device;
import fr.convergence.terrain.hub.sync.Enrolments;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.hub.sync.SyncAnswer;
import fr.convergence.terrain.hub.sync.SyncService;
import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.ErrorResponse;
import fr.convergence.terrain.sync.protocol.HealthResponse;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The national hub's HTTP server. {@link #create} builds and starts it from its configuration, store and clock;
 * it keeps nothing between requests, so several processes may serve one PostgreSQL database.
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    private static final String DEVICE_ATTRIBUTE = "terrain.device";

    private final Javalin app;
    private final HubStore store;
    private final SyncService sync;
    private final Enrolments enrolments;
    private final HubConfig config;
    private final RateLimiter enrolLimit;
    private final RateLimiter failedAuthLimit;
    private final RateLimiter syncLimit;

    private Hub(HubConfig config, HubStore store, Clock clock) {
        this.config = config;
        this.store = store;
        this.sync = new SyncService(store, clock, config.futureToleranceMillis(), config.pageBytes());
        this.enrolments = new Enrolments(store, clock);
        // Real elapsed time, whatever clock the hub's data is stamped with (tests run hubs on fixed clocks).
        java.util.function.LongSupplier elapsed = () -> System.nanoTime() / 1_000_000;
        this.enrolLimit = new RateLimiter(config.limits().enrolPerMinutePerAddress(), elapsed);
        this.failedAuthLimit = new RateLimiter(config.limits().failedAuthPerMinutePerAddress(), elapsed);
        this.syncLimit = new RateLimiter(config.limits().syncPerMinutePerDevice(), elapsed);
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            // Sync bodies are compressed by the handler itself, which knows their size and content.
            javalin.http.compressionStrategy = CompressionStrategy.NONE;
            javalin.http.maxRequestSize = config.maxBodyBytes();
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            // One connector of our own (Javalin adds its plain one only when none is configured): HTTPS only when a
            // keystore is given, and idle connections kept as long as the configuration says.
            javalin.jetty.addConnector(this::connector);
            // Bodies are read whole, bounded in size and time, before a thread is given to the request (Javalin
            // attaches its servlet inside this handler).
            javalin.jetty.modifyServer(server -> server.setHandler(new BodyGate(config.maxBodyBytes(),
                    config.limits())));
            javalin.requestLogger.http((ctx, millis) -> LOG.info(
                    "http method={} path={} status={} ms={} bytesIn={} device={} client={}", ctx.method(),
                    ctx.path(), ctx.status().getCode(), Math.round(millis), ctx.req().getContentLengthLong(),
                    ctx.attribute(DEVICE_ATTRIBUTE) instanceof Device d ? d.id() : "-", client(ctx)));
            javalin.routes.get(SyncCodec.HEALTH_PATH, this::health);
            javalin.routes.post(SyncCodec.ENROL_PATH, this::enrol);
            javalin.routes.post(SyncCodec.SYNC_PATH, this::sync);
            if (store instanceof ConsoleStore console) {
                // The console for people (national team, coordinators), under /console: docs/hub-operations.md.
                new ConsoleWeb(console, store, new ConsoleAccounts(console, clock, new PasswordHasher()), enrolments,
                        clock, this::rawBody, config.limits().forwardedFor()).register(javalin.routes);
            }
            javalin.routes.exception(BadRequest.class, (e, ctx) -> {
                if (e.retryAfterSeconds > 0) {
                    ctx.header("Retry-After", Long.toString(e.retryAfterSeconds));
                }
                error(ctx, e.status, e.code, e.getMessage());
            });
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                Optional<String> storage = StorageRefusal.of(e);
                if (storage.isPresent()) {
                    // The transaction was rolled back: the laptop keeps its changes and retries (503, not 500).
                    LOG.error("database cannot write ({}): disk full or read-only? path={}", storage.get(),
                            ctx.path(), e);
                    ctx.header("Retry-After", Long.toString(StorageRefusal.RETRY_AFTER_SECONDS));
                    error(ctx, 503, ErrorResponse.STORAGE_UNAVAILABLE, StorageRefusal.MESSAGE);
                    return;
                }
                LOG.error("request failed path={}", ctx.path(), e);
                error(ctx, 500, "internal", "Le hub n'a pas pu traiter la demande ; réessayez plus tard.");
            });
        });
    }

    /** Builds the hub and starts it (port 0 picks a free port: see {@link #port()}). */
    public static Hub create(HubConfig config, HubStore store, Clock clock) {
        Hub hub = new Hub(config, store, clock);
        hub.app.start();
        LOG.info("hub started hubId={} port={} tls={}", store.hubId(), hub.port(), config.keystore() != null);
        return hub;
    }

    public int port() {
        return app.port();
    }

    /** TCP connections open on the hub's connectors now (slow or idle clients included). */
    public int openConnections() {
        int open = 0;
        for (var connector : app.jettyServer().server().getConnectors()) {
            open += connector.getConnectedEndPoints().size();
        }
        return open;
    }

    /**
     * What the hub listens on, one {@code scheme://host:port} per connector. With a keystore there is only the
     * HTTPS connector: bearer tokens and personal data never travel in clear next to it.
     */
    public List<String> listening() {
        List<String> urls = new ArrayList<>();
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector server) {
                boolean tls = server.getConnectionFactory(SslConnectionFactory.class) != null;
                urls.add((tls ? "https" : "http") + "://" + server.getHost() + ":" + server.getLocalPort());
            }
        }
        return urls;
    }

    public HubStore store() {
        return store;
    }

    public Enrolments enrolments() {
        return enrolments;
    }

    @Override
    public void close() {
        app.stop();
    }

    private ServerConnector connector(org.eclipse.jetty.server.Server server, HttpConfiguration http) {
        ServerConnector connector = config.keystore() != null ? tlsConnector(server, http)
                : new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeoutMillis());
        return connector;
    }

    private ServerConnector tlsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration http) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(config.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(config.keystorePassword());
        ssl.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        // Laptops reach the hub by IP address or an internal name as often as by its certificate's name.
        customizer.setSniHostCheck(false);
        https.addCustomizer(customizer);
        return new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    }

    /**
     * The laptop's address for the log: behind a reverse proxy, the first address of {@code X-Forwarded-For}
     * (the proxy's own address otherwise). Only logged, never trusted for a decision.
     */
    private static String client(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return ctx.ip();
    }

    private void health(Context ctx) {
        try {
            store.read(r -> r.lastSequence());
            respond(ctx, 200, new HealthResponse("ok", store.hubId(), SyncCodec.PROTOCOL, sync.hubTime()));
        } catch (RuntimeException e) {
            LOG.error("health check failed", e);
            respond(ctx, 503, new HealthResponse("database-unavailable", store.hubId(), SyncCodec.PROTOCOL,
                    sync.hubTime()));
        }
    }

    /**
     * The address limits count against: the connection's, or behind a reverse proxy that says so
     * ({@link RequestLimits#forwardedFor()}), the last address of {@code X-Forwarded-For} (the one the proxy added;
     * earlier ones are whatever the client sent).
     */
    private String address(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (config.limits().forwardedFor() && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].trim();
        }
        return ctx.req().getRemoteAddr();
    }

    private static void limit(OptionalLong wait) {
        if (wait.isPresent()) {
            throw new BadRequest(429, "too-many-requests", "Trop de demandes venant de ce poste ou de cette adresse : "
                    + "réessayez dans " + wait.getAsLong() + " s.", wait.getAsLong());
        }
    }

    private void enrol(Context ctx) throws IOException {
        limit(enrolLimit.acquire(address(ctx)));
        EnrolRequest request = read(ctx, EnrolRequest.class);
        var response = enrolments.enrol(request.code(), request.deviceId(), request.label());
        if (response.isEmpty()) {
            throw new BadRequest(403, "enrolment-refused", "Code d'enrôlement inconnu, déjà utilisé ou expiré : "
                    + "demandez un nouveau code à l'administration du hub.");
        }
        respond(ctx, 200, response.get());
    }

    private void sync(Context ctx) throws IOException {
        String address = address(ctx);
        limit(failedAuthLimit.blocked(address));
        Device device = authenticate(ctx, address);
        limit(syncLimit.acquire(device.id()));
        SyncRequest request = read(ctx, SyncRequest.class);
        if (request.protocol() != SyncCodec.PROTOCOL) {
            throw new BadRequest(400, "protocol", "Version du protocole non prise en charge (" + request.protocol()
                    + ") : mettez à jour Convergence Terrain.");
        }
        if (request.deviceId() != null && !request.deviceId().equals(device.id())) {
            throw new BadRequest(403, "device-mismatch", "Ce jeton n'appartient pas à ce poste.");
        }
        if (request.operations().size() > 20_000) {
            throw new BadRequest(413, "too-many-operations", "Trop de modifications dans une seule requête.");
        }
        SyncAnswer answer = sync.sync(device, request);
        SyncResponse response = answer.response();
        if (response.rewound() == null && response.more()) {
            // Only when a further page follows (what the laptop may ask for early): 120 bytes an end of day can keep.
            ctx.header(SyncCodec.HEAD_HUB, response.hubId());
            ctx.header(SyncCodec.HEAD_CURSOR, Long.toString(response.cursor()));
            ctx.header(SyncCodec.HEAD_MORE, Boolean.toString(response.more()));
            ctx.header(SyncCodec.HEAD_RESYNC, Boolean.toString(response.resync()));
        }
        respond(ctx, 200, answer.json(), answer::gzipped);
    }

    private Device authenticate(Context ctx, String address) {
        String header = ctx.header("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        Optional<Device> device = enrolments.authenticate(token);
        if (device.isEmpty() || device.get().revoked()) {
            failedAuthLimit.acquire(address);
        }
        if (device.isEmpty()) {
            throw new BadRequest(401, "unauthenticated", "Poste non enrôlé : enrôlez-le avec le code fourni par "
                    + "l'administration du hub.");
        }
        if (device.get().revoked()) {
            sync.refusedAsRevoked(device.get());
            throw new BadRequest(403, "device-revoked", "Ce poste a été révoqué : il ne peut plus se synchroniser. "
                    + "Contactez votre coordinateur·rice.");
        }
        ctx.attribute(DEVICE_ATTRIBUTE, device.get());
        return device.get();
    }

    /** The request's body as sent (read whole by {@link BodyGate} before the handler runs; empty when none). */
    private byte[] rawBody(Context ctx) {
        if (ctx.req().getAttribute(BodyGate.BODY) instanceof byte[] gated) {
            return gated;
        }
        try (InputStream in = ctx.req().getInputStream()) {
            return in.readNBytes(config.maxBodyBytes());
        } catch (IOException e) {
            throw new BadRequest(400, "malformed", "Requête illisible.");
        }
    }

    private <T> T read(Context ctx, Class<T> type) throws IOException {
        // Read whole, within its deadline, before the request got a thread (BodyGate); a request without a body
        // has none: reading its (empty) stream does not wait.
        byte[] body = ctx.req().getAttribute(BodyGate.BODY) instanceof byte[] gated ? gated : null;
        if (body == null) {
            try (InputStream in = ctx.req().getInputStream()) {
                body = in.readNBytes(config.maxBodyBytes() + 1);
            }
        }
        if (body.length > config.maxBodyBytes()) {
            throw new BadRequest(413, "too-large", "Requête trop volumineuse.");
        }
        String encoding = ctx.header("Content-Encoding");
        try {
            byte[] json = SyncCodec.readBounded(body, config.maxInflatedBytes(),
                    encoding != null && encoding.contains("gzip"));
            return SyncCodec.decode(json, type);
        } catch (SyncCodec.TooLargeException e) {
            throw new BadRequest(413, "too-large", e.getMessage());
        } catch (SyncCodec.MalformedMessageException e) {
            throw new BadRequest(400, "malformed", e.getMessage());
        }
    }

    private static void respond(Context ctx, int status, Object message) {
        byte[] json = SyncCodec.encode(message);
        respond(ctx, status, json, () -> SyncCodec.gzip(json));
    }

    /** {@code json} as it is, or {@code gzipped} when the client accepts it (and it is worth it). */
    private static void respond(Context ctx, int status, byte[] json, Supplier<byte[]> gzipped) {
        String accept = ctx.header("Accept-Encoding");
        ctx.status(status).contentType(SyncCodec.CONTENT_TYPE);
        if (accept != null && accept.contains("gzip") && json.length > 256) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(gzipped.get());
        } else {
            ctx.result(json);
        }
    }

    private static void error(Context ctx, int status, String code, String message) {
        respond(ctx, status, new ErrorResponse(code, message));
    }

    /** A refusal answered with a 4xx status and a French message; nothing was changed. */
    static final class BadRequest extends RuntimeException {
        final int status;
        final String code;
        final long retryAfterSeconds;

        BadRequest(int status, String code, String message) {
            this(status, code, message, 0);
        }

        BadRequest(int status, String code, String message, long retryAfterSeconds) {
            super(message);
            this.status = status;
            this.code = code;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
