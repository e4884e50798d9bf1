package fr.convergence.terrain.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Page encoding columns/1: what goes in comes out, through JSON and gzip, and hours cells are far smaller. */
class ColumnCodecTest {

    static final String NODE = "5bbdeaf7-1c1d-4e55-9a55-3c8d3e1c6a01";

    static String hoursId(String participant, String day, String kind) {
        return UUID.nameUUIDFromBytes(("hours:" + participant + ":" + day + ":" + kind)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    static TableChanges hours(int participants, int days) {
        List<List<Object>> rows = new ArrayList<>();
        long millis = 0x018e4a1b2c3dL;
        for (int p = 0; p < participants; p++) {
            String participant = UUID.nameUUIDFromBytes(("p" + p).getBytes(StandardCharsets.UTF_8)).toString();
            for (int d = 0; d < days; d++) {
                String day = java.time.LocalDate.of(2024, 1, 1).plusDays(d).toString();
                String kind = d % 5 == 0 ? "FORMATION" : "TRAVAIL_CHANTIER";
                millis += 1 + (d * 37L % 1000);
                rows.add(Arrays.asList(hoursId(participant, day, kind),
                        String.format("%012x-%04x-%s", millis, d % 3, NODE), NODE, participant, "abej-solidarite",
                        day, kind, 60 + 15 * (d % 20), d % 97 == 0));
            }
        }
        return new TableChanges("hours_entry", List.of("id", "version", "updated_by", "participant_id",
                "worksite_id", "work_day", "kind", "minutes", "deleted"), rows);
    }

    @Test
    void everyGroupComesBackTheSameThroughJsonAndGzip() throws Exception {
        TableChanges participants = new TableChanges("participant", List.of("id", "version", "updated_by",
                "worksite_id", "first_name", "birth_date", "phone", "deleted"), List.of(
                Arrays.asList("a", "018e4a1b2c3d-0000-" + NODE, "u1", "eole", "Léa", "1980-05-04", null, false),
                Arrays.asList("b", "not-an-hlc", "u2", "eole", "Ana", null, "06", true),
                Arrays.asList("c", "018e4a1b2c3f-0001-hub", "u1", "eole", "Zoé", "2001-12-31", null, false)));
        TableChanges partial = new TableChanges("participant", List.of("id", "version", "updated_by", "phone"),
                List.of(Arrays.asList("a", "018e4a1b2c3d-0000-" + NODE, "u1", "07")));
        TableChanges revisions = new TableChanges("support_note_revision", List.of("id", "version", "updated_by",
                "note_id", "worksite_id", "body", "author_id", "created_at", "deleted"), List.of(
                Arrays.asList("r1", "018e4a1b2c3d-0000-x", "u", "n1", "eole", "Texte « accentué »", "u", 1710000000000L,
                        false),
                Arrays.asList("r2", "018e4a1b2c3d-0000-x", "u", "n1", "eole", "Deuxième", "u", 1710000005000L,
                        false)));
        TableChanges hours = hours(3, 40);
        List<TableChanges> page = List.of(participants, partial, revisions, hours);

        SyncResponse sent = new SyncResponse(1, "hub", "t", 0, null, 0, null, null, 9, false, false, null,
                ColumnCodec.encode(page));
        SyncResponse received = SyncCodec.decode(SyncCodec.gunzip(SyncCodec.gzip(SyncCodec.encode(sent)), 1 << 24),
                SyncResponse.class);

        List<TableChanges> back = received.allChanges();
        assertThat(back).hasSize(page.size());
        for (int g = 0; g < page.size(); g++) {
            assertThat(back.get(g).table()).isEqualTo(page.get(g).table());
            assertThat(back.get(g).columns()).isEqualTo(page.get(g).columns());
            assertThat(sorted(back.get(g).rows())).isEqualTo(sorted(normalised(page.get(g).rows())));
        }
        assertThat(received.changedRows()).isEqualTo(3 + 1 + 2 + 120);
        Map<String, Object> idColumn = sent.columns().get(3).data().get(0);
        assertThat(idColumn).containsEntry("derived", true);
    }

    @Test
    void hoursCellsByColumnAreAFractionOfTheirRowEncoding() {
        TableChanges hours = hours(42, 220);
        int rows = SyncCodec.gzip(SyncCodec.encode(new SyncResponse(1, "h", "t", 0, null, 0, List.of(hours), null, 1,
                false, false))).length;
        int columns = SyncCodec.gzip(SyncCodec.encode(new SyncResponse(1, "h", "t", 0, null, 0, null, null, 1,
                false, false, null, ColumnCodec.encode(List.of(hours))))).length;
        assertThat(columns).as("columns %d B vs rows %d B for %d cells", columns, rows, 42 * 220)
                .isLessThan(rows / 3);
    }

    private static List<List<Object>> normalised(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> copy = new ArrayList<>();
            for (Object v : row) {
                copy.add(v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) l.intValue()
                        : v);
            }
            out.add(copy);
        }
        return out;
    }

    private static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(r -> r.toString() + r.stream().map(v -> v == null ? "null"
                : v.getClass().getSimpleName()).toList()).sorted(Comparator.naturalOrder()).toList();
    }
}
