package fr.convergence.terrain.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import org.junit.jupiter.api.Test;

/** The sync page's texts: the same keys in French and English, none missing from the code's use, none unused. */
class SyncTextsTest {

    private static final Pattern LITERAL = Pattern.compile("\"(sync\\.[A-Za-z.]+[A-Za-z])\"");
    private static final Path SOURCES = Path.of("src/main/java/fr/convergence/terrain/app/sync");

    private static Set<String> syncKeys(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SyncTextsTest.class.getResourceAsStream(
                "/fr/convergence/terrain/app/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames().stream().filter(k -> k.startsWith("sync."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> keysInCode() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        return used;
    }

    @Test
    void frenchAndEnglishHaveTheSameSyncKeys() throws IOException {
        assertThat(syncKeys("en")).isEqualTo(syncKeys("fr"));
    }

    @Test
    void everyKeyTheSyncPageUsesExistsAndEveryOneIsUsed() throws IOException {
        Set<String> used = keysInCode();
        assertThat(syncKeys("fr")).containsAll(used);
        Set<String> unused = new TreeSet<>(syncKeys("fr"));
        unused.removeAll(used);
        // Labels of tables and fields are looked up by name (checked below).
        unused.removeIf(k -> k.startsWith("sync.table.") || k.startsWith("sync.field."));
        assertThat(unused).isEmpty();
    }

    @Test
    void everySyncedFieldAUserCanMeetInAConflictHasAFrenchLabel() throws IOException {
        Set<String> keys = syncKeys("fr");
        for (SyncSchema.Table table : SyncSchema.tables()) {
            if (table.name().equals(SyncSchema.CONFLICT_TABLE)) {
                continue;
            }
            assertThat(keys).contains("sync.table." + table.name());
            table.fields().stream().map(SyncSchema.Field::name)
                    .filter(f -> !Set.of(SyncSchema.WORKSITE_ID, "search_name", "participant_id", "enrolment_id",
                            "note_id", "referral_id", "author_id", "created_at", "changed_by").contains(f))
                    .forEach(f -> assertThat(keys).as(table.name() + "." + f).contains("sync.field." + f));
        }
    }
}
