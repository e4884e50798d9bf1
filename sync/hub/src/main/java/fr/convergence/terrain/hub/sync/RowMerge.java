package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.core.clock.Hlc;
import fr.convergence.terrain.core.clock.HybridLogicalClock;
import fr.convergence.terrain.hub.sync.HubStore.HubTransaction;
import fr.convergence.terrain.hub.sync.SyncedTable.Merge;
import fr.convergence.terrain.hub.sync.SyncedTable.Scope;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.Rejection;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One device operation applied to the hub's row: checked ({@link FieldChecks}, then the table's own checks), created
 * in the scope of its parents, or merged field by field with the stored row ({@link SyncedTable#merge}), every value
 * that loses to a concurrent edit kept in a conflict record.
 */
final class RowMerge {

    /** What applying one operation gave: a refusal (then nothing was written), or the conflicts it recorded. */
    record Outcome(Rejection refusal, int conflicts) {

        static Outcome refused(String code, String reason) {
            return new Outcome(new Rejection(0, code, reason), 0);
        }
    }

    private final Clock clock;
    private final HybridLogicalClock hlc;
    private final HubWeekRules weekRules;
    private final long futureToleranceMillis;

    RowMerge(Clock clock, HybridLogicalClock hlc, long futureToleranceMillis) {
        this.clock = clock;
        this.hlc = hlc;
        this.weekRules = new HubWeekRules(clock);
        this.futureToleranceMillis = futureToleranceMillis;
    }

    Outcome apply(HubTransaction tx, Device device, Set<String> scope, Operation op) {
        return apply(tx, device, scope, op, new java.util.HashMap<>());
    }

    /** @param erased the people known erased or not in this exchange ({@link Erasures#erased}), filled as it goes */
    Outcome apply(HubTransaction tx, Device device, Set<String> scope, Operation op, Map<String, Boolean> erased) {
        Optional<SyncedTable> maybeTable = SyncedTables.of(op.table());
        if (maybeTable.isEmpty()) {
            return Outcome.refused(Rejection.MALFORMED, "Type de donnée inconnu : « "
                    + FieldChecks.abbreviate(op.table()) + " ».");
        }
        SyncedTable table = maybeTable.get();
        if (!FieldChecks.validRowId(op.rowId())) {
            return Outcome.refused(Rejection.MALFORMED, "Identifiant de ligne absent ou invalide.");
        }
        Hlc version;
        try {
            version = Hlc.parse(op.version());
        } catch (IllegalArgumentException e) {
            return Outcome.refused(Rejection.MALFORMED, "Version illisible : « " + FieldChecks.abbreviate(op.version())
                    + " ».");
        }
        if (op.fields() == null || op.fields().isEmpty()) {
            return Outcome.refused(Rejection.MALFORMED, "Modification vide.");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : op.fields().entrySet()) {
            Optional<String> problem = FieldChecks.refusal(table.wire(), entry.getKey(), entry.getValue());
            if (problem.isPresent()) {
                return Outcome.refused(Rejection.MALFORMED, problem.get());
            }
            fields.put(entry.getKey(), FieldChecks.normalise(table.wire(), entry.getKey(), entry.getValue()));
        }
        boolean clamped = false;
        if (version.millis() > clock.millis() + futureToleranceMillis) {
            // A laptop clock far ahead would make its edits win every merge for as long: stamped with the hub's.
            Hlc now = hlc.tick();
            version = new Hlc(now.millis(), now.counter(), version.node());
            clamped = true;
        } else {
            hlc.observe(version);
        }
        String writer = clamped ? FieldMeta.HUB : device.id();
        Optional<HubRow> existing = tx.rowForUpdate(table.name(), op.rowId());
        if (table.scope() == Scope.ERASED_PARTICIPANT) {
            return Erasures.apply(tx, device, scope, op.rowId(), fields, version, writer, existing, erased,
                    op.base());
        }
        Optional<String> person = Erasures.participantOf(tx, table, op.rowId(), fields, existing);
        if (person.isPresent() && Erasures.erased(tx, person.get(), erased)) {
            // Nothing of an erased person comes back, whatever the laptop still held when it was offline.
            return Outcome.refused(Rejection.ERASED, Erasures.REFUSED);
        }
        return existing.isEmpty()
                ? create(tx, device, scope, table, op.rowId(), fields, version, writer)
                : update(tx, device, scope, table, existing.get(), op.base(), fields, version, writer);
    }

    private Outcome create(HubTransaction tx, Device device, Set<String> scope, SyncedTable table, String rowId,
                           Map<String, Object> fields, Hlc version, String writer) {
        for (SyncSchema.Field field : table.wire().fields()) {
            if (field.required() && fields.get(field.name()) == null) {
                return Outcome.refused(Rejection.MALFORMED, "Champ obligatoire manquant : « " + field.name() + " ».");
            }
        }
        String worksite = (String) fields.get(SyncSchema.WORKSITE_ID);
        if (!scope.contains(worksite)) {
            return Outcome.refused(Rejection.FORBIDDEN, outOfScope());
        }
        String participant = table.scope() == Scope.OWN_WORKSITE ? rowId : null;
        for (SyncSchema.Field ref : table.references()) {
            Optional<HubRow> parent = tx.rowForUpdate(ref.parent(), (String) fields.get(ref.name()));
            if (parent.isEmpty() || !scope.contains(parent.get().worksiteId())) {
                // One answer for both: whether a row of another worksite exists cannot be told from it.
                return Outcome.refused(Rejection.MISSING_PARENT, unknownParent());
            }
            if (participant == null) {
                participant = parent.get().participantId();
            } else if (!participant.equals(parent.get().participantId())) {
                // A follow-up's enrolment and participant must be one person's: else moving that person would leave
                // a row in one worksite hanging on a row of another, sent to laptops that may not see it.
                return Outcome.refused(Rejection.RULE, "Les données auxquelles cette saisie se rattache ne concernent "
                        + "pas la même personne (" + ref.name() + ") : elle n'est pas acceptée.");
            }
            // Children follow their participant's worksite, whatever the laptop believed.
            fields.put(SyncSchema.WORKSITE_ID, parent.get().worksiteId());
        }
        Optional<String> rule = table.refusal(write(tx, null, fields));
        if (rule.isPresent()) {
            return Outcome.refused(Rejection.RULE, rule.get());
        }
        Map<String, FieldMeta> meta = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        for (SyncSchema.Field field : table.wire().fields()) {
            data.put(field.name(), fields.get(field.name()));
            meta.put(field.name(), new FieldMeta(version.encode(), FieldMeta.PENDING, writer, null));
        }
        data.put(SyncSchema.DELETED, Boolean.TRUE.equals(fields.get(SyncSchema.DELETED)));
        meta.put(SyncSchema.DELETED, new FieldMeta(version.encode(), FieldMeta.PENDING, writer, null));
        if (!Objects.equals(worksite, data.get(SyncSchema.WORKSITE_ID))) {
            // The hub's worksite, not the laptop's (its participant moved meanwhile): written by the hub, so the
            // laptop gets it back instead of keeping its own for good as an echo.
            meta.put(SyncSchema.WORKSITE_ID, new FieldMeta(version.encode(), FieldMeta.PENDING, FieldMeta.HUB,
                    worksite));
        }
        HubRow row = new HubRow(table.name(), rowId, (String) data.get(SyncSchema.WORKSITE_ID), participant,
                data, meta, version.encode(), device.id(), FieldMeta.PENDING, FieldMeta.PENDING, 0,
                Boolean.TRUE.equals(data.get(SyncSchema.DELETED)) ? clock.millis() : null);
        tx.save(row);
        table.afterWrite().apply(tx, row, this::hubStamp);
        return new Outcome(null, 0);
    }

    private Outcome update(HubTransaction tx, Device device, Set<String> scope, SyncedTable table, HubRow row,
                           long base, Map<String, Object> fields, Hlc version, String writer) {
        if (!scope.contains(row.worksiteId())) {
            return table.scope() == Scope.OWN_WORKSITE || row.participantId() == null
                    ? Outcome.refused(Rejection.FORBIDDEN, outOfScope())
                    : Outcome.refused(Rejection.MISSING_PARENT, unknownParent());
        }
        if (table.scope() == Scope.JOURNAL) {
            // Judged before any move or correction: an entry is never changed, and the refusal says so.
            Optional<String> refused = table.refusal(write(tx, row, fields));
            if (refused.isPresent()) {
                return Outcome.refused(Rejection.RULE, refused.get());
            }
        }
        Object newWorksite = fields.get(SyncSchema.WORKSITE_ID);
        boolean moves = newWorksite != null && !newWorksite.equals(row.worksiteId());
        boolean worksiteCorrected = false;
        if (moves && table.scope() != Scope.OWN_WORKSITE) {
            // A child row follows its participant: its worksite is the hub's, not the laptop's, which gets the hub's
            // back (stamped as the hub's write, so that it is not taken for the laptop's own echo).
            fields.remove(SyncSchema.WORKSITE_ID);
            moves = false;
            FieldMeta old = row.meta().get(SyncSchema.WORKSITE_ID);
            row.meta().put(SyncSchema.WORKSITE_ID, new FieldMeta(old == null ? version.encode() : old.version(),
                    FieldMeta.PENDING, FieldMeta.HUB, newWorksite));
            worksiteCorrected = true;
        }
        if (moves && !scope.contains((String) newWorksite)) {
            return Outcome.refused(Rejection.FORBIDDEN, "Le nouveau chantier n'est pas dans votre périmètre : seul·e "
                    + "un·e coordinateur·rice des deux chantiers peut changer un·e salarié·e de chantier.");
        }
        for (String name : fields.keySet()) {
            if (table.wire().field(name).map(SyncSchema.Field::parent).isPresent()
                    && !Objects.equals(fields.get(name), row.data().get(name))) {
                return Outcome.refused(Rejection.RULE, "Une donnée ne change pas de rattachement (" + name + ").");
            }
        }
        Optional<String> rule = table.refusal(write(tx, row, fields));
        if (rule.isPresent()) {
            return Outcome.refused(Rejection.RULE, rule.get());
        }
        int conflicts = 0;
        String oldWorksite = row.worksiteId();
        boolean changed = false;
        boolean concurrentDelete = isConcurrent(row.meta().get(SyncSchema.DELETED), base, device.id())
                && row.deleted() && !fields.containsKey(SyncSchema.DELETED);
        boolean deletes = Boolean.TRUE.equals(fields.get(SyncSchema.DELETED)) && !row.deleted();
        // Read before the loop below stamps the row with this operation's version.
        Optional<FieldMeta> editedMeanwhile = deletes ? newestConcurrentEdit(row, base, device.id()) : Optional.empty();
        for (Map.Entry<String, Object> entry : fields.entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            Object current = row.data().get(name);
            FieldMeta meta = row.meta().get(name);
            if (Objects.equals(current, value)) {
                continue;
            }
            boolean byWorkflow = table.merge(name) == Merge.BY_WORKFLOW;
            boolean newer = meta == null || byWorkflow || version.encode().compareTo(meta.version()) > 0;
            boolean concurrent = !byWorkflow && meta != null && isConcurrent(meta, base, device.id());
            String stampBehind = null;
            if (!newer && !concurrent) {
                // The writer had the current value when it edited (not concurrent), yet its version is older: its
                // clock runs behind (a laptop started offline, its clock wrong). Its edit is the person's latest
                // intent: it wins, stamped after the current version by the hub's clock, never dropped in silence.
                hlc.observe(Hlc.parse(meta.version()));
                stampBehind = hubStamp();
                newer = true;
            }
            // A delete that wins is recorded once, below, with the newest edit its writer had not seen: an edit that
            // wrote the deleted flag meanwhile (the row's creation, or a cell removed and set again) wrote other
            // fields with the same version, and recording it here too recorded the same pair twice.
            boolean deleteWins = deletes && newer && name.equals(SyncSchema.DELETED);
            if (concurrent && !deleteWins) {
                conflicts++;
                recordConflict(tx, row, name, meta.previous(), newer ? value : current, newer ? current : value,
                        newer ? version.encode() : meta.version(), newer ? meta.version() : version.encode(),
                        newer ? meta.device() : writer);
            }
            if (newer) {
                String stamp = stampBehind != null ? stampBehind
                        : meta != null && meta.version().compareTo(version.encode()) > 0 ? meta.version()
                        : version.encode();
                row.data().put(name, value);
                row.meta().put(name, new FieldMeta(stamp, FieldMeta.PENDING, writer, current));
                changed = true;
            }
        }
        // A delete wins over a concurrent edit: the record names the delete kept and the edit that lost, whose
        // values stay in the tombstoned row (taking the other side brings the row back with them).
        if (concurrentDelete && changed) {
            conflicts++;
            recordConflict(tx, row, SyncSchema.DELETED, false, true, false,
                    row.meta().get(SyncSchema.DELETED).version(), version.encode(), device.id());
        } else if (editedMeanwhile.isPresent() && row.deleted()) {
            conflicts++;
            recordConflict(tx, row, SyncSchema.DELETED, false, true, false, version.encode(),
                    editedMeanwhile.get().version(), editedMeanwhile.get().device());
        }
        if (!changed) {
            if (worksiteCorrected) {
                tx.save(row);
            }
            return new Outcome(null, conflicts);
        }
        if (version.encode().compareTo(row.version()) > 0) {
            row.version(version.encode());
        }
        row.updatedBy(device.id());
        row.deletedAt(row.deleted() ? Long.valueOf(clock.millis()) : null);
        String worksiteNow = (String) row.data().get(SyncSchema.WORKSITE_ID);
        if (!Objects.equals(worksiteNow, oldWorksite)) {
            ParticipantMoves.move(tx, row, oldWorksite, worksiteNow, this::hubStamp);
        } else {
            tx.save(row);
        }
        table.afterWrite().apply(tx, row, this::hubStamp);
        return new Outcome(null, conflicts);
    }

    private SyncedTable.Write write(HubTransaction tx, HubRow stored, Map<String, Object> fields) {
        return new SyncedTable.Write(tx, stored, fields, clock, weekRules);
    }

    /** A version after every other the hub has seen, for the hub's own writes. */
    private String hubStamp() {
        return hlc.tick().encode();
    }

    private void recordConflict(HubTransaction tx, HubRow row, String field, Object base, Object kept, Object other,
                                String keptVersion, String otherVersion, String otherDevice) {
        String id = UUID.randomUUID().toString();
        String stamp = hubStamp();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(SyncSchema.WORKSITE_ID, row.worksiteId());
        data.put("table_name", row.table());
        data.put("row_id", row.id());
        data.put("field_name", field);
        data.put("base_value", text(base));
        data.put("kept_value", text(kept));
        data.put("other_value", text(other));
        data.put("kept_version", keptVersion);
        data.put("other_version", otherVersion);
        data.put("other_device", otherDevice);
        data.put("created_at", clock.millis());
        data.put("resolved", false);
        data.put("resolution", null);
        data.put(SyncSchema.DELETED, false);
        Map<String, FieldMeta> meta = new LinkedHashMap<>();
        data.keySet().forEach(k -> meta.put(k, new FieldMeta(stamp, FieldMeta.PENDING, FieldMeta.HUB, null)));
        tx.save(new HubRow(SyncSchema.CONFLICT_TABLE, id, row.worksiteId(), row.participantId(), data, meta, stamp,
                FieldMeta.HUB, FieldMeta.PENDING, FieldMeta.PENDING, 0, null));
    }

    /**
     * Another device's newest edit of a field of {@code row} that the operation's writer had not seen, the deleted
     * flag included (written by the row's creation, or by setting a removed row again).
     */
    private static Optional<FieldMeta> newestConcurrentEdit(HubRow row, long base, String device) {
        return row.meta().values().stream().filter(meta -> isConcurrent(meta, base, device))
                .max(Comparator.comparing(FieldMeta::version));
    }

    private static boolean isConcurrent(FieldMeta meta, long base, String device) {
        return meta != null && meta.seq() > base && !device.equals(meta.device());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static String outOfScope() {
        return "Ce chantier n'est pas dans le périmètre de ce poste : la saisie reste en quarantaine. "
                + "Demandez au coordinateur·rice de vérifier le rattachement du poste.";
    }

    /** The same for a parent the hub does not have and one outside the device's scope (issue 12). */
    private static String unknownParent() {
        return "Cette saisie dépend d'une donnée que ce poste ne peut pas rattacher : inconnue du hub, ou hors du "
                + "périmètre de ce poste (salarié·e passé·e dans un autre chantier). Synchronisez d'abord le poste qui "
                + "l'a créée ; sinon transmettez la saisie au chantier qui suit la personne, puis écartez-la.";
    }
}
