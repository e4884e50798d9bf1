package fr.convergence.terrain.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Page encodings columns/1, columns/2 and columns/3: what goes in comes out, through JSON and gzip, as the row
 * encoding would carry it; hours cells are far smaller than rows, columns/2 is smaller again where random ids
 * dominate, and columns/3 again where ids allocated per device do.
 */
class ColumnCodecTest {

    /** Column lists of the hand-made pages below. */
    private static final List<String> PARTICIPANTS_COLUMNS = List.of(
            "id", "version", "updated_by", "worksite_id", "first_name", "birth_date", "deleted");
    private static final List<String> PHONES_COLUMNS = List.of("id", "version", "updated_by", "phone");
    private static final List<String> ENROLMENTS_COLUMNS = List.of(
            "id", "version", "updated_by", "participant_id", "worksite_id", "programme", "contract_type", "entry_date", "deleted");
    private static final List<String> HOURS_COLUMNS = List.of(
            "id", "version", "updated_by", "participant_id", "worksite_id", "work_day", "kind", "minutes", "deleted");
    private static final List<String> NOTES_COLUMNS = List.of(
            "id", "version", "updated_by", "participant_id", "worksite_id", "note_date", "theme", "author_id", "deleted");
    private static final List<String> REVISIONS_COLUMNS = List.of(
            "id", "version", "updated_by", "note_id", "worksite_id", "body", "author_id", "created_at", "deleted");
    private static final List<String> REFERRALS_COLUMNS = List.of(
            "id", "version", "updated_by", "participant_id", "worksite_id", "partner_code");

    static final String NODE = "5bbdeaf7-1c1d-4e55-9a55-3c8d3e1c6a01";

