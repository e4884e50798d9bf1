package fr.convergence.terrain.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import org.junit.jupiter.api.Test;

/**
 * Every synced table and field a conflict or a refused change can name has a label, spelled out in
 * {@link SyncDescriptions} (the bundle itself is checked by LocalizationConsistencyTest).
 */
class SyncTextsTest {

    private static Set<String> syncKeys(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SyncTextsTest.class.getResourceAsStream(
                "/fr/convergence/terrain/app/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames().stream().filter(k -> k.startsWith("sync."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aClockMinutesToDaysOffTheHubsIsSaidInFrenchAndAFewMinutesIsNot() {
        assertThat(SyncFormats.clockDriftText(null)).isEmpty();
        assertThat(SyncFormats.clockDriftText(4 * 60_000L)).isEmpty();
        assertThat(SyncFormats.clockDriftText(12 * 60_000L))
                .isEqualTo(" — l’horloge de ce poste retarde de 12 minutes sur celle du hub : corrigez la date et "
                        + "l’heure de l’ordinateur.");
        assertThat(SyncFormats.clockDriftText(-3 * 3_600_000L)).contains("avance de 3 heures");
        assertThat(SyncFormats.clockDriftText(365 * 86_400_000L)).contains("retarde de 365 jours");
    }

    @Test
    void sizesAreGroupedTheFrenchWayWithANoBreakSpaceBeforeTheUnit() {
        assertThat(SyncFormats.bytes(12_345)).isEqualTo("12,1\u00a0Ko");
        assertThat(SyncFormats.bytes(1_000L * 1024 * 1024 + 512 * 1024)).isEqualTo("1\u202f000,5\u00a0Mo");
    }

    @Test
    void everySyncedFieldAUserCanMeetInAConflictHasAFrenchLabel() throws IOException {
        Set<String> keys = syncKeys("fr");
        for (SyncSchema.Table table : SyncSchema.tables()) {
            if (table.name().equals(SyncSchema.CONFLICT_TABLE)) {
                continue;
            }
            assertThat(SyncDescriptions.tableKey(table.name())).isIn(keys);
            table.fields().stream().map(SyncSchema.Field::name)
                    .filter(f -> !Set.of(SyncSchema.WORKSITE_ID, "search_name", "participant_id", "enrolment_id",
                            "note_id", "referral_id", "author_id", "created_at", "changed_by").contains(f))
                    .forEach(f -> assertThat(SyncDescriptions.fieldKey(f)).as(table.name() + "." + f).isIn(keys));
        }
    }
}
