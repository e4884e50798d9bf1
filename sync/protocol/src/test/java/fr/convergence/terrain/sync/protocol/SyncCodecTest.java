package fr.convergence.terrain.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void operationsTravelWithShortNames() {
        String json = new String(SyncCodec.encode(new Operation(1, "t", "r", "w", Map.of("a", 1), "v", 0)));
        assertThat(json).isEqualTo("{\"n\":1,\"t\":\"t\",\"r\":\"r\",\"w\":\"w\",\"f\":{\"a\":1},\"v\":\"v\",\"b\":0}");
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
