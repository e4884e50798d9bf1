package fr.convergence.terrain.sync.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A digest of one synced table's rows that a laptop and the hub compute alike, so support can tell whether a laptop
 * holds exactly the hub's rows of its scope without looking at any of them ({@code terrain check},
 * {@code terrain-hub check}). Each row becomes one line: its id, every {@link SyncSchema} field in schema order, then
 * {@code deleted}, each value in a canonical text (the laptop's typed columns and the hub's JSON values give the same
 * text); the lines are sorted, so the digest does not depend on the order rows are read, and hashed with SHA-256.
 * {@code version} and {@code updated_by} are left out: they say who wrote a row, which is not what the two copies
 * must agree on.
 */
public final class TableChecksum {

    /** The text of a null value: not a value any field can hold once escaped. */
    static final String NULL = "\\N";

    /** One table's figures. */
    public record Result(String table, long rows, String sha256) {

        /** One aligned line of a check's text output: table, rows, digest (no words, so no language). */
        public String line() {
            return String.format(java.util.Locale.ROOT, "%-24s %9d  %s", table, rows, sha256);
        }
    }

    private final SyncSchema.Table table;
    private final List<String> lines = new ArrayList<>();

    private TableChecksum(SyncSchema.Table table) {
        this.table = table;
    }

    /** An empty digest of {@code table}'s rows. */
    public static TableChecksum of(SyncSchema.Table table) {
        return new TableChecksum(table);
    }

    /**
     * Adds one row; {@code valueOf} gives a field's value by name ({@code deleted} included) as the caller holds it:
     * {@code LocalDate} or ISO text for dates, any {@code Number} for whole numbers, {@code Boolean} or 0/1 for flags.
     */
    public TableChecksum add(String id, Function<String, Object> valueOf) {
        StringBuilder line = new StringBuilder(escape(id));
        for (SyncSchema.Field field : table.fields()) {
            line.append('\t').append(canonical(field.type(), valueOf.apply(field.name())));
        }
        line.append('\t').append(canonical(SyncSchema.Type.BOOL, valueOf.apply(SyncSchema.DELETED)));
        lines.add(line.toString());
        return this;
    }

    /** Adds one row held as field name → value. */
    public TableChecksum add(String id, Map<String, ?> values) {
        return add(id, values::get);
    }

    /** The row count and the digest of the rows added so far. */
    public Result result() {
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        MessageDigest sha256 = sha256();
        for (String line : sorted) {
            sha256.update(line.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
        }
        return new Result(table.name(), sorted.size(), HexFormat.of().formatHex(sha256.digest()));
    }

    /** The canonical text of a value of this wire type (package-visible for tests). */
    static String canonical(SyncSchema.Type type, Object value) {
        if (value == null) {
            return NULL;
        }
        return switch (type) {
            case INT, LONG -> value instanceof Number n ? Long.toString(n.longValue()) : value.toString().strip();
            case BOOL -> Boolean.toString(value instanceof Number n ? n.longValue() != 0
                    : value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString().strip()));
            // LocalDate.toString() is ISO (yyyy-MM-dd), the text dates travel and are kept as on the hub.
            case DATE -> value.toString();
            case TEXT -> escape(value.toString());
        };
    }

    /** Backslash, tab and line breaks escaped, so no text can pass for a separator or the null token. */
    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