    /** A derivation of hours ids for these tests (the domain's is core's {@code HoursCell::id}). */
    static final HoursCellIds IDS = ColumnCodecTest::hoursId;

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
        return new TableChanges("hours_entry", HOURS_COLUMNS, rows);
    }

    @Test
    void everyGroupComesBackTheSameThroughJsonAndGzip() throws Exception {
        TableChanges participants = new TableChanges("participant", List.of("id", "version", "updated_by",
                "worksite_id", "first_name", "birth_date", "phone", "deleted"), List.of(
                Arrays.asList("a", "018e4a1b2c3d-0000-" + NODE, "u1", "eole", "Léa", "1980-05-04", null, false),
                Arrays.asList("b", "not-an-hlc", "u2", "eole", "Ana", null, "06", true),
                Arrays.asList("c", "018e4a1b2c3f-0001-hub", "u1", "eole", "Zoé", "2001-12-31", null, false)));
        TableChanges partial = new TableChanges("participant", PHONES_COLUMNS,
                List.of(Arrays.asList("a", "018e4a1b2c3d-0000-" + NODE, "u1", "07")));
        TableChanges revisions = new TableChanges("support_note_revision", REVISIONS_COLUMNS, List.of(
                Arrays.asList("r1", "018e4a1b2c3d-0000-x", "u", "n1", "eole", "Texte « accentué »", "u", 1710000000000L,
                        false),
                Arrays.asList("r2", "018e4a1b2c3d-0000-x", "u", "n1", "eole", "Deuxième", "u", 1710000005000L,
                        false)));
        TableChanges hours = hours(3, 40);
        List<TableChanges> page = List.of(participants, partial, revisions, hours);

        SyncResponse sent = new SyncResponse(1, "hub", "t", 0, null, 0, null, null, 9, false, false, null,
                ColumnCodec.encode(page, ColumnCodec.COLUMNS_1, IDS));
        SyncResponse received = SyncCodec.decode(SyncCodec.gunzip(SyncCodec.gzip(SyncCodec.encode(sent)), 1 << 24),
                SyncResponse.class);

        List<TableChanges> back = received.allChanges(IDS);
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
                false, false, null, ColumnCodec.encode(List.of(hours), ColumnCodec.COLUMNS_1, IDS)))).length;
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
                new TableChanges("participant", PARTICIPANTS_COLUMNS, participants),
                new TableChanges("participant", PHONES_COLUMNS, phones),
                new TableChanges("enrolment", ENROLMENTS_COLUMNS, enrolments),
                new TableChanges("hours_entry", HOURS_COLUMNS, hours),
                new TableChanges("support_note", NOTES_COLUMNS, notes),
                new TableChanges("support_note_revision", REVISIONS_COLUMNS, revisions),
                new TableChanges("referral", REFERRALS_COLUMNS, referrals),
                new TableChanges("follow_up", List.of("id", "version", "updated_by", "enrolment_id",
                        "participant_id", "worksite_id", "months_after", "due_date", "deleted"), followUps));
    }

    @Test
    void everyColumnEncodingGivesBackWhatTheRowEncodingCarries() throws Exception {
        for (List<TableChanges> page : List.of(mixedPage(), devicePage(new Random(11)), smallDevicePage())) {
            sameAsRows(page);
        }
    }

    /** Each encoding of {@code page}, through JSON and gzip, decodes to the groups the row encoding carries. */
    static void sameAsRows(List<TableChanges> page) throws Exception {
        List<TableChanges> byRows = throughTheWire(new SyncResponse(1, "hub", "t", 0, null, 0, page, null, 9, false,
                false)).allChanges(IDS);
        for (String encoding : List.of(ColumnCodec.COLUMNS_1, ColumnCodec.COLUMNS_2, ColumnCodec.COLUMNS_3)) {
            List<TableChanges> byColumns = throughTheWire(new SyncResponse(1, "hub", "t", 0, null, 0, null, null, 9,
                    false, false, null, ColumnCodec.encode(page, encoding, IDS))).allChanges(IDS);
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
        List<ColumnCodec.ColumnTable> page = ColumnCodec.encode(mixedPage(), ColumnCodec.COLUMNS_2, IDS);

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
        assertThatThrownBy(() -> ColumnCodec.decode(List.of(revisions), IDS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPageThatDoesNotHoldTogetherIsRefusedWholeNotReadWrong() {
        String a = UUID.nameUUIDFromBytes("a".getBytes(StandardCharsets.UTF_8)).toString();
        String b = UUID.nameUUIDFromBytes("b".getBytes(StandardCharsets.UTF_8)).toString();
        String packedTwo = (String) spec(ColumnCodec.encode(List.of(new TableChanges("participant", List.of("id"),
                List.of(List.of(a), List.of(b)))), ColumnCodec.COLUMNS_2, IDS), 0, "id").get("u");
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
            assertThatThrownBy(() -> ColumnCodec.decode(List.of(table), IDS)).as(table.toString())
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
            assertThatThrownBy(() -> ColumnCodec.decode(List.of(participants, table), IDS)).as(table.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Page illisible");
        }
        assertThat(ColumnCodec.decode(List.of(participants, new ColumnCodec.ColumnTable("enrolment",
                List.of("participant_id"), 2, List.of(Map.of("r", 0, "z", List.of(1, -1))))), IDS).get(1).rows())
                .as("the same page, well formed").containsExactly(List.of(b), List.of(a));
    }

    @Test
    void eachEncodingHasOnlyTheFormsOfItsOwnAndEarlierOnes() {
        for (List<TableChanges> page : List.of(mixedPage(), devicePage(new Random(11)))) {
            assertThat(keys(ColumnCodec.encode(page, ColumnCodec.COLUMNS_1, IDS))).doesNotContain("u", "du", "r", "s");
            assertThat(keys(ColumnCodec.encode(page, ColumnCodec.COLUMNS_1, IDS))).doesNotContain("u", "du", "r", "s");
            assertThat(keys(ColumnCodec.encode(page, ColumnCodec.COLUMNS_2, IDS))).contains("u", "du", "r")
                    .doesNotContain("s");
        }
        // Random ids only: nothing to split, columns/3 is columns/2.
        assertThat(keys(ColumnCodec.encode(mixedPage(), ColumnCodec.COLUMNS_3, IDS))).doesNotContain("s");
        assertThat(keys(ColumnCodec.encode(devicePage(new Random(11)), ColumnCodec.COLUMNS_3, IDS)))
                .contains("u", "du", "r", "s");
    }

    /**
     * The non-hours rows of the territory demo (294 participants and their files: 3,417 rows), with random ids
     * as in the demo store: columns/2 must be clearly smaller than columns/1 once gzipped.
     */
    @Test
    void columns2IsClearlySmallerWhereRandomIdsDominate() {
        List<TableChanges> page = territoryFiles(new Random(2023));
        int rows = page.stream().mapToInt(g -> g.rows().size()).sum();
        int columns1 = gzipped(ColumnCodec.encode(page, ColumnCodec.COLUMNS_1, IDS));
        int columns2 = gzipped(ColumnCodec.encode(page, ColumnCodec.COLUMNS_2, IDS));
        System.out.printf(Locale.ROOT, "territory files (%d rows): columns/1 %,d B, columns/2 %,d B gzipped (%.2f)%n",
                rows, columns1, columns2, columns2 / (double) columns1);
        assertThat(rows).isEqualTo(3_417);
        assertThat(columns2 / (double) columns1).as("columns/2 %d B vs columns/1 %d B", columns2, columns1)
                .isLessThan(0.85);
    }

    // --- columns/3 --------------------------------------------------------------------------------------------

    /** A laptop's prefix as it allocates ids: the most significant half of all its new ids, version nibble 8. */
    static long devicePrefix(long bits) {
        return (bits & ~0xF000L) | 0x8000L;
    }

    /** The id the laptop with {@code prefix} issues as its {@code counter}-th: RFC variant bits, then the counter. */
    static String deviceId(long prefix, long counter) {
        return new UUID(prefix, 0x8000_0000_0000_0000L | counter).toString();
    }

    static final long LAPTOP_A = devicePrefix(0x3f2a91c407e12b5dL);
    static final long LAPTOP_B = devicePrefix(0x91d0c2e5a4477f10L);

    /**
     * Ids as {@code devices} laptops allocate them: each id from one of them at random, each laptop's counter going
     * up by one per id it issued (now and then an id went to a row that is not here).
     */
    static IntFunction<List<String>> deviceIds(Random random, int devices) {
        long[] prefixes = new long[devices];
        long[] counters = new long[devices];
        for (int d = 0; d < devices; d++) {
            prefixes[d] = devicePrefix(random.nextLong());
            counters[d] = random.nextInt(1000);
        }
        return count -> {
            List<String> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int d = random.nextInt(devices);
                counters[d] += random.nextInt(4) == 0 ? 2 : 1;
                ids.add(deviceId(prefixes[d], counters[d]));
            }
            return ids;
        };
    }

    /** Five participants written on laptop A, five referrals on laptop B, to participants of an earlier page. */
    static List<TableChanges> smallDevicePage() {
        List<List<Object>> participants = new ArrayList<>();
        List<List<Object>> referrals = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            participants.add(Arrays.asList(deviceId(LAPTOP_A, 10 + 2 * p), "018e4a1b2c3d-000" + p + "-" + NODE, NODE,
                    "eole", "Prénom " + p, p == 2 ? null : "1980-05-0" + (p + 1), false));
            referrals.add(Arrays.asList(deviceId(LAPTOP_B, 3 + p), "018e4a1b2c4d-000" + p + "-" + device(1),
                    device(1), p == 1 ? null : deviceId(LAPTOP_A, 4 + p / 2), "eole", p % 2 == 0 ? "FT" : "CAF"));
        }
        return List.of(
                new TableChanges("participant", PARTICIPANTS_COLUMNS, participants),
                new TableChanges("referral", REFERRALS_COLUMNS, referrals));
    }

    /**
     * A page as laptops allocating ids per device make it, mixed with older rows (random ids): participants from
     * three laptops and a few old ones, their enrolments (references into the page), notes and referrals to
     * participants of earlier pages (references outside the page, some null), hours cells (derived ids).
     */
    static List<TableChanges> devicePage(Random random) {
        IntFunction<List<String>> ids = deviceIds(random, 3);
        String site = "abej-solidarite";
        List<String> earlier = ids.apply(40);
        List<String> people = new ArrayList<>(ids.apply(48));
        people.addAll(uuids(random, 12));
        List<List<Object>> participants = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            participants.add(Arrays.asList(people.get(p), version(random, p, p % 2), device(p % 2), site,
                    "Prénom " + p, p % 7 == 3 ? null : "1980-05-0" + (1 + p % 9), false));
        }
        // Rows the laptop already has, written on the laptops and before: only the changed column travels.
        List<String> known = new ArrayList<>(earlier.subList(0, 6));
        known.addAll(uuids(random, 1));
        List<List<Object>> phones = new ArrayList<>();
        for (int k = 0; k < known.size(); k++) {
            phones.add(Arrays.asList(known.get(k), version(random, k, 1), device(1), k == 2 ? null : "06 0" + k));
        }
        List<String> enrolmentIds = ids.apply(30);
        List<List<Object>> enrolments = new ArrayList<>();
        for (int e = 0; e < enrolmentIds.size(); e++) {
            enrolments.add(Arrays.asList(enrolmentIds.get(e), version(random, e, 0), device(0),
                    people.get(random.nextInt(people.size())), site, "PHC", "CDDI", "2024-0" + (1 + e % 9) + "-15",
                    false));
        }
        List<String> authors = ids.apply(4);
        List<List<Object>> notes = new ArrayList<>();
        for (String id : ids.apply(120)) {
            int n = notes.size();
            notes.add(Arrays.asList(id, version(random, n, 1), device(1),
                    n % 17 == 5 ? null : earlier.get(random.nextInt(earlier.size())), site,
                    "2025-0" + (1 + n % 9) + "-1" + n % 10, "LOGEMENT", authors.get(random.nextInt(authors.size())),
                    false));
        }
        List<String> oldPerson = uuids(random, 1);
        List<List<Object>> referrals = new ArrayList<>();
        for (String id : ids.apply(24)) {
            int r = referrals.size();
            referrals.add(Arrays.asList(id, version(random, r, 0), device(0),
                    r == 4 ? null : r == 9 ? oldPerson.get(0) : earlier.get(r % 5), site, r % 2 == 0 ? "FT" : "CAF"));
        }
        List<List<Object>> hours = new ArrayList<>();
        for (String participant : people.subList(40, 50)) {
            for (int d = 0; d < 3; d++) {
                String day = "2024-03-1" + d;
                hours.add(Arrays.asList(hoursId(participant, day, "TRAVAIL_CHANTIER"), version(random, d, 0),
                        device(0), participant, site, day, "TRAVAIL_CHANTIER", 420 - 15 * d, false));
            }
        }
        return List.of(
                new TableChanges("participant", PARTICIPANTS_COLUMNS, participants),
                new TableChanges("participant", PHONES_COLUMNS, phones),
                new TableChanges("enrolment", ENROLMENTS_COLUMNS, enrolments),
                new TableChanges("hours_entry", HOURS_COLUMNS, hours),
                new TableChanges("support_note", NOTES_COLUMNS, notes),
                new TableChanges("referral", REFERRALS_COLUMNS, referrals));
    }

    @Test
    void columns3SplitsDeviceIdsWhereverTheyAreNotReferencesIntoThePage() {
        List<ColumnCodec.ColumnTable> page = ColumnCodec.encode(devicePage(new Random(11)), ColumnCodec.COLUMNS_3, IDS);

        // Three laptops and twelve old random ids: fifteen prefixes for sixty ids.
        assertThat(spec(page, 0, "id")).containsKeys("s", "i", "z").doesNotContainKeys("u", "nulls");
        assertThat(base64Bytes(spec(page, 0, "id").get("s"))).hasSize(15 * 8);
        // Seven ids of four prefixes (the three laptops and an old row): not worth splitting.
        assertThat(spec(page, 1, "id")).containsKey("u");
        assertThat(spec(page, 2, "id")).containsKeys("s", "i", "z");
        assertThat(spec(page, 2, "participant_id")).containsEntry("r", 0);
        assertThat(spec(page, 3, "id")).containsEntry("derived", true);
        assertThat(spec(page, 4, "participant_id")).containsKeys("s", "i", "z", "nulls").doesNotContainKey("r");
        // The notes are sorted by participant: a participant's notes are differences of 0.
        assertThat(spec(page, 4, "participant_id")).extractingByKey("z").asList().contains(0L);
        // Four authors among 120 notes, scattered: a dictionary says it in less.
        assertThat(spec(page, 4, "author_id")).containsKeys("du", "i");
        // A reference to an old participant (random id) and a null among device ids.
        assertThat(spec(page, 5, "participant_id")).containsKeys("s", "z").containsEntry("nulls", List.of(0));
        // Two laptops' own ids (random), one per version node: a dictionary, not split.
        assertThat(spec(page, 0, "version")).extractingByKey("hlc").asInstanceOf(MAP).extractingByKey("n")
                .asInstanceOf(MAP).containsKeys("du", "i");
        assertThat(spec(page, 0, "updated_by")).containsKeys("du", "i");
    }

    /** What {@code encode(smallDevicePage(), COLUMNS_2)} gave before columns/3 existed: laptops read it as is. */
    static final String SMALL_DEVICE_PAGE_COLUMNS_2 = """
            [{"table":"participant","columns":["id","version","updated_by","worksite_id","first_name","birth_date",\
            "deleted"],"rows":5,"data":[{"u":"PyqRxAfhi12AAAAAAAAADj8qkcQH4YtdgAAAAAAAAAo/KpHEB+GLXYAAAAAAAAAMPyqRxAfhi1\
            2AAAAAAAAAED8qkcQH4YtdgAAAAAAAABI="},{"hlc":{"m":{"c":1710640278589},"c":{"v":[2,0,1,3,4]},"n":{"c":"5bbd\
            eaf7-1c1d-4e55-9a55-3c8d3e1c6a01"}}},{"c":"5bbdeaf7-1c1d-4e55-9a55-3c8d3e1c6a01"},{"c":"eole"},{"v":["Pré\
            nom 2","Prénom 0","Prénom 1","Prénom 3","Prénom 4"]},{"z":[3773,1,2,1],"nulls":[0]},{"c":false}]},{"table\
            ":"referral","columns":["id","version","updated_by","participant_id","worksite_id","partner_code"],"rows":\
            5,"data":[{"u":"kdDC5aRHjxCAAAAAAAAABJHQwuWkR48QgAAAAAAAAAOR0MLlpEePEIAAAAAAAAAFkdDC5aRHjxCAAAAAAAAABpHQwu\
            WkR48QgAAAAAAAAAc="},{"hlc":{"m":{"c":1710640278605},"c":{"v":[1,0,2,3,4]},"n":{"c":"967d69a2-871c-4a5a-bb\
            2a-53cf189dda38"}}},{"c":"967d69a2-871c-4a5a-bb2a-53cf189dda38"},{"du":"PyqRxAfhi12AAAAAAAAABD8qkcQH4YtdgA\
            AAAAAAAAU/KpHEB+GLXYAAAAAAAAAG","i":[0,1,1,2],"nulls":[0]},{"c":"eole"},{"d":["CAF","FT"],"i":[0,1,1,0,1]}\
            ]}]""";

    @Test
    void columns2IsByteForByteWhatItWasAndColumns3SplitsTheSameIds() throws Exception {
        assertThat(SyncCodec.json().writeValueAsString(ColumnCodec.encode(smallDevicePage(), ColumnCodec.COLUMNS_2, IDS)))
                .isEqualTo(SMALL_DEVICE_PAGE_COLUMNS_2);

        List<ColumnCodec.ColumnTable> page = ColumnCodec.encode(smallDevicePage(), ColumnCodec.COLUMNS_3, IDS);
        String laptopA = Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(LAPTOP_A).array());
        String laptopB = Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(LAPTOP_B).array());
        // Sorted by birth date (the null first), then id: counters 14, 10, 12, 16, 18.
        assertThat(spec(page, 0, "id")).isEqualTo(Map.of("s", laptopA,
                "z", List.of(Long.MIN_VALUE + 14, -4L, 2L, 4L, 2L)));
        assertThat(spec(page, 1, "id")).isEqualTo(Map.of("s", laptopB,
                "z", List.of(Long.MIN_VALUE + 4, -1L, 2L, 1L, 1L)));
        // Participants of an earlier page, sorted (the null first): counters 4, 5, 5, 6.
        assertThat(spec(page, 1, "participant_id")).isEqualTo(Map.of("s", laptopA,
                "z", List.of(Long.MIN_VALUE + 4, 1L, 0L, 1L), "nulls", List.of(0)));
        // Every other column as in columns/2.
        List<ColumnCodec.ColumnTable> columns2 = ColumnCodec.encode(smallDevicePage(), ColumnCodec.COLUMNS_2, IDS);
        for (int g = 0; g < 2; g++) {
            for (String column : page.get(g).columns()) {
                if (!column.equals("id") && !column.equals("participant_id")) {
                    assertThat(spec(page, g, column)).as(column).isEqualTo(spec(columns2, g, column));
                }
            }
        }
    }

    /** Halves far apart on one prefix: the differences wrap around as longs, and come back exact. */
    @Test
    void differencesWrapAroundAndComeBackExact() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (long low : new long[] {Long.MAX_VALUE, Long.MIN_VALUE + 1, 0, -1, Long.MIN_VALUE}) {
            rows.add(List.of(new UUID(LAPTOP_A, low).toString()));
        }
        List<TableChanges> page = List.of(new TableChanges("participant", List.of("id"), rows));
        List<ColumnCodec.ColumnTable> encoded = ColumnCodec.encode(page, ColumnCodec.COLUMNS_3, IDS);
        // In text order: 0, MAX, MIN, MIN + 1, -1 — MAX + 1 is MIN.
        assertThat(spec(encoded, 0, "id")).containsEntry("z", List.of(0L, Long.MAX_VALUE, 1L, 1L, Long.MAX_VALUE - 1));
        sameAsRows(page);
    }

    /**
     * 3,000 support notes written over a year on two laptops, each note's id the next of the laptop that wrote it
     * (which also wrote the participants: 300, sent in an earlier page), its version and date when it was written.
     */
    static TableChanges deviceNotes(Random random) {
        long[] prefixes = {devicePrefix(random.nextLong()), devicePrefix(random.nextLong())};
        long[] counters = {random.nextInt(1000), random.nextInt(1000)};
        List<String> people = new ArrayList<>();
        for (int p = 0; p < 300; p++) {
            int d = random.nextInt(2);
            people.add(deviceId(prefixes[d], ++counters[d]));
        }
        List<String> authors = List.of(deviceId(prefixes[0], ++counters[0]), deviceId(prefixes[1], ++counters[1]),
                deviceId(prefixes[1], ++counters[1]));
        List<List<Object>> notes = new ArrayList<>();
        long millis = 0x01a2186f5982L;
        for (int n = 0; n < 3_000; n++) {
            int d = random.nextInt(2);
            millis += random.nextInt(3 * 3_600_000);
            notes.add(Arrays.asList(deviceId(prefixes[d], ++counters[d]),
                    String.format("%012x-%04x-%s", millis, 0, device(d)), device(d),
                    people.get(random.nextInt(people.size())), "abej-solidarite",
                    java.time.LocalDate.ofEpochDay(millis / 86_400_000L).toString(), "LOGEMENT",
                    authors.get(d + random.nextInt(d + 1)), false));
        }
        return new TableChanges("support_note", NOTES_COLUMNS, notes);
    }

    /**
     * Ids allocated per device: columns/3 sends prefixes and counters where columns/2 sends 16 bytes an id, and is
     * smaller once gzipped — clearly so for the id columns, which is what an initial sync is mostly made of (the
     * versions, jumping about once rows are sorted by participant, weigh the same in both); with random ids it is
     * columns/2 byte for byte.
     */
    @Test
    void columns3IsSmallerWhereDeviceIdsDominate() throws Exception {
        List<TableChanges> notes = List.of(deviceNotes(new Random(11)));
        List<ColumnCodec.ColumnTable> notes2 = ColumnCodec.encode(notes, ColumnCodec.COLUMNS_2, IDS);
        List<ColumnCodec.ColumnTable> notes3 = ColumnCodec.encode(notes, ColumnCodec.COLUMNS_3, IDS);
        assertThat(spec(notes3, 0, "id")).containsKeys("s", "i", "z");
        assertThat(spec(notes3, 0, "participant_id")).containsKeys("s", "i", "z");
        int ids2 = gzipped(spec(notes2, 0, "id"));
        int ids3 = gzipped(spec(notes3, 0, "id"));
        int references2 = gzipped(spec(notes2, 0, "participant_id"));
        int references3 = gzipped(spec(notes3, 0, "participant_id"));

        List<TableChanges> files = territoryFiles(new Random(2023), deviceIds(new Random(5), 2));
        int files2 = gzipped(ColumnCodec.encode(files, ColumnCodec.COLUMNS_2, IDS));
        int files3 = gzipped(ColumnCodec.encode(files, ColumnCodec.COLUMNS_3, IDS));
        System.out.printf(Locale.ROOT, "device ids, 3,000 notes of 2 laptops: columns/2 %,d B, columns/3 %,d B "
                        + "gzipped (%.2f) — id %,d B → %,d B, participant_id %,d B → %,d B; "
                        + "territory files (%d rows): columns/2 %,d B, columns/3 %,d B (%.2f)%n",
                gzipped(notes2), gzipped(notes3), gzipped(notes3) / (double) gzipped(notes2), ids2, ids3,
                references2, references3, files.stream().mapToInt(g -> g.rows().size()).sum(), files2, files3,
                files3 / (double) files2);
        assertThat(gzipped(notes3)).as("the notes").isLessThan(gzipped(notes2) * 9 / 10);
        assertThat(ids3).as("their ids").isLessThan(ids2 * 8 / 10);
        assertThat(references3).as("their participants").isLessThan(references2 / 2);
        assertThat(files3).as("the territory's files").isLessThan(files2 * 9 / 10);

        List<TableChanges> random = territoryFiles(new Random(2023));
        assertThat(SyncCodec.json().writeValueAsString(ColumnCodec.encode(random, ColumnCodec.COLUMNS_3, IDS)))
                .isEqualTo(SyncCodec.json().writeValueAsString(ColumnCodec.encode(random, ColumnCodec.COLUMNS_2, IDS)));
    }

    static int gzipped(Map<String, Object> column) {
        return SyncCodec.gzip(SyncCodec.encode(column)).length;
    }

    @Test
    void aSplitIdsFormThatDoesNotHoldTogetherIsRefused() {
        String a = Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(LAPTOP_A).array());
        String ab = Base64.getEncoder().encodeToString(ByteBuffer.allocate(16).putLong(LAPTOP_A).putLong(LAPTOP_B)
                .array());
        List<Object> deltas = List.of(Long.MIN_VALUE + 4, Long.MIN_VALUE + 7, 1);
        assertThat(ColumnCodec.decode(List.of(idsTable(3, Map.of("s", ab, "i", List.of(0, 1, 0), "z", deltas))), IDS)
                .get(0).rows()).as("well formed").containsExactly(List.of(deviceId(LAPTOP_A, 4)),
                List.of(deviceId(LAPTOP_B, 7)), List.of(deviceId(LAPTOP_A, 5)));
        assertThat(ColumnCodec.decode(List.of(idsTable(3, Map.of("s", a, "z", List.of(Long.MIN_VALUE + 4, 1),
                "nulls", List.of(1)))), IDS).get(0).rows()).as("one prefix, a null")
                .containsExactly(List.of(deviceId(LAPTOP_A, 4)), Arrays.asList((Object) null),
                        List.of(deviceId(LAPTOP_A, 5)));

        String twelveBytes = Base64.getEncoder().encodeToString(new byte[12]);
        List<Map<String, Object>> broken = List.of(
                Map.of("s", twelveBytes, "z", deltas),                              // not 8 bytes a prefix
                Map.of("s", "@@@@", "z", deltas),                                  // not base64
                Map.of("s", 42, "z", deltas),                                      // not text
                Map.of("s", ab, "i", List.of(0, 2, 0), "z", deltas),               // no third prefix
                Map.of("s", ab, "i", List.of(0, -1, 0), "z", deltas),
                Map.of("s", ab, "i", List.of(0, 1L << 32, 0), "z", deltas),        // 0 once cut to an int
                Map.of("s", "", "z", deltas),                                      // no prefix at all
                Map.of("s", ab, "z", deltas),                                      // two prefixes, no indices
                Map.of("s", ab, "i", List.of(0, 1), "z", deltas),                  // fewer indices than ids
                Map.of("s", ab, "i", List.of(0, 1, 0, 1), "z", deltas),            // more indices than ids
                Map.of("s", a, "z", List.of(1, 2)),                                // fewer differences than rows
                Map.of("s", a, "z", List.of(1, 2, 3, 4)),                          // more differences than rows
                Map.of("s", a, "z", deltas, "nulls", List.of(1)),                  // a difference for a null row
                Map.of("s", a, "z", deltas, "nulls", List.of(3)),                  // a null past the last row
                Map.of("s", a, "z", List.of(1, 2.5, 3)),                           // not a whole number
                Map.of("s", a, "z", List.of(1, BigInteger.ONE.shiftLeft(64), 3)),  // past 64 bits
                Map.of("s", a, "z", "1,2,3"));                                     // not a list
        for (Map<String, Object> spec : broken) {
            assertThatThrownBy(() -> ColumnCodec.decode(List.of(idsTable(3, spec)), IDS)).as(spec.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Page illisible");
        }
    }

    private static ColumnCodec.ColumnTable idsTable(int rows, Map<String, Object> id) {
        return new ColumnCodec.ColumnTable("participant", List.of("id"), rows, List.of(id));
    }

    private static byte[] base64Bytes(Object text) {
        return Base64.getDecoder().decode((String) text);
    }

    /** Rows per table as in the territory demo store, with random ids and short texts. */
    static List<TableChanges> territoryFiles(Random random) {
        return territoryFiles(random, count -> uuids(random, count));
    }

    /** The same rows with their ids (and authors) from {@code ids}: random ones, or ids allocated per device. */
    static List<TableChanges> territoryFiles(Random random, IntFunction<List<String>> ids) {
        String[] sites = {"abej-solidarite", "eole", "ressourcerie", "jardins", "batiment", "tri", "espaces-verts"};
        List<String> authors = ids.apply(14);
        List<String> people = ids.apply(294);
        List<List<Object>> participants = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            participants.add(Arrays.asList(people.get(p), version(random, p, 0), "demo", sites[p % sites.length],
                    "Prénom" + random.nextInt(80), "Nom" + random.nextInt(200), "1970-01-01", "06 " + random.nextInt(
                    100_000_000), false));
        }
        List<String> enrolmentIds = ids.apply(320);
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
            steps.add(Arrays.asList(ids.apply(1).get(0), version(random, s, 0), "demo", enrolmentIds.get(s),
                    sites[s % sites.length], 70 + 35 * (s % 4), "2024-0" + (1 + s % 9) + "-01", false));
        }
        List<String> noteIds = ids.apply(754);
        List<List<Object>> notes = new ArrayList<>();
        for (int n = 0; n < noteIds.size(); n++) {
            notes.add(Arrays.asList(noteIds.get(n), version(random, n, 0), "demo",
                    people.get(random.nextInt(people.size())), sites[n % sites.length],
                    "2025-0" + (1 + n % 9) + "-1" + n % 10, "LOGEMENT", authors.get(random.nextInt(authors.size())),
                    false));
        }
        List<List<Object>> revisions = new ArrayList<>();
        for (int r = 0; r < 901; r++) {
            revisions.add(Arrays.asList(ids.apply(1).get(0), version(random, r, 0), "demo",
                    noteIds.get(r < noteIds.size() ? r : random.nextInt(noteIds.size())), sites[r % sites.length],
                    "Entretien " + random.nextInt(40) + " : point sur les démarches.",
                    authors.get(random.nextInt(authors.size())), 1740000000000L + 86_400_000L * r, false));
        }
        List<String> referralIds = ids.apply(152);
        List<List<Object>> referrals = new ArrayList<>();
        for (int r = 0; r < referralIds.size(); r++) {
            referrals.add(Arrays.asList(referralIds.get(r), version(random, r, 0), "demo",
                    people.get(random.nextInt(people.size())), sites[r % sites.length], "FT", "ENVOYEE",
                    "2025-02-0" + (1 + r % 9), false));
        }
        List<List<Object>> moves = new ArrayList<>();
        for (int m = 0; m < 458; m++) {
            moves.add(Arrays.asList(ids.apply(1).get(0), version(random, m, 0), "demo",
                    referralIds.get(m % referralIds.size()), sites[m % sites.length], "EN_COURS",
                    "2025-03-0" + (1 + m % 9), authors.get(random.nextInt(authors.size())), false));
        }
        List<List<Object>> followUps = new ArrayList<>();
        for (int f = 0; f < 288; f++) {
            followUps.add(Arrays.asList(ids.apply(1).get(0), version(random, f, 0), "demo",
                    enrolmentIds.get(f), enrolled.get(f), sites[f % sites.length], 1 + f % 3 * 2,
                    "2025-0" + (1 + f % 9) + "-25", f % 2 == 0 ? null : "2025-10-04", false));
        }
        return List.of(
                new TableChanges("participant", List.of("id", "version", "updated_by", "worksite_id", "first_name",
                        "last_name", "birth_date", "phone", "deleted"), participants),
                new TableChanges("enrolment", ENROLMENTS_COLUMNS, enrolments),
                new TableChanges("phc_step", List.of("id", "version", "updated_by", "enrolment_id", "worksite_id",
                        "target_hours", "start_date", "deleted"), steps),
                new TableChanges("support_note", NOTES_COLUMNS, notes),
                new TableChanges("support_note_revision", REVISIONS_COLUMNS, revisions),
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
