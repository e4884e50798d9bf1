package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.core.clock.Hlc;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.reference.ReferenceData;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the hub security suite shares: a "family" of rows (one per synced table, generated from {@link SyncSchema}
 * so that a new table is covered without touching the tests), raw HTTP exchanges whose answers are read as text
 * (every byte of an answer can be searched for another worksite's ids and values), and a checksum of a set of
 * worksites' hub data (rows, their sequences and the exits) to prove an attack changed nothing.
 */
final class HubAttacks {

    /** Every value a family's rows carry contains this marker and the family's own random tag. */
    static final String MARK = "secret-";
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private HubAttacks() {
    }

    /** One row of each synced table of one worksite, parents first; {@code ids} by table. */
    record Family(String worksite, String tag, Map<String, String> ids, Map<String, Map<String, Object>> fields) {

        String id(String table) {
            return ids.get(table);
        }

        /** Every value of the family that no other worksite's device may ever see: its ids and its texts. */
        Set<String> secrets() {
            Set<String> secrets = new TreeSet<>(ids.values());
            fields.values().forEach(f -> f.values().forEach(v -> {
                if (v instanceof String s && s.contains(MARK)) {
                    secrets.add(s);
                }
            }));
            secrets.add(MARK + tag);
            return secrets;
        }
    }

    /** The tables a device writes (the hub alone creates conflict records). */
    static List<SyncSchema.Table> deviceTables() {
        return SyncSchema.tables().stream().filter(t -> !t.name().equals(SyncSchema.CONFLICT_TABLE)).toList();
    }

    /**
     * A valid new row of {@code table} in {@code worksite}: every field filled (optional ones too) with a value the
     * hub's rules accept, texts tagged with {@code tag}; references point to {@code parents} (table → id).
     */
    static Map<String, Object> validRow(SyncSchema.Table table, String worksite, String tag,
                                        Map<String, String> parents) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (SyncSchema.Field field : table.fields()) {
            f.put(field.name(), value(table.name(), field, worksite, tag, parents));
        }
        f.put(SyncSchema.DELETED, false);
        return f;
    }

    private static Object value(String table, SyncSchema.Field field, String worksite, String tag,
                                Map<String, String> parents) {
        if (field.parent() != null) {
            return parents.get(field.parent());
        }
        if (field.name().equals(SyncSchema.WORKSITE_ID)) {
            return worksite;
        }
        Object known = switch (table + "." + field.name()) {
            case "enrolment.programme" -> "CVG";
            case "enrolment.contract_type" -> "CDDI";
            case "enrolment.weekly_hours" -> 26;
            case "enrolment.derogation_kind", "enrolment.derogation_end_date", "enrolment.exit_date",
                 "enrolment.exit_category", "enrolment.exit_reason", "enrolment.extension_reason",
                 "follow_up.done_date", "follow_up.outcome", "referral_status_change.from_status" -> null;
            case "enrolment.entry_date" -> "2024-01-08";
            case "phc_step.target_hours" -> 4;
            case "hours_entry.kind" -> HoursKind.TRAVAIL_CHANTIER.name();
            case "hours_entry.minutes" -> 120;
            case "hours_entry.work_day" -> "2024-03-18";
            case "support_note.theme" -> "EMPLOI";
            case "support_note.visibility" -> "EQUIPE_CHANTIER";
            case "referral.partner_code" -> "CPAM";
            case "referral.status", "referral_status_change.to_status" -> "BROUILLON";
            case "referral.documents", "referral.shared_fields" -> "{}";
            case "follow_up.months_after" -> 6;
            case "sync_conflict.resolved" -> false;
            case "sync_conflict.table_name" -> "participant";
            case "sync_conflict.field_name" -> "phone";
            default -> "";
        };
        if (!"".equals(known)) {
            return known;
        }
        return switch (field.type()) {
            case TEXT -> MARK + tag + "-" + table + "-" + field.name();
            case DATE -> "2024-02-0" + (1 + Math.abs((table + field.name()).hashCode()) % 9);
            case INT -> 3;
            case LONG -> 1_700_000_000_000L;
            case BOOL -> false;
        };
    }

    /** A fresh id for a row of {@code table} (an hours cell's id is derived from its key, as laptops make it). */
    static String newId(SyncSchema.Table table, Map<String, Object> fields) {
        if (table.name().equals("hours_entry")) {
            return HoursCell.id((String) fields.get("participant_id"),
                    java.time.LocalDate.parse((String) fields.get("work_day")), HoursKind.TRAVAIL_CHANTIER);
        }
        return UUID.randomUUID().toString();
    }

    static String version(String node) {
        return new Hlc(System.currentTimeMillis(), 0, node).encode();
    }

    /**
     * Writes one row of every device table in {@code worksite} through {@code device}'s exchanges (operation numbers
     * from {@code firstNumber}), and checks every one was applied.
     */
    static Family seed(Exchanger exchanger, EnrolResponse device, String worksite, long firstNumber) throws Exception {
        String tag = "fam" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        List<Operation> ops = new ArrayList<>();
        long n = firstNumber;
        for (SyncSchema.Table table : deviceTables()) {
            Map<String, Object> fields = validRow(table, worksite, tag, ids);
            String id = newId(table, fields);
            ids.put(table.name(), id);
            all.put(table.name(), fields);
            ops.add(new Operation(n++, table.name(), id, worksite, fields, version(device.deviceId()), 0));
        }
        Answer answer = exchanger.exchange(device.token(), new SyncRequest(SyncCodec.PROTOCOL, device.deviceId(),
                null, 0, firstNumber - 1, ops, false, null));
        if (answer.status() != 200 || !answer.response().rejections().isEmpty()) {
            throw new AssertionError("seeding " + worksite + " failed: " + answer.body());
        }
        return new Family(worksite, tag, ids, all);
    }

    /** An exchange's answer as the wire carried it: status, text, and the decoded answer when it is one. */
    record Answer(int status, String body, SyncResponse response) {
    }

    /** Sends requests over real HTTP (JSON, no compression) and keeps each answer's text. */
    static final class Exchanger {
        final URI hub;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

        Exchanger(URI hub) {
            this.hub = hub;
        }

        Answer exchange(String token, SyncRequest request) throws Exception {
            return exchange(token, SyncCodec.encode(request));
        }

        Answer exchange(String token, byte[] body) throws Exception {
            HttpResponse<String> response = post(SyncCodec.SYNC_PATH, body,
                    token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
            SyncResponse decoded = null;
            if (response.statusCode() == 200) {
                decoded = SyncCodec.decode(response.body().getBytes(StandardCharsets.UTF_8), SyncResponse.class);
            }
            return new Answer(response.statusCode(), response.body(), decoded);
        }

        HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
            HttpRequest.Builder builder = HttpRequest.newBuilder(hub.resolve(path)).timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(builder::header);
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> health() throws Exception {
            return http.send(HttpRequest.newBuilder(hub.resolve(SyncCodec.HEALTH_PATH)).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * A checksum of everything the hub holds for {@code worksites}: each row with its data, its per-field meta, its
     * version, writer and sequences (a row only marked to be sent again counts as changed: its laptops download it
     * again), and the exits written for them.
     */
    static Map<String, String> checksum(HubStore store, Set<String> worksites) {
        Map<String, String> sums = new TreeMap<>();
        store.read(r -> {
            for (HubRow row : r.rowsAfter(worksites, 0, Integer.MAX_VALUE)) {
                // The sequences readable (a row only marked to be sent again shows as such), the rest hashed.
                sums.put(row.table() + "/" + row.id(), "data " + sha(row.worksiteId() + ' ' + row.participantId()
                        + ' ' + new TreeMap<>(row.data()) + ' ' + row.version() + ' ' + row.updatedBy() + ' '
                        + row.deleted()) + " meta " + sha(String.valueOf(new TreeMap<>(row.meta()))) + " seq="
                        + row.seq() + " created=" + row.createdSeq() + " moved=" + row.movedSeq());
            }
            r.exitsAfter(worksites, 0, Integer.MAX_VALUE).forEach(e -> sums.put("exit/" + e, "exit"));
            return null;
        });
        return sums;
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every worksite of the reference data but these. */
    static Set<String> worksitesBut(String... excluded) {
        Set<String> out = ReferenceData.load().worksites().stream().map(w -> w.id())
                .collect(Collectors.toCollection(TreeSet::new));
        out.removeAll(Set.of(excluded));
        return out;
    }

    /** The secrets of {@code other} found in {@code answer} that the request itself did not carry. */
    static List<String> leaked(Answer answer, byte[] request, Family other) {
        String sent = new String(request, StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(answer.body());
        if (answer.response() != null) {
            // Column pages pack ids in base64: search the rows as the laptop decodes them too.
            answer.response().allChanges(HoursCell::id).forEach(c -> text.append('\n').append(c));
            answer.response().exits().forEach(e -> text.append('\n').append(e));
        }
        String all = text.toString();
        return other.secrets().stream().filter(all::contains).filter(s -> !sent.contains(s)).toList();
    }
}
