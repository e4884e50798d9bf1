package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.core.clock.Hlc;
import fr.convergence.terrain.hub.sync.HubStore.HubTransaction;
import fr.convergence.terrain.sync.protocol.Rejection;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure of a person on the hub (issue 14). A device's {@code erasure} tombstone (id = the participant's id) deletes
 * every row of the person physically, in the exchange's transaction, and stays for good; from then on any operation
 * on a row of that person is refused with {@link Rejection#ERASED}, so a laptop that was offline cannot bring them
 * back. The tombstone belongs to no participant (it survives their file) and goes, like any row, to the laptops of
 * the worksite the person was in, which erase too; never to another worksite's.
 */
final class Erasures {

    private static final Logger LOG = LoggerFactory.getLogger(Erasures.class);

    static final String REFUSED = "Les données de cette personne ont été effacées (à sa demande ou au terme de leur "
            + "durée de conservation) : cette modification n'est pas acceptée et sera retirée de ce poste.";

    private Erasures() {
    }

    /**
     * The participant a write is about: the row's own participant on the hub, else (a row the hub does not hold) its
     * reference to the participant or its parent's participant. Empty when none can be told (the row and its parent
     * are both unknown: the write is then refused as it always was, missing parent or missing fields).
     */
    static Optional<String> participantOf(HubTransaction tx, SyncedTable table, String rowId,
                                          Map<String, Object> fields, Optional<HubRow> stored) {
        if (table.scope() == SyncedTable.Scope.OWN_WORKSITE) {
            return Optional.of(rowId);
        }
        if (stored.isPresent()) {
            return Optional.ofNullable(stored.get().participantId());
        }
        for (SyncSchema.Field ref : table.references()) {
            Object value = fields.get(ref.name());
            if (!(value instanceof String id)) {
                continue;
            }
            if (ref.parent().equals("participant")) {
                return Optional.of(id);
            }
            Optional<String> parents = tx.row(ref.parent(), id).map(HubRow::participantId);
            if (parents.isPresent()) {
                return parents;
            }
        }
        return Optional.empty();
    }

    /** Whether the person was erased: one look-up per person and exchange ({@code known} is the exchange's). */
    static boolean erased(HubTransaction tx, String participantId, Map<String, Boolean> known) {
        return known.computeIfAbsent(participantId,
                id -> tx.row(SyncSchema.ERASURE_TABLE, id).isPresent());
    }

    /** Applies a device's tombstone: the first one erases; later ones (another laptop's) change nothing. */
    static RowMerge.Outcome apply(HubTransaction tx, Device device, Set<String> scope, String participantId,
                                  Map<String, Object> fields, Hlc version, String writer, Optional<HubRow> stored,
                                  Map<String, Boolean> known, long base) {
        if (stored.isPresent() && !scope.contains(stored.get().worksiteId())) {
            // Another worksite's tombstone: not this device's to touch (nor to learn about).
            return RowMerge.Outcome.refused(Rejection.FORBIDDEN, RowMerge.outOfScope());
        }
        if (Boolean.TRUE.equals(fields.get(SyncSchema.DELETED))) {
            return RowMerge.Outcome.refused(Rejection.RULE, "Un effacement ne s'annule pas : les données de cette "
                    + "personne ne peuvent pas revenir.");
        }
        if (stored.isPresent()) {
            // Already erased (another laptop of the worksite erased the person too): nothing more to do.
            return new RowMerge.Outcome(null, 0);
        }
        SyncSchema.Table wire = SyncSchema.table(SyncSchema.ERASURE_TABLE).orElseThrow();
        for (SyncSchema.Field field : wire.fields()) {
            if (field.required() && fields.get(field.name()) == null) {
                return RowMerge.Outcome.refused(Rejection.MALFORMED, "Champ obligatoire manquant : « "
                        + field.name() + " ».");
            }
        }
        // The person's worksite on the hub, not the laptop's: they may have moved meanwhile. A device that does not
        // see them now may not erase them (else any laptop could erase another worksite's people by id).
        Optional<HubRow> participant = tx.rowForUpdate("participant", participantId);
        String sent = (String) fields.get(SyncSchema.WORKSITE_ID);
        String worksite = participant.map(HubRow::worksiteId).orElse(sent);
        boolean leftScopeUnseen = !scope.contains(worksite) && participant.isPresent()
                && tx.exitsAfter(scope, base, Integer.MAX_VALUE).stream().anyMatch(e -> e.table().equals("participant")
                        && e.rowId().equals(participantId));
        if (!scope.contains(worksite) && !leftScopeUnseen) {
            return RowMerge.Outcome.refused(Rejection.FORBIDDEN, RowMerge.outOfScope());
        }
        if (leftScopeUnseen) {
            // The person moved to a worksite this device does not see, after what it had pulled: it still held them
            // when it erased, so the erasure stands and follows them. Its own copy of the tombstone, filed under its
            // worksite, leaves its scope like the person did.
            tx.exit(SyncSchema.ERASURE_TABLE, participantId, sent);
        }
        int deleted = tx.eraseParticipant(participantId);
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, FieldMeta> meta = new LinkedHashMap<>();
        for (SyncSchema.Field field : wire.fields()) {
            data.put(field.name(), fields.get(field.name()));
            meta.put(field.name(), new FieldMeta(version.encode(), FieldMeta.PENDING, writer, null));
        }
        data.put(SyncSchema.WORKSITE_ID, worksite);
        data.put(SyncSchema.DELETED, false);
        meta.put(SyncSchema.DELETED, new FieldMeta(version.encode(), FieldMeta.PENDING, writer, null));
        if (!Objects.equals(worksite, sent)) {
            // Written by the hub, so the laptop gets the person's actual worksite back (as RowMerge.create does).
            meta.put(SyncSchema.WORKSITE_ID, new FieldMeta(version.encode(), FieldMeta.PENDING, FieldMeta.HUB, sent));
        }
        tx.save(new HubRow(SyncSchema.ERASURE_TABLE, participantId, worksite, null, data, meta, version.encode(),
                device.id(), FieldMeta.PENDING, FieldMeta.PENDING, 0, null));
        known.put(participantId, true);
        // No name in the log: the id and the count only.
        LOG.info("erasure participant={} worksite={} rows={} device={} reason={}", participantId, worksite, deleted,
                device.id(), fields.get("reason"));
        return new RowMerge.Outcome(null, 0);
    }
}
