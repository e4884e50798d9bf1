package fr.convergence.terrain.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableChecksumTest {

    private static final SyncSchema.Table HOURS = SyncSchema.table("hours_entry").orElseThrow();
    private static final SyncSchema.Table CONFLICTS = SyncSchema.table(SyncSchema.CONFLICT_TABLE).orElseThrow();

    /** Rows as a laptop's store reads them: jOOQ's typed values. */
    private static List<Map<String, Object>> laptopHours() {
        return List.of(hours("h1", LocalDate.of(2024, 3, 18), 240, false),
                hours("h2", LocalDate.of(2024, 3, 19), 90, true),
                hours("h3", LocalDate.of(2023, 1, 2), 0, false));
    }

    private static Map<String, Object> hours(String id, LocalDate day, int minutes, boolean deleted) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("participant_id", "p-" + id);
        row.put("worksite_id", "abej-solidarite");
        row.put("work_day", day);
        row.put("kind", "TRAVAIL_CHANTIER");
        row.put("minutes", minutes);
        row.put("deleted", deleted);
        return row;
    }

    /**
     * The same rows as the hub holds them: sent as operations carry them (dates as yyyy-MM-dd text), read back from
     * JSON (Integer or Long numbers).
     */
    private static List<Map<String, Object>> asHubHolds(List<Map<String, Object>> rows) throws Exception {
        List<Map<String, Object>> wire = rows.stream().map(r -> {
            Map<String, Object> sent = new HashMap<>();
            r.forEach((k, v) -> sent.put(k, v instanceof LocalDate d ? d.toString() : v));
            return sent;
        }).toList();
        String json = SyncCodec.json().writeValueAsString(wire);
        return SyncCodec.json().readValue(json, new TypeReference<>() { });
    }

    private static TableChecksum.Result digest(SyncSchema.Table table, List<Map<String, Object>> rows) {
        TableChecksum checksum = TableChecksum.of(table);
        rows.forEach(r -> checksum.add((String) r.get("id"), r));
        return checksum.result();
    }

    @Test
    void laptopAndHubGiveTheSameDigestForTheSameRowsInAnyOrder() throws Exception {
        List<Map<String, Object>> hub = new java.util.ArrayList<>(asHubHolds(laptopHours()));
        java.util.Collections.reverse(hub);
        assertThat(hub.get(0).get("work_day")).isInstanceOf(String.class);

        assertThat(digest(HOURS, hub)).isEqualTo(digest(HOURS, laptopHours()));
        assertThat(digest(HOURS, laptopHours()).rows()).isEqualTo(3);
    }

    @Test
    void oneFieldOfOneRowChangesTheDigest() throws Exception {
        List<Map<String, Object>> hub = asHubHolds(laptopHours());
        TableChecksum.Result laptop = digest(HOURS, laptopHours());
        for (String field : List.of("minutes", "work_day", "participant_id", "deleted")) {
            List<Map<String, Object>> edited = asHubHolds(laptopHours());
            Object before = edited.get(1).get(field);
            edited.get(1).put(field, before instanceof Boolean b ? !b : before instanceof Number n
                    ? n.intValue() + 15 : before + "x");
            assertThat(digest(HOURS, edited)).as(field).isNotEqualTo(laptop).extracting(TableChecksum.Result::rows)
                    .isEqualTo(3L);
        }
        assertThat(digest(HOURS, hub)).isEqualTo(laptop);
    }

    @Test
    void nullEmptyAndLookAlikeTextsStayApart() {
        Map<String, Object> empty = conflict("");
        Map<String, Object> absent = conflict(null);
        Map<String, Object> token = conflict(TableChecksum.NULL);
        Map<String, Object> tab = conflict("a\tb");
        List<TableChecksum.Result> results = List.of(digest(CONFLICTS, List.of(empty)), digest(CONFLICTS,
                List.of(absent)), digest(CONFLICTS, List.of(token)), digest(CONFLICTS, List.of(tab)));
        assertThat(results.stream().map(TableChecksum.Result::sha256).distinct()).hasSize(4);
    }

    @Test
    void flagsAndWholeNumbersReadAlikeWhateverTheirJavaType() {
        assertThat(TableChecksum.canonical(SyncSchema.Type.BOOL, 1)).isEqualTo("true");
        assertThat(TableChecksum.canonical(SyncSchema.Type.BOOL, Boolean.FALSE)).isEqualTo("false");
        assertThat(TableChecksum.canonical(SyncSchema.Type.LONG, 1_700_000_000_000L))
                .isEqualTo(TableChecksum.canonical(SyncSchema.Type.LONG, "1700000000000"));
        assertThat(TableChecksum.canonical(SyncSchema.Type.INT, 240)).isEqualTo(TableChecksum.canonical(
                SyncSchema.Type.INT, 240L));
    }

    private static Map<String, Object> conflict(String baseValue) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "c1");
        row.put("worksite_id", "abej-solidarite");
        row.put("base_value", baseValue);
        row.put("created_at", 1_700_000_000_000L);
        row.put("resolved", false);
        row.put("deleted", false);
        return row;
    }
}
