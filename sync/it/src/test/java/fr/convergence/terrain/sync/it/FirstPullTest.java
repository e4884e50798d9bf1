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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A first pull (cursor 0) sends every row whole, reading no per-field meta, unless the laptop wrote before it
 * pulled: then its own fields are not sent back to it (the hub must read who wrote each field).
 */
class FirstPullTest extends ProtocolLevelTest {

    @Test
    void aLaptopThatWroteBeforeItsFirstPullDoesNotGetItsOwnRowsBackAndANewOneGetsEverythingWhole() throws Exception {
        EnrolResponse other = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        String othersRow = UUID.randomUUID().toString();
        client.exchange(other.token(), RawOps.request(other.deviceId(), 0,
                List.of(RawOps.participant(1, other.deviceId(), othersRow, SyncWorld.SITE_A))));

        String editedRow = UUID.randomUUID().toString();
        client.exchange(other.token(), RawOps.request(other.deviceId(), 1,
                List.of(RawOps.participant(2, other.deviceId(), editedRow, SyncWorld.SITE_A))));

        EnrolResponse writer = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        String ownRow = UUID.randomUUID().toString();
        Operation edit = new Operation(2, "participant", editedRow, SyncWorld.SITE_A, Map.of("last_name", "Modifié"),
                RawOps.version(writer.deviceId()), 0);
        SyncResponse first = client.exchange(writer.token(), new SyncRequest(SyncCodec.PROTOCOL, writer.deviceId(),
                null, 0, 0, List.of(RawOps.participant(1, writer.deviceId(), ownRow, SyncWorld.SITE_A), edit), false,
                null, null, ColumnCodec.COLUMNS_3));
        assertThat(first.acknowledged()).isEqualTo(2);
        // Its own row does not come back; a row it edited in part comes whole (it may not hold the rest).
        Map<String, Map<String, Object>> firstRows = participants(first);
        assertThat(firstRows).containsOnlyKeys(othersRow, editedRow);
        assertThat(firstRows.get(editedRow)).containsEntry("last_name", "Modifié")
                .containsEntry("first_name", "Test").containsEntry("worksite_id", SyncWorld.SITE_A);

        EnrolResponse newcomer = world.enrolDevice(client, "worksite", SyncWorld.SITE_A);
        SyncResponse whole = client.exchange(newcomer.token(), new SyncRequest(SyncCodec.PROTOCOL,
                newcomer.deviceId(), null, 0, 0, List.of(), false, null, null, ColumnCodec.COLUMNS_3));
        Map<String, Map<String, Object>> received = participants(whole);
        assertThat(received).containsOnlyKeys(othersRow, ownRow, editedRow);
        Operation sent = RawOps.participant(1, writer.deviceId(), ownRow, SyncWorld.SITE_A);
        assertThat(received.get(ownRow)).containsAllEntriesOf(sent.fields());
    }

    /** The participant rows of a page: id → column → value. */
    private static Map<String, Map<String, Object>> participants(SyncResponse page) {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (TableChanges group : page.allChanges(HoursCell::id)) {
            if (!group.table().equals("participant")) {
                continue;
            }
            for (List<Object> row : group.rows()) {
                Map<String, Object> values = new HashMap<>();
                for (int c = 0; c < group.columns().size(); c++) {
                    values.put(group.columns().get(c), row.get(c));
                }
                rows.put((String) values.get("id"), values);
            }
        }
        return rows;
    }
}
