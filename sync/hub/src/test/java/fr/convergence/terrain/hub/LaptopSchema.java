package fr.convergence.terrain.hub;

import fr.convergence.terrain.core.store.TerrainStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.Record;

/**
 * The synced tables of a laptop's store as its migrations make them (a new store in a temporary folder, read once
 * per test run), read from SQLite itself. A table is synced when it carries {@code version}, {@code deleted} and
 * {@code worksite_id}: the laptop's own test of it (core's StoreTransaction.isSynced).
 */
public final class LaptopSchema {

    /** One column: its declared SQL type (upper case), whether it is NOT NULL, and the table it references. */
    public record Column(String name, String type, boolean notNull, String references) {

        private static final Pattern LENGTH = Pattern.compile("\\((\\d+)\\)");

        /** The declared length of a VARCHAR column, or -1. */
        public int length() {
            Matcher m = LENGTH.matcher(type);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }
    }

    private static Map<String, List<Column>> read;

    private LaptopSchema() {
    }

    /** Per synced table, its columns in declaration order. */
    public static synchronized Map<String, List<Column>> syncedTables() {
        if (read == null) {
            try {
                Path folder = Files.createTempDirectory("laptop-schema");
                try {
                    read = read(folder.resolve("laptop.db"));
                } finally {
                    try (Stream<Path> files = Files.walk(folder)) {
                        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read;
    }

    private static Map<String, List<Column>> read(Path file) {
        try (TerrainStore store = TerrainStore.open(file)) {
            return store.read(sql -> {
                Map<String, List<Column>> tables = new LinkedHashMap<>();
                for (String table : sql.fetch("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                        .getValues(0, String.class)) {
                    Map<String, String> references = new LinkedHashMap<>();
                    for (Record fk : sql.fetch("SELECT * FROM pragma_foreign_key_list(?)", table)) {
                        references.put(fk.get("from", String.class), fk.get("table", String.class));
                    }
                    List<Column> columns = sql.fetch("SELECT * FROM pragma_table_info(?)", table).stream()
                            .map(c -> new Column(c.get("name", String.class),
                                    c.get("type", String.class).toUpperCase(Locale.ROOT),
                                    c.get("notnull", Integer.class) == 1 || c.get("pk", Integer.class) > 0,
                                    references.get(c.get("name", String.class))))
                            .toList();
                    List<String> names = columns.stream().map(Column::name).toList();
                    if (names.containsAll(List.of("version", "deleted", "worksite_id"))) {
                        tables.put(table, columns);
                    }
                }
                return Collections.unmodifiableMap(tables);
            });
        }
    }
}
