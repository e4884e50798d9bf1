package fr.convergence.terrain.sync.protocol;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Page encoding {@code columns/1}: the rows of one {@link TableChanges} group sent column by column, each column
 * in the densest of a few forms (documented in docs/sync-protocol.md, "Page encoding"):
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
 * Rows are sorted by their reference and date columns first, which makes those columns runs and small deltas.
 * Decoding gives back the same group (same columns, the same values as the row encoding would carry), so the
 * laptop applies pages the same way whatever the encoding.
 */
public final class ColumnCodec {

    /** The encoding name a laptop asks for in {@link SyncRequest#encoding()}. */
    public static final String COLUMNS_1 = "columns/1";

    private ColumnCodec() {
    }

    /** One group of a page, by column: its table, column names, number of rows and encoded columns. */
    public record ColumnTable(String table, List<String> columns, int rows, List<Map<String, Object>> data) {
    }

    public static List<ColumnTable> encode(List<TableChanges> groups) {
        List<ColumnTable> tables = new ArrayList<>(groups.size());
        for (TableChanges group : groups) {
            tables.add(encode(group));
        }
        return tables;
    }

    public static List<TableChanges> decode(List<ColumnTable> tables) {
        List<TableChanges> groups = new ArrayList<>(tables.size());
        for (ColumnTable table : tables) {
            groups.add(decode(table));
        }
        return groups;
    }

