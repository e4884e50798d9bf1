package fr.convergence.terrain.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Page encodings columns/1 and columns/2: what goes in comes out, through JSON and gzip, as the row encoding would
 * carry it; hours cells are far smaller than rows, and columns/2 is smaller again where random ids dominate.
 */
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

    // --- columns/2 --------------------------------------------------------------------------------------------

    /** A page as the hub groups it (apply order, parents first), with the awkward cases of a real page. */
    static List<TableChanges> mixedPage() {
        Random random = new Random(7);
        String site = "abej-solidarite";
        List<String> people = uuids(random, 6);
        List<List<Object>> participants = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            participants.add(Arrays.asList(people.get(p), version(random, p, p % 2), device(p % 2), site,
                    "Prénom " + p, p == 3 ? null : "1980-05-0" + (p + 1), false));
        }
        // Rows the laptop already has: only the changed column travels (another group of the same table).
        List<String> known = uuids(random, 2);
        List<List<Object>> phones = List.of(Arrays.asList(known.get(0), version(random, 0, 0), device(0), "06 01"),
                Arrays.asList(known.get(1), version(random, 1, 1), device(1), null));
        List<String> enrolmentIds = uuids(random, 4);
        List<List<Object>> enrolments = new ArrayList<>();
        for (int e = 0; e < enrolmentIds.size(); e++) {
            enrolments.add(Arrays.asList(enrolmentIds.get(e), version(random, e, 0), device(0),
                    people.get(people.size() - 1 - e), site, "PHC", "CDDI", "2024-0" + (e + 1) + "-15", false));
        }
        List<List<Object>> hours = new ArrayList<>();
        for (String participant : people) {
            for (int d = 0; d < 5; d++) {
                String day = "2024-03-1" + d;
                hours.add(Arrays.asList(hoursId(participant, day, "TRAVAIL_CHANTIER"), version(random, d, 0),
                        device(0), participant, site, day, "TRAVAIL_CHANTIER", 420 - 15 * d, false));
            }
        }
        // Ids that are not canonical UUID text travel as text, never packed.
        List<String> noteIds = List.of("a", UUID.randomUUID().toString().toUpperCase(Locale.ROOT),
                uuids(random, 1).get(0));
        List<List<Object>> notes = new ArrayList<>();
        for (int n = 0; n < noteIds.size(); n++) {
            notes.add(Arrays.asList(noteIds.get(n), version(random, n, 1), device(1), people.get(n * 2), site,
                    "2024-03-0" + (n + 1), "LOGEMENT", device(n % 2), false));
        }
        List<List<Object>> revisions = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            revisions.add(Arrays.asList(uuids(random, 1).get(0), version(random, r, 1), device(1),
                    noteIds.get(r % noteIds.size()), site, "Texte « " + r + " »", device(1), 1710000000000L + r,
                    false));
        }
        // A participant that came in an earlier page (not in this one), and a null reference.
        String elsewhere = uuids(random, 1).get(0);
        List<List<Object>> referrals = List.of(
                Arrays.asList(uuids(random, 1).get(0), version(random, 0, 0), device(0), elsewhere, site, "FT"),
                Arrays.asList(uuids(random, 1).get(0), version(random, 1, 0), device(0), people.get(0), site, "CAF"),
                Arrays.asList(uuids(random, 1).get(0), version(random, 2, 0), device(0), null, site, "CAF"));
        // Null references, and participants spread over two groups of the page.
        List<List<Object>> followUps = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            followUps.add(Arrays.asList(uuids(random, 1).get(0), version(random, f, 0), device(0),
                    f == 1 ? null : enrolmentIds.get(f), f == 3 ? known.get(0) : people.get(f), site, 3,
                    "2025-01-0" + (f + 1), false));
        }
        return List.of(
                new TableChanges("participant", List.of("id", "version", "updated_by", "worksite_id", "first_name",
                        "birth_date", "deleted"), participants),
                new TableChanges("participant", List.of("id", "version", "updated_by", "phone"), phones),
                new TableChanges("enrolment", List.of("id", "version", "updated_by", "participant_id", "worksite_id",
                        "programme", "contract_type", "entry_date", "deleted"), enrolments),
                new TableChanges("hours_entry", List.of("id", "version", "updated_by", "participant_id",
                        "worksite_id", "work_day", "kind", "minutes", "deleted"), hours),
                new TableChanges("support_note", List.of("id", "version", "updated_by", "participant_id",
                        "worksite_id", "note_date", "theme", "author_id", "deleted"), notes),
                new TableChanges("support_note_revision", List.of("id", "version", "updated_by", "note_id",
                        "worksite_id", "body", "author_id", "created_at", "deleted"), revisions),
                new TableChanges("referral", List.of("id", "version", "updated_by", "participant_id", "worksite_id",
                        "partner_code"), referrals),
                new TableChanges("follow_up", List.of("id", "version", "updated_by", "enrolment_id",
                        "participant_id", "worksite_id", "months_after", "due_date", "deleted"), followUps));
    }

    @Test
    void bothColumnEncodingsGiveBackWhatTheRowEncodingCarries() throws Exception {
        List<TableChanges> page = mixedPage();
        List<TableChanges> byRows = throughTheWire(new SyncResponse(1, "hub", "t", 0, null, 0, page, null, 9, false,
                false)).allChanges();
        for (String encoding : List.of(ColumnCodec.COLUMNS_1, ColumnCodec.COLUMNS_2)) {
            List<TableChanges> byColumns = throughTheWire(new SyncResponse(1, "hub", "t", 0, null, 0, null, null, 9,
                    false, false, null, ColumnCodec.encode(page, encoding))).allChanges();
            assertThat(byColumns).as(encoding).hasSize(page.size());
            for (int g = 0; g < page.size(); g++) {
                assertThat(byColumns.get(g).table()).as(encoding).isEqualTo(byRows.get(g).table());
                assertThat(byColumns.get(g).columns()).as(encoding).isEqualTo(byRows.get(g).columns());
                assertThat(sorted(byColumns.get(g).rows())).as(encoding + " group " + g)
                        .isEqualTo(sorted(byRows.get(g).rows()));
            }
        }
    }

    @Test
    void columns2PacksUuidsAndPointsReferencesIntoThePage() {
        List<ColumnCodec.ColumnTable> page = ColumnCodec.encode(mixedPage(), ColumnCodec.COLUMNS_2);

        assertThat(spec(page, 0, "id")).containsKey("u");
        assertThat(spec(page, 1, "id")).containsKey("u");
        // Two devices wrote these rows: the version's node is a dictionary of their ids.
        assertThat(spec(page, 0, "version")).extractingByKey("hlc").asInstanceOf(MAP).extractingByKey("n")
                .asInstanceOf(MAP).containsKeys("du", "i");
        assertThat(spec(page, 2, "participant_id")).containsEntry("r", 0);
        // Hours cells are sorted by their participant's position: one run per participant.
        assertThat(spec(page, 3, "participant_id")).containsEntry("r", 0).containsEntry("z",
                List.of(0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 1L, 0L,
                        0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L));
        assertThat(spec(page, 3, "id")).containsEntry("derived", true);
        assertThat(spec(page, 4, "id")).doesNotContainKeys("u", "du");
        assertThat(spec(page, 5, "note_id")).containsEntry("r", 4);
        assertThat(spec(page, 6, "participant_id")).containsKey("u").containsEntry("nulls", List.of(0))
                .doesNotContainKey("r");
        assertThat(spec(page, 7, "enrolment_id")).containsEntry("r", 2).containsEntry("nulls", List.of(0));
        assertThat(spec(page, 7, "participant_id")).containsKey("u").doesNotContainKey("r");
    }

    @Test
    void aReferenceToAGroupNotDecodedBeforeItIsRefused() {
        ColumnCodec.ColumnTable revisions = new ColumnCodec.ColumnTable("support_note_revision",
                List.of("id", "note_id"), 1, List.of(Map.of("v", List.of("x")), Map.of("r", 0, "z", List.of(0))));
        assertThatThrownBy(() -> ColumnCodec.decode(List.of(revisions))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPageThatDoesNotHoldTogetherIsRefusedWholeNotReadWrong() {
        String a = UUID.nameUUIDFromBytes("a".getBytes(StandardCharsets.UTF_8)).toString();
        String b = UUID.nameUUIDFromBytes("b".getBytes(StandardCharsets.UTF_8)).toString();
        String packedTwo = (String) spec(ColumnCodec.encode(List.of(new TableChanges("participant", List.of("id"),
                List.of(List.of(a), List.of(b)))), ColumnCodec.COLUMNS_2), 0, "id").get("u");
        ColumnCodec.ColumnTable participants = new ColumnCodec.ColumnTable("participant", List.of("id"), 2,
                List.of(Map.of("u", packedTwo)));
        List<ColumnCodec.ColumnTable> broken = List.of(
                // one more id than rows
                new ColumnCodec.ColumnTable("participant", List.of("id"), 1, List.of(Map.of("u", packedTwo))),
                // a null past the last row
                new ColumnCodec.ColumnTable("participant", List.of("id", "phone"), 2, List.of(Map.of("u", packedTwo),
                        Map.of("v", List.of("06")))),
                new ColumnCodec.ColumnTable("participant", List.of("birth_date"), 2,
                        List.of(Map.of("z", List.of(1, 2), "nulls", List.of(5)))),
                // more differences than values
                new ColumnCodec.ColumnTable("participant", List.of("birth_date"), 1, List.of(Map.of("z", List.of(1, 2)))),
                // a dictionary index out of range
                new ColumnCodec.ColumnTable("participant", List.of("phone"), 2,
                        List.of(Map.of("d", List.of("06"), "i", List.of(0, 3)))));
        for (ColumnCodec.ColumnTable table : broken) {
            assertThatThrownBy(() -> ColumnCodec.decode(List.of(table))).as(table.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Page illisible");
        }
        // References: past the parent group's rows, into a group of another table, or from a column that is no
        // reference.
        List<ColumnCodec.ColumnTable> badReferences = List.of(
                new ColumnCodec.ColumnTable("enrolment", List.of("participant_id"), 1,
                        List.of(Map.of("r", 0, "z", List.of(2)))),
                new ColumnCodec.ColumnTable("support_note_revision", List.of("note_id"), 1,
                        List.of(Map.of("r", 0, "z", List.of(0)))),
                new ColumnCodec.ColumnTable("enrolment", List.of("worksite_id"), 1,
                        List.of(Map.of("r", 0, "z", List.of(0)))));
        for (ColumnCodec.ColumnTable table : badReferences) {
            assertThatThrownBy(() -> ColumnCodec.decode(List.of(participants, table))).as(table.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Page illisible");
        }
        assertThat(ColumnCodec.decode(List.of(participants, new ColumnCodec.ColumnTable("enrolment",
                List.of("participant_id"), 2, List.of(Map.of("r", 0, "z", List.of(1, -1)))))).get(1).rows())
                .as("the same page, well formed").containsExactly(List.of(b), List.of(a));
    }

    @Test
    void columns1HasNoneOfTheColumns2Forms() {
        assertThat(keys(ColumnCodec.encode(mixedPage(), ColumnCodec.COLUMNS_1))).doesNotContain("u", "du", "r");
        assertThat(keys(ColumnCodec.encode(mixedPage()))).doesNotContain("u", "du", "r");
        assertThat(keys(ColumnCodec.encode(mixedPage(), ColumnCodec.COLUMNS_2))).contains("u", "du", "r");
    }

    /**
     * The non-hours rows of the territory demo (294 participants and their files: 3,417 rows), with random ids
     * as in the demo store: columns/2 must be clearly smaller than columns/1 once gzipped.
     */
    @Test
    void columns2IsClearlySmallerWhereRandomIdsDominate() {
        List<TableChanges> page = territoryFiles(new Random(2023));
        int rows = page.stream().mapToInt(g -> g.rows().size()).sum();
        int columns1 = gzipped(ColumnCodec.encode(page, ColumnCodec.COLUMNS_1));
        int columns2 = gzipped(ColumnCodec.encode(page, ColumnCodec.COLUMNS_2));
        System.out.printf(Locale.ROOT, "territory files (%d rows): columns/1 %,d B, columns/2 %,d B gzipped (%.2f)%n",
                rows, columns1, columns2, columns2 / (double) columns1);
        assertThat(rows).isEqualTo(3_417);
        assertThat(columns2 / (double) columns1).as("columns/2 %d B vs columns/1 %d B", columns2, columns1)
                .isLessThan(0.85);
    }

    /** Rows per table as in the territory demo store, with random ids and short texts. */
    static List<TableChanges> territoryFiles(Random random) {
        String[] sites = {"abej-solidarite", "eole", "ressourcerie", "jardins", "batiment", "tri", "espaces-verts"};
        List<String> authors = uuids(random, 14);
        List<String> people = uuids(random, 294);
        List<List<Object>> participants = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            participants.add(Arrays.asList(people.get(p), version(random, p, 0), "demo", sites[p % sites.length],
                    "Prénom" + random.nextInt(80), "Nom" + random.nextInt(200), "1970-01-01", "06 " + random.nextInt(
                    100_000_000), false));
        }
        List<String> enrolmentIds = uuids(random, 320);
        List<String> enrolled = new ArrayList<>();
        List<List<Object>> enrolments = new ArrayList<>();
        for (int e = 0; e < enrolmentIds.size(); e++) {
            String person = people.get(e < people.size() ? e : random.nextInt(people.size()));
            enrolled.add(person);
            enrolments.add(Arrays.asList(enrolmentIds.get(e), version(random, e, 0), "demo", person,
                    sites[e % sites.length], "PHC", "CDDI", "2024-0" + (1 + e % 9) + "-15", false));
        }
        List<List<Object>> steps = new ArrayList<>();
        for (int s = 0; s < 250; s++) {
            steps.add(Arrays.asList(uuids(random, 1).get(0), version(random, s, 0), "demo", enrolmentIds.get(s),
                    sites[s % sites.length], 70 + 35 * (s % 4), "2024-0" + (1 + s % 9) + "-01", false));
        }
        List<String> noteIds = uuids(random, 754);
        List<List<Object>> notes = new ArrayList<>();
        for (int n = 0; n < noteIds.size(); n++) {
            notes.add(Arrays.asList(noteIds.get(n), version(random, n, 0), "demo",
                    people.get(random.nextInt(people.size())), sites[n % sites.length],
                    "2025-0" + (1 + n % 9) + "-1" + n % 10, "LOGEMENT", authors.get(random.nextInt(authors.size())),
                    false));
        }
        List<List<Object>> revisions = new ArrayList<>();
        for (int r = 0; r < 901; r++) {
            revisions.add(Arrays.asList(uuids(random, 1).get(0), version(random, r, 0), "demo",
                    noteIds.get(r < noteIds.size() ? r : random.nextInt(noteIds.size())), sites[r % sites.length],
                    "Entretien " + random.nextInt(40) + " : point sur les démarches.",
                    authors.get(random.nextInt(authors.size())), 1740000000000L + 86_400_000L * r, false));
        }
        List<String> referralIds = uuids(random, 152);
        List<List<Object>> referrals = new ArrayList<>();
        for (int r = 0; r < referralIds.size(); r++) {
            referrals.add(Arrays.asList(referralIds.get(r), version(random, r, 0), "demo",
                    people.get(random.nextInt(people.size())), sites[r % sites.length], "FT", "ENVOYEE",
                    "2025-02-0" + (1 + r % 9), false));
        }
        List<List<Object>> moves = new ArrayList<>();
        for (int m = 0; m < 458; m++) {
            moves.add(Arrays.asList(uuids(random, 1).get(0), version(random, m, 0), "demo",
                    referralIds.get(m % referralIds.size()), sites[m % sites.length], "EN_COURS",
                    "2025-03-0" + (1 + m % 9), authors.get(random.nextInt(authors.size())), false));
        }
        List<List<Object>> followUps = new ArrayList<>();
        for (int f = 0; f < 288; f++) {
            followUps.add(Arrays.asList(uuids(random, 1).get(0), version(random, f, 0), "demo",
                    enrolmentIds.get(f), enrolled.get(f), sites[f % sites.length], 1 + f % 3 * 2,
                    "2025-0" + (1 + f % 9) + "-25", f % 2 == 0 ? null : "2025-10-04", false));
        }
        return List.of(
                new TableChanges("participant", List.of("id", "version", "updated_by", "worksite_id", "first_name",
                        "last_name", "birth_date", "phone", "deleted"), participants),
                new TableChanges("enrolment", List.of("id", "version", "updated_by", "participant_id", "worksite_id",
                        "programme", "contract_type", "entry_date", "deleted"), enrolments),
                new TableChanges("phc_step", List.of("id", "version", "updated_by", "enrolment_id", "worksite_id",
                        "target_hours", "start_date", "deleted"), steps),
                new TableChanges("support_note", List.of("id", "version", "updated_by", "participant_id",
                        "worksite_id", "note_date", "theme", "author_id", "deleted"), notes),
                new TableChanges("support_note_revision", List.of("id", "version", "updated_by", "note_id",
                        "worksite_id", "body", "author_id", "created_at", "deleted"), revisions),
                new TableChanges("referral", List.of("id", "version", "updated_by", "participant_id", "worksite_id",
                        "partner_code", "status", "created_on", "deleted"), referrals),
                new TableChanges("referral_status_change", List.of("id", "version", "updated_by", "referral_id",
                        "worksite_id", "to_status", "changed_on", "changed_by", "deleted"), moves),
                new TableChanges("follow_up", List.of("id", "version", "updated_by", "enrolment_id",
                        "participant_id", "worksite_id", "months_after", "due_date", "done_date", "deleted"),
                        followUps));
    }

    static List<String> uuids(Random random, int count) {
        List<String> uuids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            uuids.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        return uuids;
    }

    static String device(int d) {
        return d == 0 ? NODE : "967d69a2-871c-4a5a-bb2a-53cf189dda38";
    }

    /** Versions as a store's rows have them: close in time, ordered more or less like the rows. */
    static String version(Random random, int row, int device) {
        return String.format("%012x-%04x-%s", 0x01a2186f5982L + 40L * row + random.nextInt(40), row % 16,
                device(device));
    }

    static SyncResponse throughTheWire(SyncResponse sent) throws Exception {
        return SyncCodec.decode(SyncCodec.gunzip(SyncCodec.gzip(SyncCodec.encode(sent)), 1 << 24),
                SyncResponse.class);
    }

    static int gzipped(List<ColumnCodec.ColumnTable> page) {
        return SyncCodec.gzip(SyncCodec.encode(new SyncResponse(1, "h", "t", 0, null, 0, null, null, 1, false, false,
                null, page))).length;
    }

    private static Map<String, Object> spec(List<ColumnCodec.ColumnTable> page, int group, String column) {
        ColumnCodec.ColumnTable table = page.get(group);
        return table.data().get(table.columns().indexOf(column));
    }

    /** Every key of every column form, nested ones (version parts) included. */
    static Set<String> keys(List<ColumnCodec.ColumnTable> page) {
        Set<String> keys = new HashSet<>();
        page.forEach(t -> t.data().forEach(spec -> collectKeys(spec, keys)));
        return keys;
    }

    private static void collectKeys(Object value, Set<String> keys) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                keys.add(String.valueOf(k));
                collectKeys(v, keys);
            });
        }
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
