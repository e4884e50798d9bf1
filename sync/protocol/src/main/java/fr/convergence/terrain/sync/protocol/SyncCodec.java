package fr.convergence.terrain.sync.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * JSON encoding of the messages, and gzip with a bound on the inflated size (a small compressed body must not
 * become gigabytes in memory). Unknown JSON properties are ignored, so a newer laptop or hub may add fields
 * within the same protocol version.
 */
public final class SyncCodec {

    /** The protocol version this code speaks. */
    public static final int PROTOCOL = 1;
    public static final String SYNC_PATH = "/api/v1/sync";
    public static final String ENROL_PATH = "/api/v1/enrol";
    public static final String HEALTH_PATH = "/health";
    public static final String CONTENT_TYPE = "application/json";
    /**
     * Headers of a sync answer that announces a further page, repeating its page's head (hub id, cursor, more,
     * resync): they reach the laptop before the body, which on a slow link takes seconds, so it may ask for the next
     * page meanwhile.
     */
    public static final String HEAD_HUB = "Terrain-Hub";
    public static final String HEAD_CURSOR = "Terrain-Cursor";
    public static final String HEAD_MORE = "Terrain-More";
    public static final String HEAD_RESYNC = "Terrain-Resync";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_LONG_FOR_INTS, false);

    private SyncCodec() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public static byte[] encode(Object message) {
        try {
            return JSON.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T decode(byte[] json, Class<T> type) throws MalformedMessageException {
        try {
            T message = JSON.readValue(json, type);
            if (message == null) {
                // The JSON literal null (or nothing at all) is no message.
                throw new MalformedMessageException("Message vide\u00a0: un objet JSON est attendu.", null);
            }
            return message;
        } catch (IOException e) {
            throw new MalformedMessageException(describe(e), e);
        }
    }

    /**
     * What is wrong with a message, in French, for the one who sent it: what kind of problem, which field and where,
     * never the parser's own text (which names Java classes and quotes the input).
     */
    static String describe(IOException e) {
        String what;
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            what = "JSON incomplet";
        } else if (e instanceof com.fasterxml.jackson.core.JsonParseException
                || e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            what = "JSON invalide";
        } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException
                || e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException) {
            what = "valeur d’un type inattendu";
        } else {
            what = "contenu inattendu";
        }
        StringBuilder text = new StringBuilder("Message illisible\u00a0: ").append(what);
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var reference : mapping.getPath()) {
                String name = reference.getFieldName();
                if (name != null && name.matches("[A-Za-z_][A-Za-z0-9_]{0,40}")) {
                    path.append(path.length() == 0 ? "" : ".").append(name);
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            if (path.length() > 0) {
                text.append(" (champ «\u00a0").append(path).append("\u00a0»)");
            }
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException processing
                && processing.getLocation() != null && processing.getLocation().getLineNr() > 0) {
            text.append(", ligne ").append(processing.getLocation().getLineNr()).append(" colonne ")
                    .append(processing.getLocation().getColumnNr());
        }
        return text.append('.').toString();
    }

    public static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Inflates at most {@code limit} bytes; more is refused, not truncated. */
    public static byte[] gunzip(byte[] compressed, int limit) throws MalformedMessageException {
        return readBounded(compressed, limit, true);
    }

    /** Reads a body that may or may not be gzip-compressed, bounded by {@code limit} bytes once inflated. */
    public static byte[] readBounded(byte[] body, int limit, boolean gzipped) throws MalformedMessageException {
        if (!gzipped) {
            if (body.length > limit) {
                throw new TooLargeException(limit);
            }
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, body.length * 4 + 64));
            byte[] buffer = new byte[8192];
            int total = 0;
            for (int read; (read = in.read(buffer)) != -1; ) {
                total += read;
                if (total > limit) {
                    throw new TooLargeException(limit);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new MalformedMessageException("Corps compressé (gzip) illisible ou tronqué.", e);
        }
    }

    /** A message that cannot be read: the request is answered 400 and changes nothing. */
    public static class MalformedMessageException extends Exception {
        public MalformedMessageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A message larger than allowed once inflated: answered 413. */
    public static final class TooLargeException extends MalformedMessageException {
        public TooLargeException(int limit) {
            super("Message trop volumineux (plus de " + limit / 1024 + " Kio une fois décompressé).", null);
        }
    }
}