    static ColumnTable encode(TableChanges group) {
        List<String> columns = group.columns();
        List<List<Object>> rows = new ArrayList<>(group.rows());
        rows.sort(order(group.table(), columns));
        List<Map<String, Object>> data = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            List<Object> values = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                values.add(row.get(c));
            }
            if (name.equals(SyncSchema.ID) && derivable(group.table(), columns, rows)) {
                data.add(Map.of("derived", true));
            } else if (name.equals(SyncSchema.VERSION)) {
                data.add(version(values));
            } else {
                data.add(column(values, typeOf(group.table(), name)));
            }
        }
        return new ColumnTable(group.table(), columns, rows.size(), data);
    }

    static TableChanges decode(ColumnTable table) {
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
                columns.add(values(spec, n, typeOf(table.table(), name)));
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
                row.set(idColumn, derivedId(table.table(), table.columns(), row));
            }
        }
        return new TableChanges(table.table(), table.columns(), rows);
    }

    // --- ids -------------------------------------------------------------------------------------------------

    /**
     * The id a row's natural key gives, for tables whose ids are derived (hours cells: one per participant, day
     * and kind, the same on every laptop), or null.
     */
    public static String derivedId(String table, List<String> columns, List<Object> row) {
        if (!table.equals("hours_entry")) {
            return null;
        }
        int participant = columns.indexOf("participant_id");
        int day = columns.indexOf("work_day");
        int kind = columns.indexOf("kind");
        if (participant < 0 || day < 0 || kind < 0) {
            return null;
        }
        return UUID.nameUUIDFromBytes(("hours:" + row.get(participant) + ":" + row.get(day) + ":" + row.get(kind))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static boolean derivable(String table, List<String> columns, List<List<Object>> rows) {
        int id = columns.indexOf(SyncSchema.ID);
        for (List<Object> row : rows) {
            String derived = derivedId(table, columns, row);
            if (derived == null || !derived.equals(row.get(id))) {
                return false;
            }
        }
        return !rows.isEmpty();
    }

    // --- row order --------------------------------------------------------------------------------------------

    private static Comparator<List<Object>> order(String table, List<String> columns) {
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
        return (a, b) -> {
            for (int k : keys) {
                int cmp = Comparator.nullsFirst(Comparator.<String>naturalOrder())
                        .compare(text(a.get(k)), text(b.get(k)));
                if (cmp != 0) {
                    return cmp;
                }
            }
            return 0;
        };
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

    private static Map<String, Object> column(List<Object> values, SyncSchema.Type type) {
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

    private static Map<String, Object> version(List<Object> values) {
        List<Object> millis = new ArrayList<>(values.size());
        List<Object> counters = new ArrayList<>(values.size());
        List<Object> nodes = new ArrayList<>(values.size());
        for (Object v : values) {
            String[] parts = v instanceof String s ? hlc(s) : null;
            if (parts == null || !String.format("%012x-%04x-%s", Long.parseLong(parts[0], 16),
                    Integer.parseInt(parts[1], 16), parts[2]).equals(v)) {
                return column(values, SyncSchema.Type.TEXT);
            }
            millis.add(Long.parseLong(parts[0], 16));
            counters.add(Integer.parseInt(parts[1], 16));
            nodes.add(parts[2]);
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("m", column(millis, SyncSchema.Type.LONG));
        parts.put("c", column(counters, SyncSchema.Type.INT));
        parts.put("n", column(nodes, SyncSchema.Type.TEXT));
        return Map.of("hlc", parts);
    }

    /** millis (12 hex digits), counter (4 hex digits), node; null unless the text is exactly that form. */
    private static String[] hlc(String text) {
        if (text.length() < 19 || text.charAt(12) != '-' || text.charAt(17) != '-') {
            return null;
        }
        String millis = text.substring(0, 12);
        String counter = text.substring(13, 17);
        if (!millis.matches("[0-9a-f]{12}") || !counter.matches("[0-9a-f]{4}")) {
            return null;
        }
        return new String[] {millis, counter, text.substring(18)};
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

    @SuppressWarnings("unchecked")
    private static List<Object> values(Map<String, Object> spec, int n, SyncSchema.Type type) {
        List<Object> values = new ArrayList<>(n);
        if (spec.containsKey("c")) {
            for (int i = 0; i < n; i++) {
                values.add(spec.get("c"));
            }
        } else if (spec.containsKey("t")) {
            Set<Integer> trues = new HashSet<>();
            for (Object i : (List<Object>) spec.get("t")) {
                trues.add(((Number) i).intValue());
            }
            for (int i = 0; i < n; i++) {
                values.add(trues.contains(i));
            }
        } else if (spec.containsKey("d")) {
            List<Object> dictionary = (List<Object>) spec.get("d");
            for (Object i : (List<Object>) spec.get("i")) {
                values.add(dictionary.get(((Number) i).intValue()));
            }
        } else if (spec.containsKey("z")) {
            Set<Integer> nulls = new HashSet<>();
            for (Object i : (List<Object>) spec.getOrDefault("nulls", List.of())) {
                nulls.add(((Number) i).intValue());
            }
            List<Object> deltas = (List<Object>) spec.get("z");
            long previous = 0;
            int next = 0;
            for (int i = 0; i < n; i++) {
                if (nulls.contains(i)) {
                    values.add(null);
                    continue;
                }
                previous += ((Number) deltas.get(next++)).longValue();
                values.add(type == SyncSchema.Type.DATE ? LocalDate.ofEpochDay(previous).toString() : number(previous));
            }
        } else if (spec.containsKey("hlc")) {
            Map<String, Map<String, Object>> parts = (Map<String, Map<String, Object>>) spec.get("hlc");
            List<Object> millis = values(parts.get("m"), n, SyncSchema.Type.LONG);
            List<Object> counters = values(parts.get("c"), n, SyncSchema.Type.INT);
            List<Object> nodes = values(parts.get("n"), n, SyncSchema.Type.TEXT);
            for (int i = 0; i < n; i++) {
                values.add(String.format("%012x-%04x-%s", ((Number) millis.get(i)).longValue(),
                        ((Number) counters.get(i)).intValue(), nodes.get(i)));
            }
        } else {
            values.addAll((List<Object>) spec.get("v"));
        }
        return values;
    }

    /** As the JSON row encoding reads it: an Integer when it fits, else a Long. */
    private static Object number(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
    }
}
