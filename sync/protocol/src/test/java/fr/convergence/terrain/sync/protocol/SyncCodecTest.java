package fr.convergence.terrain.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncCodecTest {

    @Test
    void requestSurvivesEncodingAndCompression() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("minutes", 240);
        fields.put("work_day", "2024-03-18");
        fields.put("comment", null);
        SyncRequest request = new SyncRequest(SyncCodec.PROTOCOL, "dev-1", "hub-1", 42, 3,
                List.of(new Operation(7, "hours_entry", "r1", "w1", fields, "018e4a1b2c3d-0000-dev-1", 40)), false, null);
        byte[] wire = SyncCodec.gzip(SyncCodec.encode(request));
        SyncRequest back = SyncCodec.decode(SyncCodec.gunzip(wire, 1 << 20), SyncRequest.class);
        assertThat(back).isEqualTo(request);
        assertThat(back.operations().get(0).fields()).containsEntry("comment", null).containsEntry("minutes", 240);
    }

    @Test
    void theLaptopsReportTravelsAndARequestWithoutOneStillReads() throws Exception {
        SyncRequest request = new SyncRequest(SyncCodec.PROTOCOL, "dev-1", "hub-1", 42, 3, List.of(), false, null,
                null, null, null, new ClientReport("0.2.0", "sandrine", 2, 1_765_000_000_000L));
        String json = new String(SyncCodec.encode(request), StandardCharsets.UTF_8);
        assertThat(json).contains("\"client\":{\"appVersion\":\"0.2.0\",\"person\":\"sandrine\",\"quarantined\":2,"
                + "\"oldestQuarantinedAt\":1765000000000}");
        assertThat(SyncCodec.decode(SyncCodec.encode(request), SyncRequest.class)).isEqualTo(request);
        // A laptop from before the report: no "client" at all, read as null.
        SyncRequest older = new SyncRequest(SyncCodec.PROTOCOL, "dev-1", "hub-1", 42, 3, List.of(), false, null);
        assertThat(new String(SyncCodec.encode(older), StandardCharsets.UTF_8)).doesNotContain("client");
        assertThat(SyncCodec.decode(SyncCodec.encode(older), SyncRequest.class).client()).isNull();
    }

    @Test
    void operationsTravelWithShortNames() {
        String json = new String(SyncCodec.encode(new Operation(1, "t", "r", "w", Map.of("a", 1), "v", 0)));
        assertThat(json).isEqualTo("{\"n\":1,\"t\":\"t\",\"r\":\"r\",\"w\":\"w\",\"f\":{\"a\":1},\"v\":\"v\",\"b\":0}");
    }

    @Test
    void encodedFieldsGoOnTheWireAsTheyAreAndReadAsTheHubReadsThem() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("body", "Zoé \"N'Diaye\" \\ 😀\n\t\u0001\u2028 <fin>");
        fields.put("minutes", 240);
        fields.put("created_at", 1_710_756_000_000L);
        fields.put("done_date", null);
        fields.put("deleted", false);
        String json = SyncCodec.json().writeValueAsString(fields);
        Operation encoded = Operation.encoded(7, "support_note_revision", "r1", "w1", json, "v", 40);
        Operation mapped = new Operation(7, "support_note_revision", "r1", "w1", fields, "v", 40);
        SyncRequest request = new SyncRequest(SyncCodec.PROTOCOL, "dev-1", "hub-1", 42, 3,
                List.of(encoded, Operation.skip(8), mapped), false, null);
        SyncRequest expected = new SyncRequest(SyncCodec.PROTOCOL, "dev-1", "hub-1", 42, 3,
                List.of(mapped, Operation.skip(8), mapped), false, null);

        assertThat(new String(SyncCodec.encode(request), StandardCharsets.UTF_8))
                .isEqualTo(new String(SyncCodec.encode(expected), StandardCharsets.UTF_8))
                .contains("\"minutes\":240,\"created_at\":1710756000000,\"done_date\":null,\"deleted\":false}");
        // Written to a String, the emoji is as it is; in a request's bytes, each half of its pair is escaped.
        assertThat(json).contains("😀");
        assertThat(new String(SyncCodec.encode(request), StandardCharsets.UTF_8)).contains("\\uD83D\\uDE00")
                .doesNotContain("😀");
        assertThat(SyncCodec.encode(request)).isEqualTo(SyncCodec.encode(expected));
        assertThat(SyncCodec.decode(SyncCodec.encode(request), SyncRequest.class)).isEqualTo(expected);
        assertThat(encoded.fields()).isEqualTo(fields).containsEntry("done_date", null).containsEntry("minutes", 240);
        assertThat(encoded).isEqualTo(mapped).hasSameHashCodeAs(mapped);
        assertThat(mapped).isEqualTo(encoded);
        assertThatThrownBy(() -> encoded.fields().put("minutes", 0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Operation.encoded(1, "t", "r", "w", "[]", "v", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownPropertiesFromANewerPeerAreIgnored() throws Exception {
        String json = "{\"protocol\":1,\"deviceId\":\"d\",\"cursor\":5,\"futureField\":true}";
        SyncRequest request = SyncCodec.decode(json.getBytes(), SyncRequest.class);
        assertThat(request.cursor()).isEqualTo(5);
        assertThat(request.operations()).isEmpty();
    }

    @Test
    void aCompressedBombIsRefusedNotInflated() {
        byte[] bomb = SyncCodec.gzip(new byte[5_000_000]);
        assertThat(bomb.length).isLessThan(10_000);
        assertThatThrownBy(() -> SyncCodec.gunzip(bomb, 1_000_000)).isInstanceOf(SyncCodec.TooLargeException.class);
    }

    @Test
    void garbageIsAMalformedMessage() {
        assertThatThrownBy(() -> SyncCodec.decode("{not json".getBytes(), SyncRequest.class))
                .isInstanceOf(SyncCodec.MalformedMessageException.class);
        assertThatThrownBy(() -> SyncCodec.gunzip("plain".getBytes(), 100))
                .isInstanceOf(SyncCodec.MalformedMessageException.class);
    }

    @Test
    void schemaListsParentsBeforeChildren() {
        for (SyncSchema.Table table : SyncSchema.tables()) {
            for (SyncSchema.Field ref : table.references()) {
                assertThat(SyncSchema.order(ref.parent())).as(table.name() + "." + ref.name())
                        .isLessThan(SyncSchema.order(table.name()));
            }
        }
    }
}
