package fr.convergence.terrain.sync.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The changed fields of an {@link Operation} already encoded: the JSON object the laptop's outbox holds, which is
 * what {@code f} carries on the wire. It is written into the request as it is ({@link Writer}), so a change is encoded
 * once, when it is saved, not parsed and encoded again at each sync. As a map it is read only if someone asks (tests),
 * parsed once as the hub would read it, and unmodifiable.
 *
 * <p>The outbox's text is Jackson's output to a {@code String}; a request is Jackson's output to bytes, which is the
 * same text but for characters outside the BMP (an emoji in a note): the byte output escapes each half of their
 * UTF-16 pair (<code>&#92;uD83D&#92;uDE00</code>), the {@code String} output writes them as they are. They are
 * escaped here the same way, so that a request carries the very bytes it carried when the fields were parsed and
 * encoded again.
 */
@JsonSerialize(using = EncodedFields.Writer.class)
final class EncodedFields extends AbstractMap<String, Object> {

    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final String json;
    private volatile Map<String, Object> parsed;

    /** @param json a JSON object, as Jackson writes one (it is not checked beyond its braces) */
    EncodedFields(String json) {
        Objects.requireNonNull(json, "json");
        if (!json.startsWith("{") || !json.endsWith("}")) {
            throw new IllegalArgumentException("The changed fields of an operation are a JSON object");
        }
        this.json = surrogatesEscaped(json);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return parsed().entrySet();
    }

    @Override
    public Object get(Object key) {
        return parsed().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return parsed().containsKey(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedFields encoded && encoded.json.equals(json) || super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    /**
     * {@code json} with each UTF-16 surrogate written <code>&#92;uXXXX</code>, as Jackson's byte output writes them.
     * JSON's structure is ASCII, so a surrogate is always inside a string, where the escape means the same character.
     */
    static String surrogatesEscaped(String json) {
        int first = 0;
        while (first < json.length() && !Character.isSurrogate(json.charAt(first))) {
            first++;
        }
        if (first == json.length()) {
            return json;
        }
        StringBuilder escaped = new StringBuilder(json.length() + 16).append(json, 0, first);
        for (int i = first; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isSurrogate(c)) {
                escaped.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private Map<String, Object> parsed() {
        Map<String, Object> map = parsed;
        if (map == null) {
            try {
                map = Collections.unmodifiableMap(SyncCodec.json().readValue(json, FIELDS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Changed fields that are not JSON", e);
            }
            parsed = map;
        }
        return map;
    }

    /** Writes the fields as they were encoded. */
    static final class Writer extends StdSerializer<EncodedFields> {

        Writer() {
            super(EncodedFields.class);
        }

        @Override
        public void serialize(EncodedFields fields, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            json.writeRawValue(fields.json);
        }
    }
}
