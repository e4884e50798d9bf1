package fr.convergence.terrain.hub;

import fr.convergence.terrain.sync.protocol.ErrorResponse;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request's whole body before any work, without holding a thread while bytes are awaited: the hub's
 * handlers then find it in the {@link #BODY} attribute and never block on the network. The body is bounded in size
 * (413 beyond {@code maxBytes}, refused from its announced length before a byte is read) and in time (408 when it has
 * not arrived within {@link RequestLimits#bodyDeadlineMillis}); both answers close the connection. Before this, 300
 * connections sending one byte of a 100-byte body held 273 of the hub's threads and {@code /health} timed out.
 */
final class BodyGate extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    /** The request attribute holding the body's bytes (as sent: still gzip-compressed if it was). */
    static final String BODY = "terrain.body";

    private final int maxBytes;
    private final RequestLimits limits;

    BodyGate(int maxBytes, RequestLimits limits) {
        this.maxBytes = maxBytes;
        this.limits = limits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length <= 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        if (length > maxBytes) {
            refuse(request, response, callback, 413, "too-large", "Requête trop volumineuse.");
            return true;
        }
        new Reader(request, response, callback, length).start();
        return true;
    }

    private static void refuse(Request request, Response response, Callback callback, int status, String code,
                               String message) {
        // Answered before Javalin sees the request: logged here, in the same form as its request log.
        LOG.info("http method={} path={} status={} ms=- bytesIn={} device=- client={}", request.getMethod(),
                request.getHttpURI().getPath(), status, request.getLength(), Request.getRemoteAddr(request));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, SyncCodec.CONTENT_TYPE);
        // The rest of the body is not read: the connection cannot serve another request.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(SyncCodec.encode(new ErrorResponse(code, message))), callback);
    }

    /** One body being read: chunks are copied as they come (each read on a pool thread, released at once). */
    private final class Reader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body;
        private final AtomicBoolean finished = new AtomicBoolean();
        private Scheduler.Task deadline;

        Reader(Request request, Response response, Callback callback, long length) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.body = new ByteArrayOutputStream((int) Math.min(Math.max(length, 1024), 64 * 1024));
            long millis = limits.bodyDeadlineMillis(length, maxBytes);
            this.deadline = getServer().getScheduler().schedule(this::expire, millis, TimeUnit.MILLISECONDS);
        }

        void start() {
            run();
        }

        private void expire() {
            if (finished.compareAndSet(false, true)) {
                refuse(request, response, callback, 408, "timeout", "La requête n'est pas arrivée à temps : la "
                        + "connexion est trop lente ou a été coupée. Réessayez.");
            }
        }

        /** Reads what has arrived; asks to be called again when more does. */
        @Override
        public void run() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (finished.compareAndSet(false, true)) {
                        deadline.cancel();
                        callback.failed(chunk.getFailure());
                    }
                    return;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                int size = buffer.remaining();
                if (body.size() + (long) size > maxBytes) {
                    chunk.release();
                    if (finished.compareAndSet(false, true)) {
                        deadline.cancel();
                        refuse(request, response, callback, 413, "too-large", "Requête trop volumineuse.");
                    }
                    return;
                }
                if (size > 0) {
                    byte[] bytes = new byte[size];
                    buffer.get(bytes);
                    body.write(bytes, 0, size);
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (finished.compareAndSet(false, true)) {
                        deadline.cancel();
                        dispatch();
                    }
                    return;
                }
            }
        }

        private void dispatch() {
            request.setAttribute(BODY, body.toByteArray());
            try {
                if (!getHandler().handle(request, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Throwable t) {
                Response.writeError(request, response, callback, t);
            }
        }
    }
}
