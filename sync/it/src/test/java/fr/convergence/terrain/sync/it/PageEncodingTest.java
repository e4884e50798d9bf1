package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.sync.protocol.ColumnCodec;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import fr.convergence.terrain.sync.protocol.TableChanges;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Page encoding negotiation on a running hub: each laptop gets the encoding it asks for — rows when it asks for
 * none (laptops older than column pages) or for one the hub does not know, {@code columns/1} without any of the
 * {@code columns/2} forms, {@code columns/2} with packed ids and references into the page, {@code columns/3} with
 * ids allocated per device split into prefixes and counters — and all of them carry the same rows.
 */
class PageEncodingTest extends ProtocolLevelTest {


    EnrolResponse enrol() throws Exception {
        return world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
    }

    SyncResponse pullFromZero(EnrolResponse device, String encoding) throws Exception {
        return client.exchange(device.token(), new SyncRequest(SyncCodec.PROTOCOL, device.deviceId(), null, 0, 0,
                List.of(), false, null, null, encoding));
    }

    @Test
    void eachLaptopGetsTheEncodingItAsksForAndTheSameRows() throws Exception {
        EnrolResponse writer = enrol();
        List<Operation> ops = new ArrayList<>();
        // Seven participants created on a laptop that allocates ids per device, one older (a random id).
        long prefix = (0x3f2a91c407e12b5dL & ~0xF000L) | 0x8000L;
        for (int p = 0; p < 8; p++) {
            String participant = p == 3 ? UUID.randomUUID().toString()
                    : new UUID(prefix, 0x8000_0000_0000_0000L | (40 + p)).toString();
            ops.add(RawOps.participant(ops.size() + 1, writer.deviceId(), participant, SyncWorld.SITE_A));
            for (int d = 0; d < 3; d++) {
                ops.add(RawOps.hours(ops.size() + 1, writer.deviceId(), participant, SyncWorld.SITE_A,
                        LocalDate.of(2024, 3, 18).plusDays(d), 420 - 15 * d));
            }
        }
        SyncResponse pushed = client.exchange(writer.token(), RawOps.request(writer.deviceId(), 0, ops));
        assertThat(pushed.rejections()).isEmpty();
        EnrolResponse reader = enrol();

        SyncResponse rows = pullFromZero(reader, null);
        SyncResponse unknown = pullFromZero(reader, "columns/99");
        SyncResponse columns1 = pullFromZero(reader, ColumnCodec.COLUMNS_1);
        SyncResponse columns2 = pullFromZero(reader, ColumnCodec.COLUMNS_2);
        SyncResponse columns3 = pullFromZero(reader, ColumnCodec.COLUMNS_3);

        for (SyncResponse asRows : List.of(rows, unknown)) {
            assertThat(asRows.columns()).isEmpty();
            assertThat(asRows.changedRows()).isEqualTo(32);
        }
        assertThat(columns1.changes()).isEmpty();
        assertThat(keys(columns1)).contains("d", "derived").doesNotContain("u", "du", "r");
        assertThat(columns2.changes()).isEmpty();
        assertThat(keys(columns2)).contains("u", "r", "derived").doesNotContain("s");
        assertThat(columns3.changes()).isEmpty();
        assertThat(keys(columns3)).contains("s", "i", "r", "derived").doesNotContain("u");
        for (SyncResponse page : List.of(unknown, columns1, columns2, columns3)) {
            assertThat(byTable(page.allChanges(HoursCell::id))).isEqualTo(byTable(rows.allChanges(HoursCell::id)));
        }
    }

    /** Every key of every column form, nested ones (version parts) included. */
    private static Set<String> keys(SyncResponse response) {
        Set<String> keys = new HashSet<>();
        for (ColumnCodec.ColumnTable table : response.columns()) {
            table.data().forEach(spec -> collect(spec, keys));
        }
        return keys;
    }

    private static void collect(Object value, Set<String> keys) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                keys.add(String.valueOf(k));
                collect(v, keys);
            });
        }
    }

    /** Groups as comparable text: table, columns and rows (with their value types) in a stable order. */
    private static List<String> byTable(List<TableChanges> groups) {
        List<String> out = new ArrayList<>();
        for (TableChanges group : groups) {
            List<String> rows = new ArrayList<>();
            for (List<Object> row : group.rows()) {
                rows.add(row + row.stream().map(v -> v == null ? "null" : v.getClass().getSimpleName()).toList()
                        .toString());
            }
            rows.sort(null);
            out.add(group.table() + group.columns() + rows);
        }
        return out;
    }
}
