package fr.convergence.terrain.sync.it;

import static fr.convergence.terrain.sync.it.SyncWorld.SITE_A;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.it.HubAttacks.Exchanger;
import fr.convergence.terrain.sync.it.SyncWorld.Laptop;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.ErrorResponse;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import fr.convergence.terrain.hub.log.SafeText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Hub security suite, hostile bodies (issue 12): a corpus of more than 300 bodies for {@code /api/v1/sync} and
 * {@code /api/v1/enrol}, generated here — truncated and deeply nested JSON, wrong types for every field, huge
 * strings and numbers, invalid UTF-8, gzip bombs, wrong content types, SQL and log injection in every text field,
 * far-past and far-future versions, negative and huge cursors and page sizes. Each is answered 4xx (never 5xx,
 * never a hang) or, answered 200, its operations refused one by one; afterwards {@code /health} is up, a legitimate
 * laptop of the attacked worksite still syncs exactly, and every other worksite's data is unchanged.
 */
abstract class HostileBodyTest {

    static final String[] INJECTIONS = {
        "' OR '1'='1", "'; DROP TABLE hub_row; --", "\" OR 1=1 --", "x'); DELETE FROM device; --",
        "a\nlevel=ERROR msg=\"forged\"", "\r\n2026-12-06 06:00:00 ERROR [main] forged", "\u001b[31mROUGE\u001b[0m\u001b[2J",
        "\t\tactif\tjamais\n", "${jndi:ldap://127.0.0.1:1/x}", "%s%s%n%x", "nul\u0000byte", "../../../../etc/passwd",
    };
    /** A Java class named in an answer: a package path or an exception's name. */
    static final Pattern JAVA = Pattern.compile("\\b(java|javax|com|org|fr|io|jdk|sun)\\.[a-z]+\\.|Exception|\\$[A-Z]");

    @TempDir
    Path dir;
    SyncWorld world;
    Exchanger http;
    EnrolResponse attacker;
    HttpHubClient client;

    abstract SyncWorld world(Path dir);

    /** One hostile body: for which path, with which headers, made for the attacker's next operation number. */
    record Body(String name, String path, Map<String, String> headers, Function<Long, byte[]> bytes,
                boolean validCode, long refusedOp) {
    }

    record Result(Body body, int status, String text, long millis, Throwable failure) {
    }

    @BeforeEach
    void start() throws Exception {
        world = world(dir);
        http = new Exchanger(world.url());
        client = new HttpHubClient(world.url(), null, Duration.ofSeconds(30));
        attacker = world.enrolDevice(client, "worksite", SITE_A);
    }

    @AfterEach
    void stop() {
        if (world != null) {
            world.close(); // null when the PostgreSQL half was skipped outside CI
        }
    }

    // ---------------------------------------------------------------- the corpus

