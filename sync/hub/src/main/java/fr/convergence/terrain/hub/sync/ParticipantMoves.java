package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.hub.sync.HubStore.HubTransaction;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A participant changing worksite: their whole file goes with them, and the old worksite's laptops get exit
 * records (children first) so that they drop every row of it.
 */
final class ParticipantMoves {

    private static final Logger LOG = LoggerFactory.getLogger(ParticipantMoves.class);

    private ParticipantMoves() {
    }

    /** Moves {@code participant}, already changed to {@code to}, and the rows of their file from {@code from}. */
    static void move(HubTransaction tx, HubRow participant, String from, String to, Supplier<String> hubStamp) {
        List<HubRow> file = new ArrayList<>(tx.rowsOfParticipant(participant.id()));
        file.removeIf(r -> r.table().equals(participant.table()));
        file.sort(Comparator.comparingInt(r -> SyncSchema.order(r.table())));
        List<HubRow> removal = new ArrayList<>(file);
        Collections.reverse(removal);
        for (HubRow row : removal) {
            tx.exit(row.table(), row.id(), from);
        }
        tx.exit(participant.table(), participant.id(), from);
        String stamp = hubStamp.get();
        participant.worksiteId(to);
        participant.movedSeq(FieldMeta.PENDING);
        tx.save(participant);
        for (HubRow row : file) {
            row.worksiteId(to);
            FieldMeta old = row.meta().get(SyncSchema.WORKSITE_ID);
            row.meta().put(SyncSchema.WORKSITE_ID, new FieldMeta(stamp, FieldMeta.PENDING, FieldMeta.HUB,
                    old == null ? null : row.data().get(SyncSchema.WORKSITE_ID)));
            row.data().put(SyncSchema.WORKSITE_ID, to);
            row.movedSeq(FieldMeta.PENDING);
            tx.save(row);
        }
        LOG.info("participant {} moved from {} to {} with {} rows", participant.id(), from, to, file.size());
    }
}
