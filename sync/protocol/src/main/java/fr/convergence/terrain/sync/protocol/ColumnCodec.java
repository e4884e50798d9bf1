package fr.convergence.terrain.sync.protocol;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Page encodings by column. {@code columns/1}: the rows of one {@link TableChanges} group sent column by column,
 * each column in the densest of a few forms (documented in docs/sync-protocol.md, "Page encoding"):
 * <ul>
 *   <li>{@code {"c": v}} — every row has the same value (a default: {@code deleted=false}, a null field);</li>
 *   <li>{@code {"derived": true}} — the id is computed from the row (hours cells: from participant, day, kind);</li>
 *   <li>{@code {"t": [rows]}} — a boolean column: the rows where it is true;</li>
 *   <li>{@code {"d": [values], "i": [indices]}} — a dictionary (participant ids, worksites, authors, kinds);</li>
 *   <li>{@code {"z": [deltas], "nulls": [rows]}} — whole numbers and dates (days since 1970) as differences
 *       from the previous non-null value;</li>
 *   <li>{@code {"hlc": {"m": col, "c": col, "n": col}}} — versions split into their millis, counter and node;</li>
 *   <li>{@code {"v": [values]}} — anything else, as is.</li>
 * </ul>
 * {@code columns/2} is {@code columns/1} plus forms for what dominates an initial sync once text is compressed:
 * random UUIDs, which gzip cannot shrink as hex text.
 * <ul>
 *   <li>{@code {"u": "base64", "nulls": [rows]}} — {@code v} of canonical UUIDs, packed as 16 bytes each;</li>
 *   <li>{@code {"du": "base64", "i": [indices], "nulls": [rows]}} — a dictionary of canonical UUIDs, packed (when
 *       more than one id in six repeats an earlier one);</li>
 *   <li>{@code {"r": group, "z": [deltas], "nulls": [rows]}} — a reference whose values are all ids of one earlier
 *       group of the same page (parents come first): the row positions in that group, as differences.</li>
 * </ul>
 * {@code columns/3} is {@code columns/2} plus one form for ids allocated per device (the most significant half a
 * fixed prefix of the device, the least significant half a counter), which {@code u} would still send as 16 bytes:
 * <ul>
 *   <li>{@code {"s": "base64", "i": [indices], "z": [deltas], "nulls": [rows]}} — UUIDs split in halves: {@code s}
 *       the distinct most significant halves (8 bytes each, in first-seen order), {@code i} the half of each
 *       non-null row (absent when there is only one), {@code z} the least significant halves as differences from
 *       the previous value of the same prefix (the first from 0, as signed longs, wrapping). Used when there are at
 *       most a quarter as many prefixes as non-null values, some prefix has more than one value and repeated values
 *       mostly come in runs; otherwise (random ids: every half distinct) {@code u} / {@code du} as in
 *       {@code columns/2}.</li>
 * </ul>
 * Rows are sorted by their reference and date columns first, which makes those columns runs and small deltas
 * (in {@code columns/2}, a reference sent as {@code r} sorts by the parent's position, so its deltas are 0 and 1);
 * then by id, whose text order is a device's prefix then its counter.
 * Decoding gives back the same groups (same columns, the same values as the row encoding would carry), so the
 * laptop applies pages the same way whatever the encoding; one decoder reads every encoding.
 */
public final class ColumnCodec {

    /** The encoding names a laptop may ask for in {@link SyncRequest#encoding()}. */
    public static final String COLUMNS_1 = "columns/1";
    public static final String COLUMNS_2 = "columns/2";
    public static final String COLUMNS_3 = "columns/3";

    private static final int UUID_BYTES = 16;
    /** One most significant half of a UUID, in the {@code s} form. */
    private static final int HALF_BYTES = 8;

    private ColumnCodec() {
    }

    /** One group of a page, by column: its table, column names, number of rows and encoded columns. */
    public record ColumnTable(String table, List<String> columns, int rows, List<Map<String, Object>> data) {
    }

    /** Whether {@code encoding} names a page encoding of this codec (null and unknown names do not). */
    public static boolean known(String encoding) {
        return level(encoding) > 0;
    }

    /** 1, 2 or 3 for {@code columns/1}, {@code /2}, {@code /3} (each has the forms of the one before), else 0. */
    private static int level(String encoding) {
        if (COLUMNS_1.equals(encoding)) {
            return 1;
        } else if (COLUMNS_2.equals(encoding)) {
            return 2;
        } else if (COLUMNS_3.equals(encoding)) {
            return 3;
        }
        return 0;
    }

    /**
     * A page in {@code encoding} ({@link #COLUMNS_1}, {@link #COLUMNS_2} or {@link #COLUMNS_3}). The groups must be
     * in apply order (parents first), as the hub sends them: a {@code columns/2} reference only points to an earlier
     * group. Hours ids that {@code ids} gives are left out.
     */
    public static List<ColumnTable> encode(List<TableChanges> groups, String encoding, HoursCellIds ids) {
        if (!known(encoding)) {
            throw new IllegalArgumentException("Unknown page encoding: " + encoding);
        }
        int level = level(encoding);
        List<ColumnTable> tables = new ArrayList<>(groups.size());
        List<SentGroup> sent = new ArrayList<>(groups.size());
        for (TableChanges group : groups) {
            tables.add(encode(group, level, sent, ids));
        }
        return tables;
    }

    /**
     * Any encoding: the forms say which, and a reference reads the groups decoded before it; ids left out are
     * derived with {@code ids}.
     */
    public static List<TableChanges> decode(List<ColumnTable> tables, HoursCellIds ids) {
        List<TableChanges> groups = new ArrayList<>(tables.size());
        for (ColumnTable table : tables) {
            groups.add(decode(table, groups, ids));
        }
        return groups;
    }

    /** An encoded group as the later groups of its page may point into it: the position of each row id. */
    private record SentGroup(String table, Map<Object, Integer> positionOfId) {
    }

    /** Encodes one group and records it in {@code sent} for the groups after it. */
    private static ColumnTable encode(TableChanges group, int level, List<SentGroup> sent, HoursCellIds ids) {
        List<String> columns = group.columns();
        Map<Integer, Integer> parentGroups = level >= 2 ? parentGroups(group, sent) : Map.of();
        Map<Integer, Map<Object, Integer>> parentPositions = new HashMap<>();
        parentGroups.forEach((column, parent) -> parentPositions.put(column, sent.get(parent).positionOfId()));
        List<List<Object>> rows = new ArrayList<>(group.rows());
        rows.sort(order(group.table(), columns, parentPositions));
        List<Map<String, Object>> data = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            List<Object> values = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                values.add(row.get(c));
            }
            if (name.equals(SyncSchema.ID) && derivable(group.table(), columns, rows, ids)) {
                data.add(Map.of("derived", true));
            } else if (name.equals(SyncSchema.VERSION)) {
                data.add(version(values, level));
            } else if (parentGroups.containsKey(c)) {
                data.add(reference(values, parentGroups.get(c), parentPositions.get(c)));
            } else {
                data.add(column(values, typeOf(group.table(), name), level));
            }
        }
        Map<Object, Integer> positionOfId = new HashMap<>();
        int id = columns.indexOf(SyncSchema.ID);
        for (int r = 0; id >= 0 && r < rows.size(); r++) {
            if (rows.get(r).get(id) != null) {
                positionOfId.putIfAbsent(rows.get(r).get(id), r);
            }
        }
        sent.add(new SentGroup(group.table(), positionOfId));
        return new ColumnTable(group.table(), columns, rows.size(), data);
    }

    private static TableChanges decode(ColumnTable table, List<TableChanges> earlier, HoursCellIds ids) {
        int n = table.rows();
        List<List<Object>> columns = new ArrayList<>(table.columns().size());
        int idColumn = -1;
        for (int c = 0; c < table.columns().size(); c++) {
            String name = table.columns().get(c);
            Map<String, Object> spec = table.data().get(c);
            if (Boolean.TRUE.equals(spec.get("derived"))) {
                idColumn = c;
                columns.add(null);
            } else {
                List<Object> values = values(spec, n, typeOf(table.table(), name), parentOf(table.table(), name),
                        earlier);
                if (values.size() != n) {
                    throw malformed(table.table() + "." + name + ": " + values.size() + " values for " + n + " rows");
                }
                columns.add(values);
            }
        }
        List<List<Object>> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            List<Object> row = new ArrayList<>(columns.size());
            for (List<Object> column : columns) {
                row.add(column == null ? null : column.get(r));
            }
            rows.add(row);
        }
        if (idColumn >= 0) {
            for (List<Object> row : rows) {
                row.set(idColumn, derivedId(table.table(), table.columns(), row, ids));
            }
        }
        return new TableChanges(table.table(), table.columns(), rows);
    }

    // --- ids -------------------------------------------------------------------------------------------------

    /**
     * The id a row's natural key gives, for tables whose ids are derived (hours cells: one per participant, day
     * and kind, the same on every laptop), or null.
     */
    private static String derivedId(String table, List<String> columns, List<Object> row, HoursCellIds ids) {
        if (!table.equals("hours_entry")) {
            return null;
        }
        int participant = columns.indexOf("participant_id");
        int day = columns.indexOf("work_day");
        int kind = columns.indexOf("kind");
        if (participant < 0 || day < 0 || kind < 0) {
            return null;
        }
        return ids.id(String.valueOf(row.get(participant)), String.valueOf(row.get(day)),
                String.valueOf(row.get(kind)));
    }

    private static boolean derivable(String table, List<String> columns, List<List<Object>> rows, HoursCellIds ids) {
        int id = columns.indexOf(SyncSchema.ID);
        for (List<Object> row : rows) {
            String derived = derivedId(table, columns, row, ids);
            if (derived == null || !derived.equals(row.get(id))) {
                return false;
            }
        }
        return !rows.isEmpty();
    }

    // --- row order --------------------------------------------------------------------------------------------

    /**
     * References first (by the parent's position when the parent group is in the page, else by the id's text),
     * then dates, then id.
     */
    private static Comparator<List<Object>> order(String table, List<String> columns,
                                                  Map<Integer, Map<Object, Integer>> parentPositions) {
        List<Integer> keys = new ArrayList<>();
        SyncSchema.table(table).ifPresent(t -> {
            for (SyncSchema.Field f : t.fields()) {
                if (f.parent() != null && columns.contains(f.name())) {
                    keys.add(columns.indexOf(f.name()));
                }
            }
            for (SyncSchema.Field f : t.fields()) {
                if (f.type() == SyncSchema.Type.DATE && columns.contains(f.name())) {
                    keys.add(columns.indexOf(f.name()));
                }
            }
        });
        keys.add(columns.indexOf(SyncSchema.ID));
        Comparator<List<Object>> order = (a, b) -> 0;
        for (int k : keys) {
            Map<Object, Integer> positions = parentPositions.get(k);
            order = order.thenComparing(positions != null
                    ? Comparator.comparing((List<Object> row) -> row.get(k) == null ? null : positions.get(row.get(k)),
                            Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
                    : Comparator.comparing((List<Object> row) -> text(row.get(k)),
                            Comparator.nullsFirst(Comparator.<String>naturalOrder())));
        }
        return order;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    // --- columns ----------------------------------------------------------------------------------------------

    private static SyncSchema.Type typeOf(String table, String column) {
        if (column.equals(SyncSchema.DELETED)) {
            return SyncSchema.Type.BOOL;
        }
        return SyncSchema.table(table).flatMap(t -> t.field(column)).map(SyncSchema.Field::type)
                .orElse(SyncSchema.Type.TEXT);
    }

    /**
     * The columns of {@code group} that are references whose every non-null value is the id of a row of one
     * group already sent in this page (that group's table being the reference's parent): column → group index.
     */
    private static Map<Integer, Integer> parentGroups(TableChanges group, List<SentGroup> sent) {
        Map<Integer, Integer> parents = new HashMap<>();
        SyncSchema.Table table = SyncSchema.table(group.table()).orElse(null);
        if (table == null) {
            return parents;
        }
        for (SyncSchema.Field reference : table.references()) {
            int c = group.columns().indexOf(reference.name());
            if (c < 0) {
                continue;
            }
            Set<Object> ids = new HashSet<>();
            for (List<Object> row : group.rows()) {
                if (row.get(c) != null) {
                    ids.add(row.get(c));
                }
            }
            for (int g = 0; g < sent.size() && !ids.isEmpty(); g++) {
                SentGroup candidate = sent.get(g);
                if (candidate.table().equals(reference.parent())
                        && candidate.positionOfId().keySet().containsAll(ids)) {
                    parents.put(c, g);
                    break;
                }
            }
        }
        return parents;
    }

    private static Map<String, Object> reference(List<Object> values, int group, Map<Object, Integer> positionOfId) {
        List<Long> positions = new ArrayList<>(values.size());
        for (Object v : values) {
            positions.add(v == null ? null : (long) positionOfId.get(v));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("r", group);
        spec.putAll(deltas(positions));
        return spec;
    }

    private static Map<String, Object> column(List<Object> values, SyncSchema.Type type, int level) {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (values.isEmpty() || values.stream().allMatch(v -> Objects.equals(v, values.get(0)))) {
            spec.put("c", values.isEmpty() ? null : values.get(0));
            return spec;
        }
        switch (type) {
            case BOOL -> {
                if (values.stream().allMatch(v -> v instanceof Boolean)) {
                    List<Integer> trues = new ArrayList<>();
                    for (int i = 0; i < values.size(); i++) {
                        if ((Boolean) values.get(i)) {
                            trues.add(i);
                        }
                    }
                    spec.put("t", trues);
                    return spec;
                }
            }
            case DATE -> {
                List<Long> days = new ArrayList<>(values.size());
                boolean ok = true;
                for (Object v : values) {
                    Long day = epochDay(v);
                    if (v != null && day == null) {
                        ok = false;
                        break;
                    }
                    days.add(day);
                }
                if (ok) {
                    return deltas(days);
                }
            }
            case LONG -> {
                if (values.stream().allMatch(v -> v == null || v instanceof Integer || v instanceof Long)) {
                    List<Long> numbers = new ArrayList<>(values.size());
                    values.forEach(v -> numbers.add(v == null ? null : ((Number) v).longValue()));
                    return deltas(numbers);
                }
            }
            default -> {
            }
        }
        if (level >= 2 && values.stream().anyMatch(Objects::nonNull)
                && values.stream().allMatch(v -> v == null || canonicalUuid(v))) {
            if (level >= 3 && sharePrefixes(values)) {
                return prefixedUuids(values);
            }
            return packedUuids(values, repeatsOften(values));
        }
        Set<Object> distinct = new HashSet<>(values);
        if (distinct.size() * 2 <= values.size()) {
            Map<Object, Integer> index = new LinkedHashMap<>();
            List<Integer> indices = new ArrayList<>(values.size());
            for (Object v : values) {
                indices.add(index.computeIfAbsent(v, k -> index.size()));
            }
            spec.put("d", new ArrayList<>(index.keySet()));
            spec.put("i", indices);
            return spec;
        }
        spec.put("v", values);
        return spec;
    }

    /** Whether the value is a UUID as {@link UUID#toString()} writes it, so packing it gives back the same text. */
    private static boolean canonicalUuid(Object value) {
        if (!(value instanceof String text) || text.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether more than one non-null value in six repeats an earlier one: then packed ids go as a dictionary. An
     * index costs about 2 bytes gzipped, a repeated id about 16: base64 puts 16 bytes across 3-character groups in
     * three ways, so gzip sees only one repeat in three.
     */
    private static boolean repeatsOften(List<Object> values) {
        List<Object> present = values.stream().filter(Objects::nonNull).toList();
        long repeats = present.size() - new HashSet<>(present).size();
        return repeats * 6 > present.size();
    }

    /** {@code du} + {@code i} (a dictionary) or {@code u} (the values as they are), nulls aside. */
    private static Map<String, Object> packedUuids(List<Object> values, boolean dictionary) {
        Map<String, Object> spec = new LinkedHashMap<>();
        List<Integer> nulls = new ArrayList<>();
        if (dictionary) {
            Map<Object, Integer> index = new LinkedHashMap<>();
            List<Integer> indices = new ArrayList<>(values.size());
            for (int r = 0; r < values.size(); r++) {
                if (values.get(r) == null) {
                    nulls.add(r);
                } else {
                    indices.add(index.computeIfAbsent(values.get(r), k -> index.size()));
                }
            }
            spec.put("du", pack(index.keySet()));
            spec.put("i", indices);
        } else {
            List<Object> present = new ArrayList<>(values.size());
            for (int r = 0; r < values.size(); r++) {
                if (values.get(r) == null) {
                    nulls.add(r);
                } else {
                    present.add(values.get(r));
                }
            }
            spec.put("u", pack(present));
        }
        if (!nulls.isEmpty()) {
            spec.put("nulls", nulls);
        }
        return spec;
    }

    /**
     * Whether the ids go better by prefix ({@code s}) than packed whole ({@code u}, {@code du}), as measured on
     * 3,000 ids gzipped:
     * <ul>
     *   <li>at most one distinct most significant half for four non-null values: ids allocated per device. Random
     *       ids have all their halves distinct; a few among device ids cost about what {@code u} costs them, and
     *       the two forms break even near a quarter of random ids;</li>
     *   <li>some prefix with more than one value: when each prefix has a single value (device ids in
     *       {@code updated_by}), {@code du} says the same without the differences;</li>
     *   <li>repeats that come in runs (a reference the rows are sorted by: differences 0), not scattered: when
     *       more than one value in six repeats an earlier value other than the row's before (an author among a
     *       few), the differences jump about and {@code du}'s indices are smaller.</li>
     * </ul>
     */
    private static boolean sharePrefixes(List<Object> values) {
        Set<Long> prefixes = new HashSet<>();
        Set<Object> distinct = new HashSet<>();
        int present = 0;
        int runs = 0;
        Object before = null;
        for (Object v : values) {
            if (v != null) {
                present++;
                distinct.add(v);
                prefixes.add(UUID.fromString((String) v).getMostSignificantBits());
                if (v.equals(before)) {
                    runs++;
                }
                before = v;
            }
        }
        long scattered = present - distinct.size() - runs;
        return prefixes.size() * 4 <= present && distinct.size() > prefixes.size() && scattered * 6 <= present;
    }

    /**
     * {@code s} (the distinct most significant halves, in first-seen order) + {@code i} (each non-null row's
     * prefix, absent when there is only one) + {@code z} (the least significant halves as differences from the
     * previous one of the same prefix, the first from 0, wrapping), nulls aside. A device's counter makes those
     * differences small, a repeated value (a reference) makes them 0.
     */
    private static Map<String, Object> prefixedUuids(List<Object> values) {
        Map<Long, Integer> prefixes = new LinkedHashMap<>();
        List<Long> previous = new ArrayList<>();
        List<Integer> indices = new ArrayList<>(values.size());
        List<Long> deltas = new ArrayList<>(values.size());
        List<Integer> nulls = new ArrayList<>();
        for (int r = 0; r < values.size(); r++) {
            if (values.get(r) == null) {
                nulls.add(r);
                continue;
            }
            UUID uuid = UUID.fromString((String) values.get(r));
            int p = prefixes.computeIfAbsent(uuid.getMostSignificantBits(), k -> prefixes.size());
            if (p == previous.size()) {
                previous.add(0L);
            }
            indices.add(p);
            deltas.add(uuid.getLeastSignificantBits() - previous.get(p));
            previous.set(p, uuid.getLeastSignificantBits());
        }
        ByteBuffer halves = ByteBuffer.allocate(prefixes.size() * HALF_BYTES);
        prefixes.keySet().forEach(halves::putLong);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("s", Base64.getEncoder().encodeToString(halves.array()));
        if (prefixes.size() > 1) {
            spec.put("i", indices);
        }
        spec.put("z", deltas);
        if (!nulls.isEmpty()) {
            spec.put("nulls", nulls);
        }
        return spec;
    }

    private static String pack(Collection<Object> uuids) {
        ByteBuffer bytes = ByteBuffer.allocate(uuids.size() * UUID_BYTES);
        for (Object text : uuids) {
            UUID uuid = UUID.fromString((String) text);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static List<String> unpack(Object base64) {
        byte[] bytes = base64(base64, "identifiants tassés");
        if (bytes.length % UUID_BYTES != 0) {
            throw malformed("identifiants tassés sur " + bytes.length + " octets");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        List<String> uuids = new ArrayList<>(bytes.length / UUID_BYTES);
        while (buffer.hasRemaining()) {
            uuids.add(new UUID(buffer.getLong(), buffer.getLong()).toString());
        }
        return uuids;
    }

    private static Map<String, Object> deltas(List<Long> numbers) {
        Map<String, Object> spec = new LinkedHashMap<>();
        List<Long> deltas = new ArrayList<>(numbers.size());
        List<Integer> nulls = new ArrayList<>();
        long previous = 0;
        for (int i = 0; i < numbers.size(); i++) {
            Long v = numbers.get(i);
            if (v == null) {
                nulls.add(i);
            } else {
                deltas.add(v - previous);
                previous = v;
            }
        }
        spec.put("z", deltas);
        if (!nulls.isEmpty()) {
            spec.put("nulls", nulls);
        }
        return spec;
    }

    private static Map<String, Object> version(List<Object> values, int level) {
        List<Object> millis = new ArrayList<>(values.size());
        List<Object> counters = new ArrayList<>(values.size());
        List<Object> nodes = new ArrayList<>(values.size());
        for (Object v : values) {
            String[] parts = v instanceof String s ? hlc(s) : null;
            if (parts == null) {
                return column(values, SyncSchema.Type.TEXT, level);
            }
            millis.add(Long.parseLong(parts[0], 16));
            counters.add(Integer.parseInt(parts[1], 16));
            nodes.add(parts[2]);
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("m", column(millis, SyncSchema.Type.LONG, level));
        parts.put("c", column(counters, SyncSchema.Type.INT, level));
        parts.put("n", column(nodes, SyncSchema.Type.TEXT, level));
        return Map.of("hlc", parts);
    }

    /**
     * millis (12 lowercase hex digits), counter (4), node; null unless the text is exactly that form, so that
     * {@link #hlcText} gives it back. Hand-written: a first sync's page holds tens of thousands of versions.
     */
    private static String[] hlc(String text) {
        if (text.length() < 19 || text.charAt(12) != '-' || text.charAt(17) != '-') {
            return null;
        }
        for (int i = 0; i < 17; i++) {
            char c = text.charAt(i);
            if (i != 12 && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return null;
            }
        }
        return new String[] {text.substring(0, 12), text.substring(13, 17), text.substring(18)};
    }

    /** {@code String.format("%012x-%04x-%s", millis, counter, node)}, without the formatter's cost. */
    private static String hlcText(long millis, int counter, Object node) {
        String m = Long.toHexString(millis);
        String c = Integer.toHexString(counter);
        String n = String.valueOf(node);
        StringBuilder text = new StringBuilder(18 + n.length());
        text.append("000000000000", 0, Math.max(0, 12 - m.length())).append(m).append('-');
        text.append("0000", 0, Math.max(0, 4 - c.length())).append(c).append('-').append(n);
        return text.toString();
    }

    private static Long epochDay(Object value) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.toString());
            return day.toString().equals(value) ? day.toEpochDay() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    // --- decoding ---------------------------------------------------------------------------------------------

    private static String parentOf(String table, String column) {
        return SyncSchema.table(table).flatMap(t -> t.field(column)).map(SyncSchema.Field::parent).orElse(null);
    }

    /** A page that does not hold together (a bad peer or a corrupted body): refused whole, never half-read. */
    private static IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException("Page illisible\u00a0: " + what);
    }

    /** {@code list.get(index)}, or a page refused as malformed. */
    private static <T> T at(List<T> list, long index, String what) {
        if (index < 0 || index >= list.size()) {
            throw malformed(what + "\u00a0: position " + index + " hors de 0.." + (list.size() - 1));
        }
        return list.get((int) index);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(Map<String, Object> spec, int n, SyncSchema.Type type, String parentTable,
                                       List<TableChanges> earlier) {
        List<Object> values = new ArrayList<>(n);
        if (spec.containsKey("c")) {
            for (int i = 0; i < n; i++) {
                values.add(spec.get("c"));
            }
        } else if (spec.containsKey("t")) {
            Set<Integer> trues = new HashSet<>();
            for (Object i : (List<Object>) spec.get("t")) {
                trues.add(row(i, n));
            }
            for (int i = 0; i < n; i++) {
                values.add(trues.contains(i));
            }
        } else if (spec.containsKey("r")) {
            int g = ((Number) spec.get("r")).intValue();
            if (g < 0 || g >= earlier.size()) {
                throw malformed("référence vers le groupe " + g + ", pas décodé avant elle");
            }
            TableChanges parent = earlier.get(g);
            if (parentTable == null || !parentTable.equals(parent.table())) {
                throw malformed("référence vers le groupe " + g + " (" + parent.table() + "), attendu " + parentTable);
            }
            int id = parent.columns().indexOf(SyncSchema.ID);
            for (Long position : numbers(spec, n)) {
                values.add(position == null ? null : at(parent.rows(), position, "référence").get(id));
            }
        } else if (spec.containsKey("d")) {
            List<Object> dictionary = (List<Object>) spec.get("d");
            for (Object i : (List<Object>) spec.get("i")) {
                values.add(at(dictionary, ((Number) i).longValue(), "dictionnaire"));
            }
        } else if (spec.containsKey("du") || spec.containsKey("u")) {
            List<String> packed = unpack(spec.containsKey("du") ? spec.get("du") : spec.get("u"));
            Set<Integer> nulls = nulls(spec, n);
            Iterator<Object> indices = spec.containsKey("du") ? ((List<Object>) spec.get("i")).iterator() : null;
            int next = 0;
            for (int i = 0; i < n; i++) {
                if (nulls.contains(i)) {
                    values.add(null);
                } else if (indices != null) {
                    if (!indices.hasNext()) {
                        throw malformed("moins d’indices que de lignes");
                    }
                    values.add(at(packed, ((Number) indices.next()).longValue(), "dictionnaire"));
                } else {
                    values.add(at(packed, next++, "identifiants"));
                }
            }
            if (indices != null ? indices.hasNext() : next != packed.size()) {
                throw malformed("plus de valeurs que de lignes");
            }
        } else if (spec.containsKey("s")) {
            values.addAll(prefixedUuids(spec, n));
        } else if (spec.containsKey("z")) {
            for (Long number : numbers(spec, n)) {
                values.add(number == null ? null
                        : type == SyncSchema.Type.DATE ? LocalDate.ofEpochDay(number).toString() : number(number));
            }
        } else if (spec.containsKey("hlc")) {
            Map<String, Map<String, Object>> parts = (Map<String, Map<String, Object>>) spec.get("hlc");
            List<Object> millis = values(parts.get("m"), n, SyncSchema.Type.LONG, null, earlier);
            List<Object> counters = values(parts.get("c"), n, SyncSchema.Type.INT, null, earlier);
            List<Object> nodes = values(parts.get("n"), n, SyncSchema.Type.TEXT, null, earlier);
            if (millis.size() != n || counters.size() != n || nodes.size() != n) {
                throw malformed("version\u00a0: parties de tailles différentes");
            }
            for (int i = 0; i < n; i++) {
                values.add(hlcText(((Number) millis.get(i)).longValue(), ((Number) counters.get(i)).intValue(),
                        nodes.get(i)));
            }
        } else {
            values.addAll((List<Object>) spec.get("v"));
        }
        return values;
    }

    /** The {@code s} form read back: each UUID from its prefix and the running sum of its prefix's differences. */
    private static List<String> prefixedUuids(Map<String, Object> spec, int n) {
        byte[] bytes = base64(spec.get("s"), "préfixes d’identifiants");
        if (bytes.length % HALF_BYTES != 0) {
            throw malformed("préfixes d’identifiants sur " + bytes.length + " octets");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        List<Long> prefixes = new ArrayList<>(bytes.length / HALF_BYTES);
        while (buffer.hasRemaining()) {
            prefixes.add(buffer.getLong());
        }
        Set<Integer> nulls = nulls(spec, n);
        int present = n - nulls.size();
        List<?> deltas = list(spec.get("z"), "différences d’identifiants");
        if (deltas.size() != present) {
            throw malformed(deltas.size() + " différences pour " + present + " identifiants");
        }
        List<?> indices = null;
        if (spec.containsKey("i")) {
            indices = list(spec.get("i"), "indices de préfixe");
            if (indices.size() != present) {
                throw malformed(indices.size() + " indices de préfixe pour " + present + " identifiants");
            }
        } else if (prefixes.size() != 1) {
            throw malformed("pas d’indices pour " + prefixes.size() + " préfixes d’identifiants");
        }
        long[] previous = new long[prefixes.size()];
        List<String> uuids = new ArrayList<>(n);
        int next = 0;
        for (int r = 0; r < n; r++) {
            if (nulls.contains(r)) {
                uuids.add(null);
                continue;
            }
            long index = indices == null ? 0 : whole(indices.get(next), "indice de préfixe");
            long prefix = at(prefixes, index, "préfixe d’identifiant");
            int p = (int) index;
            previous[p] += whole(deltas.get(next), "différence d’identifiant");
            uuids.add(new UUID(prefix, previous[p]).toString());
            next++;
        }
        return uuids;
    }

    /** The bytes of a base64 string, or a page refused as malformed. */
    private static byte[] base64(Object text, String what) {
        if (!(text instanceof String s)) {
            throw malformed(what + "\u00a0: pas une chaîne base64");
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw malformed(what + "\u00a0: base64 invalide");
        }
    }

    private static List<?> list(Object value, String what) {
        if (!(value instanceof List<?> list)) {
            throw malformed(what + "\u00a0: liste attendue");
        }
        return list;
    }

    /** A JSON whole number that fits in a long, or a page refused as malformed. */
    private static long whole(Object value, String what) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            return big.longValue();
        }
        throw malformed(what + "\u00a0: " + value + " n’est pas un entier sur 64 bits");
    }

    /** The rows listed in {@code nulls}. */
    @SuppressWarnings("unchecked")
    private static Set<Integer> nulls(Map<String, Object> spec, int n) {
        Set<Integer> nulls = new HashSet<>();
        for (Object i : (List<Object>) spec.getOrDefault("nulls", List.of())) {
            nulls.add(row(i, n));
        }
        return nulls;
    }

    private static int row(Object index, int n) {
        long row = ((Number) index).longValue();
        if (row < 0 || row >= n) {
            throw malformed("ligne " + row + " hors de 0.." + (n - 1));
        }
        return (int) row;
    }

    /** The {@code z} deltas summed back, null at the rows listed in {@code nulls}. */
    @SuppressWarnings("unchecked")
    private static List<Long> numbers(Map<String, Object> spec, int n) {
        Set<Integer> nulls = nulls(spec, n);
        List<Object> deltas = (List<Object>) spec.get("z");
        if (deltas.size() != n - nulls.size()) {
            throw malformed(deltas.size() + " différences pour " + (n - nulls.size()) + " valeurs");
        }
        List<Long> numbers = new ArrayList<>(n);
        long previous = 0;
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (nulls.contains(i)) {
                numbers.add(null);
                continue;
            }
            previous += ((Number) deltas.get(next++)).longValue();
            numbers.add(previous);
        }
        return numbers;
    }

    /** As the JSON row encoding reads it: an Integer when it fits, else a Long. */
    private static Object number(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
    }
}