    /** A valid sync request of the attacker, as a map to spoil: one new participant numbered {@code n}. */
    Map<String, Object> syncRequest(long n) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("protocol", 1);
        request.put("deviceId", attacker.deviceId());
        request.put("cursor", 0);
        request.put("base", 0);
        request.put("rejectionsSeenUpTo", n - 1);
        request.put("moreOperations", false);
        request.put("pageBytes", 65536);
        request.put("encoding", "columns/3");
        request.put("operations", new ArrayList<>(List.of(op(n, "participant", participantFields()))));
        return request;
    }

    Map<String, Object> participantFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("worksite_id", SITE_A);
        f.put("first_name", "Hostile");
        f.put("last_name", "Corpus");
        f.put("search_name", "hostile corpus");
        f.put("deleted", false);
        return f;
    }

    Map<String, Object> op(long n, String table, Map<String, Object> fields) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("n", n);
        op.put("t", table);
        op.put("r", UUID.randomUUID().toString());
        op.put("w", SITE_A);
        op.put("f", fields);
        op.put("v", HubAttacks.version(attacker.deviceId()));
        op.put("b", 0);
        return op;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> firstOp(Map<String, Object> request) {
        return ((List<Map<String, Object>>) request.get("operations")).get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fieldsOf(Map<String, Object> op) {
        return (Map<String, Object>) op.get("f");
    }

    Map<String, Object> enrolRequest(String code) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("protocol", 1);
        request.put("code", code);
        request.put("deviceId", UUID.randomUUID().toString());
        request.put("label", "Portable hostile");
        return request;
    }

    static byte[] json(Object message) {
        return SyncCodec.encode(message);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }

    static String nested(int depth, String open, String close, String inner) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    /** The corpus, generated: every body is built when sent, with the attacker's next operation number. */
    List<Body> corpus() {
        List<Body> bodies = new ArrayList<>();
        String sync = SyncCodec.SYNC_PATH;
        String enrol = SyncCodec.ENROL_PATH;
        Map<String, String> jsonType = Map.of("Content-Type", "application/json");
        Function<String, Map<String, String>> typed = t -> Map.of("Content-Type", t);

        // Truncated JSON, at 40 places of a valid request (and 10 of an enrolment).
        for (int i = 0; i < 40; i++) {
            int cut = i;
            bodies.add(new Body("truncated sync " + i, sync, jsonType, n -> {
                byte[] whole = json(syncRequest(n));
                return Arrays.copyOf(whole, Math.max(0, whole.length * cut / 40 - 1));
            }, false, 0));
        }
        for (int i = 0; i < 10; i++) {
            int cut = i;
            bodies.add(new Body("truncated enrol " + i, enrol, jsonType, n -> {
                byte[] whole = json(enrolRequest("AAAA-BBBB-CCCC"));
                return Arrays.copyOf(whole, Math.max(0, whole.length * cut / 10 - 1));
            }, false, 0));
        }
        // Deeply nested JSON.
        for (int depth : new int[] {200, 1_001, 5_000, 200_000}) {
            bodies.add(new Body("nested arrays " + depth, sync, jsonType, n -> utf8(nested(depth, "[", "]", "1")),
                    false, 0));
            bodies.add(new Body("nested objects " + depth, sync, jsonType,
                    n -> utf8(nested(depth, "{\"a\":", "}", "1")), false, 0));
            bodies.add(new Body("nested field value " + depth, sync, jsonType, n -> {
                String request = new String(json(syncRequest(n)), StandardCharsets.UTF_8);
                return utf8(request.replace("\"Hostile\"", nested(depth, "[", "]", "\"x\"")));
            }, false, 0));
            bodies.add(new Body("nested operations " + depth, sync, jsonType, n -> {
                String request = new String(json(syncRequest(n)), StandardCharsets.UTF_8);
                return utf8(request.replaceFirst("\"operations\":\\[", "\"operations\":" + nested(depth, "[", "]", "")
                        .substring(0, depth) + "["));
            }, false, 0));
            bodies.add(new Body("nested enrol label " + depth, enrol, jsonType, n -> utf8(
                    "{\"protocol\":1,\"code\":\"X\",\"deviceId\":\"d\",\"label\":" + nested(depth, "{\"a\":", "}", "1")
                            + "}"), false, 0));
        }
        // Wrong types for every field.
        Object[] wrongs = {"texte", 1.5, true, null, List.of(), Map.of("a", 1), new java.math.BigDecimal("1e400"),
            -1, new java.math.BigInteger("99999999999999999999999999")};
        for (String field : List.of("protocol", "deviceId", "hubId", "cursor", "base", "rejectionsSeenUpTo",
                "moreOperations", "pageBytes", "rebuilding", "encoding", "operations")) {
            for (Object wrong : wrongs) {
                bodies.add(new Body("sync " + field + "=" + wrong, sync, jsonType, n -> {
                    Map<String, Object> request = syncRequest(n);
                    request.put(field, wrong);
                    return json(request);
                }, false, 0));
            }
        }
        for (String field : List.of("n", "t", "r", "w", "f", "v", "b")) {
            for (Object wrong : wrongs) {
                bodies.add(new Body("operation " + field + "=" + wrong, sync, jsonType, n -> {
                    Map<String, Object> request = syncRequest(n);
                    firstOp(request).put(field, wrong);
                    return json(request);
                }, false, 0));
            }
        }
        for (String field : List.of("protocol", "code", "deviceId", "label")) {
            for (Object wrong : wrongs) {
                bodies.add(new Body("enrol " + field + "=" + wrong, enrol, jsonType, n -> {
                    Map<String, Object> request = enrolRequest(code());
                    request.put(field, wrong);
                    return json(request);
                }, true, 0));
            }
        }
        // Every field of every table, with a value of the wrong type, in a creation of the attacker's worksite:
        // refused as malformed, the rest of the request answered.
        for (SyncSchema.Table table : HubAttacks.deviceTables()) {
            for (SyncSchema.Field field : table.fields()) {
                Object wrong = switch (field.type()) {
                    case TEXT -> 12345;
                    case DATE -> "2024-13-45";
                    case INT -> "douze";
                    case LONG -> List.of(1);
                    case BOOL -> "oui";
                };
                bodies.add(new Body("field " + table.name() + "." + field.name() + "=" + wrong, sync, jsonType, n -> {
                    Map<String, Object> fields = HubAttacks.validRow(table, SITE_A, "wrong", Map.of());
                    fields.put(field.name(), wrong);
                    Map<String, Object> request = syncRequest(n);
                    request.put("operations", List.of(op(n, table.name(), fields)));
                    return json(request);
                }, false, -1));
            }
        }
        // Huge strings and numbers.
        String huge = "é".repeat(1_000_000);
        for (String field : List.of("deviceId", "hubId", "encoding")) {
            bodies.add(new Body("huge " + field, sync, jsonType, n -> {
                Map<String, Object> request = syncRequest(n);
                request.put(field, huge);
                return json(request);
            }, false, 0));
        }
        for (String field : List.of("t", "r", "w", "v")) {
            // The operation's "w" is informative (the hub reads the row's worksite_id): only the others are refused.
            bodies.add(new Body("huge operation " + field, sync, jsonType, n -> {
                Map<String, Object> request = syncRequest(n);
                firstOp(request).put(field, huge);
                return json(request);
            }, false, field.equals("w") ? 0 : -1));
        }
        bodies.add(new Body("huge field name", sync, jsonType, n -> {
            Map<String, Object> request = syncRequest(n);
            fieldsOf(firstOp(request)).put(huge, "x");
            return json(request);
        }, false, -1));
        bodies.add(new Body("huge field value", sync, jsonType, n -> {
            Map<String, Object> request = syncRequest(n);
            fieldsOf(firstOp(request)).put("first_name", huge);
            return json(request);
        }, false, -1));
        bodies.add(new Body("100,000 operations", sync, jsonType, n -> {
            StringBuilder ops = new StringBuilder();
            for (int i = 0; i < 100_000; i++) {
                ops.append(i == 0 ? "" : ",").append("{\"n\":").append(n + i).append("}");
            }
            return utf8("{\"protocol\":1,\"cursor\":0,\"operations\":[" + ops + "]}");
        }, false, 0));
        for (String field : List.of("label", "code", "deviceId")) {
            bodies.add(new Body("huge enrol " + field, enrol, jsonType, n -> {
                Map<String, Object> request = enrolRequest(code());
                request.put(field, huge);
                return json(request);
            }, true, 0));
        }
        for (String number : List.of("1e400", "-1e400", "99999999999999999999999999999", "9223372036854775808",
                "-9223372036854775809", "1" + "0".repeat(5_000), "NaN", "Infinity", "0x10", "1.0e-400")) {
            bodies.add(new Body("huge number n=" + number.substring(0, Math.min(20, number.length())), sync, jsonType,
                    n -> utf8(new String(json(syncRequest(n)), StandardCharsets.UTF_8)
                            .replace("\"n\":" + n, "\"n\":" + number)), false, 0));
            bodies.add(new Body("huge number cursor=" + number.substring(0, Math.min(20, number.length())), sync,
                    jsonType, n -> utf8(new String(json(syncRequest(n)), StandardCharsets.UTF_8)
                            .replace("\"cursor\":0", "\"cursor\":" + number)), false, 0));
            bodies.add(new Body("huge number minutes=" + number.substring(0, Math.min(20, number.length())), sync,
                    jsonType, n -> {
                        Map<String, Object> fields = HubAttacks.validRow(SyncSchema.table("hours_entry").orElseThrow(),
                                SITE_A, "n", Map.of("participant", UUID.randomUUID().toString()));
                        Map<String, Object> request = syncRequest(n);
                        request.put("operations", List.of(op(n, "hours_entry", fields)));
                        return utf8(new String(json(request), StandardCharsets.UTF_8)
                                .replace("\"minutes\":120", "\"minutes\":" + number));
                    }, false, 0));
        }
        // Invalid UTF-8 and broken escapes, in a text value and in a table name.
        byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}};
        for (int i = 0; i < invalid.length; i++) {
            byte[] bad = invalid[i];
            for (String where : List.of("\"Hostile\"", "\"participant\"")) {
                bodies.add(new Body("invalid UTF-8 " + i + " in " + where, sync, jsonType, n -> {
                    String request = new String(json(syncRequest(n)), StandardCharsets.UTF_8);
                    int at = request.indexOf(where) + 2;
                    byte[] head = utf8(request.substring(0, at));
                    return concat(head, bad, utf8(request.substring(at)));
                }, false, 0));
            }
            bodies.add(new Body("invalid UTF-8 " + i + " in enrol label", enrol, jsonType, n -> concat(
                    utf8("{\"protocol\":1,\"code\":\"X\",\"deviceId\":\"d\",\"label\":\"a"), bad, utf8("\"}")),
                    false, 0));
        }
        for (String escape : List.of("\\ud800", "\\udfff\\ud800", "\\u00", "\\x41", "\\uZZZZ")) {
            bodies.add(new Body("escape " + escape, sync, jsonType, n -> utf8(new String(json(syncRequest(n)),
                    StandardCharsets.UTF_8).replace("Hostile", "Hos" + escape + "tile")), false, 0));
        }
        // Compression: bombs and lies.
        Map<String, String> gzip = Map.of("Content-Type", "application/json", "Content-Encoding", "gzip");
        bodies.add(new Body("gzip bomb of zeros", sync, gzip, n -> SyncCodec.gzip(new byte[64 * 1024 * 1024]),
                false, 0));
        bodies.add(new Body("gzip bomb of spaces in a valid request", sync, gzip, n -> {
            byte[] request = json(syncRequest(n));
            byte[] spaces = new byte[20 * 1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            return SyncCodec.gzip(concat(utf8("{\"x\":\""), spaces, utf8("\","), Arrays.copyOfRange(request, 1,
                    request.length)));
        }, false, 0));
        bodies.add(new Body("gzip of gzip bomb", sync, gzip, n -> SyncCodec.gzip(SyncCodec.gzip(
                new byte[64 * 1024 * 1024])), false, 0));
        bodies.add(new Body("gzip declared, plain body", sync, gzip, n -> json(syncRequest(n)), false, 0));
        bodies.add(new Body("gzip truncated", sync, gzip, n -> {
            byte[] z = SyncCodec.gzip(json(syncRequest(n)));
            return Arrays.copyOf(z, z.length / 2);
        }, false, 0));
        bodies.add(new Body("gzip header only", sync, gzip, n -> new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0,
            0}, false, 0));
        bodies.add(new Body("gzip of garbage", sync, gzip, n -> SyncCodec.gzip(utf8("}{][\u0000")), false, 0));
        bodies.add(new Body("enrol gzip bomb", enrol, gzip, n -> SyncCodec.gzip(new byte[64 * 1024 * 1024]),
                false, 0));
        for (String coding : List.of("deflate", "br", "x-gzip, identity", "compress")) {
            bodies.add(new Body("Content-Encoding " + coding, sync, Map.of("Content-Encoding", coding),
                    n -> SyncCodec.gzip(json(syncRequest(n))), false, 0));
        }
        bodies.add(new Body("empty body", sync, jsonType, n -> new byte[0], false, 0));
        bodies.add(new Body("JSON null", sync, jsonType, n -> utf8("null"), false, 0));
        bodies.add(new Body("JSON array", sync, jsonType, n -> utf8("[]"), false, 0));
        bodies.add(new Body("JSON string", sync, jsonType, n -> utf8("\"sync\""), false, 0));
        bodies.add(new Body("two JSON documents", sync, jsonType, n -> concat(json(syncRequest(n)),
                json(syncRequest(n + 1))), false, 0));
        bodies.add(new Body("enrol empty body", enrol, jsonType, n -> new byte[0], false, 0));
        bodies.add(new Body("enrol JSON null", enrol, jsonType, n -> utf8("null"), false, 0));
        // Wrong content types around a valid body: answered as JSON or refused, never a 5xx.
        for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1",
                "application/octet-stream", "")) {
            bodies.add(new Body("content type '" + type + "'", sync, type.isEmpty() ? Map.of() : typed.apply(type),
                    n -> json(syncRequest(n)), false, 0));
            bodies.add(new Body("enrol content type '" + type + "'", enrol,
                    type.isEmpty() ? Map.of() : typed.apply(type), n -> json(enrolRequest(code())), true, 0));
        }
        // SQL and log injection in every text field.
        for (String injection : INJECTIONS) {
            String label = injection.replaceAll("\\p{Cntrl}", "?");
            for (String field : List.of("t", "r", "w", "v")) {
                bodies.add(new Body("injection operation " + field + " " + label, sync, jsonType, n -> {
                    Map<String, Object> request = syncRequest(n);
                    firstOp(request).put(field, injection);
                    return json(request);
                }, false, field.equals("t") || field.equals("v") ? -1 : 0));
            }
            bodies.add(new Body("injection field name " + label, sync, jsonType, n -> {
                Map<String, Object> request = syncRequest(n);
                fieldsOf(firstOp(request)).put(injection, "x");
                return json(request);
            }, false, -1));
            bodies.add(new Body("injection worksite_id " + label, sync, jsonType, n -> {
                Map<String, Object> request = syncRequest(n);
                fieldsOf(firstOp(request)).put("worksite_id", injection);
                return json(request);
            }, false, -1));
            bodies.add(new Body("injection field values " + label, sync, jsonType, n -> {
                Map<String, Object> request = syncRequest(n);
                Map<String, Object> fields = fieldsOf(firstOp(request));
                for (String text : List.of("first_name", "last_name", "phone", "email", "address", "referent_name")) {
                    fields.put(text, injection);
                }
                return json(request);
            }, false, 0));
            for (String field : List.of("deviceId", "hubId", "encoding")) {
                bodies.add(new Body("injection " + field + " " + label, sync, jsonType, n -> {
                    Map<String, Object> request = syncRequest(n);
                    request.put(field, injection);
                    return json(request);
                }, false, 0));
            }
            for (String field : List.of("label", "code", "deviceId")) {
                bodies.add(new Body("injection enrol " + field + " " + label, enrol, jsonType, n -> {
                    Map<String, Object> request = enrolRequest(code());
                    request.put(field, injection);
                    return json(request);
                }, true, 0));
            }
        }
        // Far-past, far-future and malformed versions.
        for (String version : List.of("000000000000-0000-x", "000000000001-0000-laptop", "ffffffffffff-ffff-laptop",
                "7fffffffffff-0000-laptop", "-00000000001-0000-x", "018e4a1b2c3d-0000-" + "n".repeat(5_000),
                "018e4a1b2c3d-0000-", "018e4a1b2c3d-10000-x", "zzzzzzzzzzzz-0000-x", "018e4a1b2c3d",
                "", "018e4a1b2c3d-0000-a\nlevel=ERROR", "01a000000000-0000-" + "é".repeat(100))) {
            String label = version.length() > 30 ? version.substring(0, 30) + "…(" + version.length() + ")" : version;
            bodies.add(new Body("version " + label, sync, jsonType, n -> {
                Map<String, Object> request = syncRequest(n);
                firstOp(request).put("v", version);
                return json(request);
            }, false, 0));
        }
        // Negative and huge cursors, bases, acknowledgements and page sizes.
        for (String field : List.of("cursor", "base", "rejectionsSeenUpTo", "pageBytes")) {
            for (long value : new long[] {-1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE,
                0}) {
                bodies.add(new Body(field + "=" + value, sync, jsonType, n -> {
                    Map<String, Object> request = syncRequest(n);
                    request.put(field, value);
                    return json(request);
                }, false, 0));
            }
        }
        return bodies;
    }

    private String code() {
        return world.hub.enrolments().issueCode("worksite", SITE_A, "corpus", Duration.ofDays(1));
    }

    // ---------------------------------------------------------------- running it

    List<Result> run(List<Body> bodies) throws Exception {
        List<Result> results = new ArrayList<>();
        for (Body body : bodies) {
            long last = world.hubStore.read(r -> r.device(attacker.deviceId())).orElseThrow().lastOperation();
            if (last > 1_000_000_000L) {
                // A jump (issue 12, finding 2) made every later operation of this device vanish: go on with another.
                attacker = world.enrolDevice(client, "worksite", SITE_A);
                last = 0;
            }
            byte[] bytes = body.bytes().apply(last + 1);
            Map<String, String> headers = new LinkedHashMap<>(body.headers());
            if (body.path().equals(SyncCodec.SYNC_PATH)) {
                headers.put("Authorization", "Bearer " + attacker.token());
            }
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.post(body.path(), bytes, headers);
                results.add(new Result(body, response.statusCode(), response.body(),
                        (System.nanoTime() - start) / 1_000_000, null));
            } catch (Exception e) {
                results.add(new Result(body, -1, "", (System.nanoTime() - start) / 1_000_000, e));
            }
        }
        return results;
    }

    @Test
    void everyHostileBodyIsAnswered4xxOrRefusedAndTheHubStaysExact() throws Exception {
        Laptop laptop = world.laptop("legitimate", "worksite", SITE_A);
        Edits edits = new Edits(laptop.store(), "esp");
        Participant p = edits.participant(SITE_A, "Aïcha", "Légitime");
        edits.hours(p, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 240);
        laptop.engine().sync(SyncProgress.NONE);
        EnrolResponse b = world.enrolDevice(client, "worksite", SyncWorld.SITE_B);
        HubAttacks.seed(http, b, SyncWorld.SITE_B, 1);
        Map<String, String> others = HubAttacks.checksum(world.hubStore, HubAttacks.worksitesBut(SITE_A));

        List<Body> corpus = corpus();
        long start = System.nanoTime();
        List<Result> results = run(corpus);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("hostile corpus: %d bodies in %d ms; slowest: %s%n", corpus.size(), millis,
                results.stream().sorted((x, y) -> Long.compare(y.millis(), x.millis())).limit(8)
                        .map(r -> r.body().name() + " " + r.millis() + " ms").toList());

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(corpus).as("hostile bodies").hasSizeGreaterThanOrEqualTo(300);
        for (Result r : results) {
            String name = r.body().path() + " " + r.body().name();
            // A hang is a failure: each request times out after HubAttacks.TIMEOUT. Times are printed, not asserted.
            soft.assertThat(r.failure()).as(name + ": no answer").isNull();
            soft.assertThat(r.status()).as(name + ": status, " + abbreviate(r.text())).isBetween(200, 499);
            if (r.status() == 200 && r.body().path().equals(SyncCodec.SYNC_PATH)) {
                SyncResponse answer = SyncCodec.decode(utf8(r.text()), SyncResponse.class);
                if (r.body().refusedOp() != 0) {
                    soft.assertThat(answer.rejections()).as(name + ": its operation refused").isNotEmpty();
                }
            }
            if (r.status() == 200 && r.body().path().equals(SyncCodec.ENROL_PATH)) {
                soft.assertThat(r.body().validCode()).as(name + ": enrolled without a valid code").isTrue();
            }
        }
        HttpResponse<String> health = http.health();
        soft.assertThat(health.statusCode()).as("/health after the corpus").isEqualTo(200);
        edits.hours(p, Edits.MONDAY.plusDays(1), HoursKind.FORMATION, 120);
        laptop.engine().sync(SyncProgress.NONE);
        soft.assertThat(laptop.snapshot()).as("the legitimate laptop's store is the hub's rows of its worksite")
                .isEqualTo(world.hubSnapshot(Set.of(SITE_A)));
        soft.assertThat(HubAttacks.checksum(world.hubStore, HubAttacks.worksitesBut(SITE_A)))
                .as("every other worksite's data").isEqualTo(others);
        soft.assertAll();
    }

    /** Issue 12, finding 6: a refusal says what is wrong in French, and names no Java class. */
    @Test
    void everyRefusalIsTheProtocolsErrorAndNamesNoJavaClass() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (Result r : run(corpus())) {
            if (r.status() < 400 || r.status() > 499) {
                continue;
            }
            String name = r.body().path() + " " + r.body().name();
            ErrorResponse error = SyncCodec.json().readValue(r.text(), ErrorResponse.class);
            soft.assertThat(error.code()).as(name + ": code").isNotBlank();
            soft.assertThat(error.message()).as(name + ": message").isNotBlank();
            soft.assertThat(JAVA.matcher(error.message()).find()).as(name + ": names a Java class: "
                    + abbreviate(error.message())).isFalse();
        }
        soft.assertAll();
    }

    /** Issue 12, finding 5: no value a device sends can make the hub write a line of its own in the log. */
    @Test
    void noHostileValueForgesALogLine() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            run(corpus().stream().filter(b -> b.name().startsWith("injection") || b.name().startsWith("version"))
                    .toList());
        } finally {
            root.detachAppender(appender);
        }
        // The message as the hub's log line carries it: logback.xml writes every message through %safeMsg
        // (SafeText.quoted); HubLogInjectionTest checks that layout itself.
        List<String> forged = appender.list.stream().map(ILoggingEvent::getFormattedMessage).map(SafeText::quoted)
                .filter(m -> m.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0x1b || c == 0))
                .map(HostileBodyTest::abbreviate).distinct().toList();
        assertThat(forged).as("log messages carrying a line break or an escape sequence").isEmpty();
    }

    /**
     * Issue 12, finding 6: the hub's own writer is named {@code hub} (versions, {@code updated_by}, conflict records):
     * a device enrolled under that id would pass its writes for the hub's. Refused with a valid code.
     */
    @Test
    void aDeviceCannotEnrolUnderTheHubsName() throws Exception {
        Map<String, Object> request = enrolRequest(code());
        request.put("deviceId", "hub");
        HttpResponse<String> answer = http.post(SyncCodec.ENROL_PATH, json(request),
                Map.of("Content-Type", "application/json"));
        assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
        java.util.Optional<fr.convergence.terrain.hub.sync.Device> enrolled = world.hubStore.read(r -> r.device("hub"));
        assertThat(enrolled).isEmpty();
    }

    static String abbreviate(String text) {
        String flat = text.replace("\n", "\\n").replace("\r", "\\r").replace("\u001b", "\\e");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
