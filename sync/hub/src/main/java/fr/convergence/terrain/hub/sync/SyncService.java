package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.core.clock.Hlc;
import fr.convergence.terrain.core.clock.HybridLogicalClock;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.referral.ReferralWorkflow;
import fr.convergence.terrain.hub.sync.HubStore.HubReader;
import fr.convergence.terrain.hub.sync.HubStore.HubTransaction;
import fr.convergence.terrain.sync.protocol.ColumnCodec;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.Rejection;
import fr.convergence.terrain.sync.protocol.Rewind;
import fr.convergence.terrain.sync.protocol.RowExit;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.TableChanges;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync exchange on the hub: applies a device's new operations in one transaction (merge rules per kind of
 * data, conflicts recorded, bad operations refused without blocking the others), then reads one page of the
 * device's scope after its cursor.
 */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    static final String HUB_DEVICE = "hub";
    private static final int READ_LIMIT = 20_000;
    /**
     * Rows read for a column page: hours cells cost under a byte each once encoded and compressed, so a page of a
     * first sync's history may hold more of them; {@link #COLUMN_PAGE_COMPRESSED} bounds it.
     */
    private static final int COLUMN_READ_LIMIT = 32_000;
    /**
     * What a column page may weigh once compressed, measured (so at most this is lost when a connection is cut): a
     * page found heavier is read again with proportionally fewer rows.
     */
    static final int COLUMN_PAGE_COMPRESSED = 64 * 1024;
    /**
     * How much larger than the default a column-encoded page may be (JSON-equivalent bytes, ≈ 320 B per hours
     * cell): 64 × 256 KiB, so that {@link #COLUMN_READ_LIMIT} and {@link #COLUMN_PAGE_COMPRESSED}, not this, bound
     * a page of hours cells. Laptops before 26/11/2026 ask for 6 MiB: ≈ 20,000 cells.
     */
    private static final int COLUMN_PAGE_FACTOR = 64;
    private static final int MAX_TEXT = 20_000;

    private final HubStore store;
    private final Clock clock;
    private final HubWeekRules weekRules;
    private final HybridLogicalClock hlc;
    private final long futureToleranceMillis;
    private final int defaultPageBytes;

    public SyncService(HubStore store, Clock clock, long futureToleranceMillis, int defaultPageBytes) {
        this.store = store;
        this.clock = clock;
        this.weekRules = new HubWeekRules(clock);
        this.hlc = new HybridLogicalClock(clock, HUB_DEVICE);
        this.futureToleranceMillis = futureToleranceMillis;
        this.defaultPageBytes = defaultPageBytes;
    }

    public String hubTime() {
        return hlc.tick().encode();
    }

    /** The outcome of applying a batch, before the page is read. */
    private record Applied(long acknowledged, List<Rejection> rejections, int conflicts) {
    }

    public SyncResponse sync(Device device, SyncRequest request) {
        Optional<Rewind> rewound = rewound(device, request);
        if (rewound.isPresent()) {
            // Applying this batch would move the device's number past operations this hub has lost: nothing is
            // applied, the laptop puts them back in its queue and sends everything again from there.
            LOG.warn("sync device={} is ahead of this hub (operations acknowledged {} > applied {}, cursor {} > {}):"
                            + " hub restored from a backup? the device re-sends and resyncs", device.id(),
                    request.rejectionsSeenUpTo(), device.lastOperation(), request.cursor(), device.lastCursor());
            return new SyncResponse(SyncCodec.PROTOCOL, store.hubId(), hubTime(), device.lastOperation(), null, 0,
                    null, null, 0, false, true, rewound.get(), null);
        }
        Set<String> scope = store.read(r -> r.worksitesOf(device.scopeKind(), device.scopeId()));
        List<Operation> operations = request.operations().stream()
                .sorted(Comparator.comparingLong(Operation::number)).toList();
        Applied applied = store.write(tx -> apply(tx, device, scope, operations, request));
        // Column pages are about 3× denser than rows once compressed: a page may hold more rows for the same bytes.
        // A laptop gets the encoding it asks for, if this hub knows it; else rows, which every laptop reads.
        String encoding = ColumnCodec.known(request.encoding()) ? request.encoding() : null;
        boolean columns = encoding != null;
        int pageBytes = request.pageBytes() == null ? defaultPageBytes
                : Math.min(request.pageBytes(), (columns ? COLUMN_PAGE_FACTOR : 4) * defaultPageBytes);
        int itemLimit = columns ? COLUMN_READ_LIMIT : READ_LIMIT;
        PageRead read = request.moreOperations()
                ? new PageRead(new SyncResponse(SyncCodec.PROTOCOL, store.hubId(), null, 0, null, 0, null, null,
                request.cursor(), false, false), 0)
                : readPage(device, scope, request, pageBytes, itemLimit, applied.acknowledged() > 0);
        SyncResponse answer = answer(read.page(), applied, encoding);
        for (int attempt = 0; columns && attempt < 3 && read.items() > 1; attempt++) {
            // The whole answer as the hub sends it (exits, worksites and refusals included; deflate's fastest level
            // would make pages ~40 % heavier than they are).
            int compressed = SyncCodec.gzip(SyncCodec.encode(answer)).length;
            if (compressed <= COLUMN_PAGE_COMPRESSED) {
                break;
            }
            itemLimit = read.itemsWithin(0.9 * COLUMN_PAGE_COMPRESSED / compressed);
            read = readPage(device, scope, request, pageBytes, itemLimit, applied.acknowledged() > 0);
            answer = answer(read.page(), applied, encoding);
        }
        SyncResponse page = read.page();
        if (!request.moreOperations() && !page.resync()) {
            store.write(tx -> {
                tx.deviceSynced(device.id(), applied.acknowledged(), page.cursor(), clock.millis());
                return null;
            });
        }
        return answer;
    }

    /** The answer to a request: what was applied, and the page, in rows or in {@code encoding} if not null. */
    private SyncResponse answer(SyncResponse page, Applied applied, String encoding) {
        boolean columns = encoding != null;
        return new SyncResponse(SyncCodec.PROTOCOL, store.hubId(), hubTime(), applied.acknowledged(),
                applied.rejections(), applied.conflicts(), columns ? null : page.changes(), page.exits(),
                page.cursor(), page.more(), page.resync(), null,
                columns ? ColumnCodec.encode(page.changes(), encoding, HoursCell::id) : null, page.worksites(), page.remaining());
    }

    /**
     * A page read, how many items (rows, exits) of the scope it took and, for each, the estimated compressed weight
     * of the items up to it ({@link #weight}).
     */
    record PageRead(SyncResponse page, int items, long[] weightUpTo) {

        PageRead(SyncResponse page, int items) {
            this(page, items, new long[0]);
        }

        /**
         * How many of the first items make {@code share} of the page's weight: where to cut a page found too heavy.
         * By weight, not by count: the heavy rows (long notes) may all sit at one end of the page.
         */
        int itemsWithin(double share) {
            if (weightUpTo.length == 0) {
                return Math.max(1, (int) (items * share));
            }
            long target = (long) (weightUpTo[weightUpTo.length - 1] * share);
            int k = 0;
            while (k < weightUpTo.length && weightUpTo[k] <= target) {
                k++;
            }
            return Math.max(1, k);
        }
    }

    /**
     * An item's rough share of a compressed column page: an hours cell well under a byte (≈ 0.7 B measured), any
     * other row a few bytes of id, version and references plus its text at ≈ 3 characters a byte. Only relative
     * weights matter: they say where to cut a page whose measured size is too large.
     */
    private static int weight(Object item, Map<String, Object> fields) {
        if (!(item instanceof HubRow row)) {
            return 4;
        }
        if (row.table().equals("hours_entry")) {
            return 1;
        }
        int text = 0;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (field.getValue() instanceof String string && string.length() != 36
                    && !field.getKey().equals(SyncSchema.VERSION) && !field.getKey().equals(SyncSchema.WORKSITE_ID)) {
                text += string.length();
            }
        }
        return 12 + text / 3;
    }

    private PageRead readPage(Device device, Set<String> scope, SyncRequest request, int pageBytes, int itemLimit,
                              boolean deviceHasWritten) {
        return store.read(r -> page(r, device, scope, request.cursor(), request.wholeRowsUpTo(), request.fullPull(),
                pageBytes, itemLimit, deviceHasWritten));
    }

    /**
     * Whether the device holds proof that this hub knew more than it does now: an acknowledgement of an
     * operation number the hub has not applied ({@code rejectionsSeenUpTo} is the highest acknowledgement the
     * laptop recorded), or a cursor the hub never gave it (the hub records the highest cursor it answered each
     * device with, before answering). Both are in every backup, so a restored hub compares its own past with
     * what each laptop was told after the backup.
     */
    private Optional<Rewind> rewound(Device device, SyncRequest request) {
        long lastSequence = store.read(HubReader::lastSequence);
        boolean ahead = request.rejectionsSeenUpTo() > device.lastOperation() || request.cursor() > lastSequence
                || request.cursor() > device.lastCursor();
        return ahead ? Optional.of(new Rewind(device.lastOperation(), Math.min(device.lastCursor(), lastSequence)))
                : Optional.empty();
    }

    private Applied apply(HubTransaction tx, Device device, Set<String> scope, List<Operation> operations,
                          SyncRequest request) {
        long last = tx.lockDevice(device.id());
        tx.forgetRejections(device.id(), request.rejectionsSeenUpTo());
        int conflicts = 0;
        int applied = 0;
        List<Rejection> outOfSequence = new ArrayList<>();
        for (Operation op : operations) {
            if (op.number() <= last) {
                continue;
            }
            if (op.number() != last + 1) {
                // A gap or a jump: acknowledging it would move "last" past numbers never applied, and every later
                // operation of the device would be acknowledged without being applied. Refused, "last" unmoved, not
                // stored: the same request gets the same answer.
                outOfSequence.add(new Rejection(op.number(), Rejection.OUT_OF_SEQUENCE, outOfSequence(op, last)));
                LOG.warn("sync device={} op={} refused=out-of-sequence expected={}", device.id(), op.number(),
                        last + 1);
                continue;
            }
            if (op.skip()) {
                // A number whose change the laptop no longer sends (see Operation.SKIP_TABLE): its place is taken.
                last = op.number();
                continue;
            }
            Outcome outcome = applyOne(tx, device, scope, op);
            if (outcome.refusal != null) {
                tx.addRejection(device.id(), op.number(), outcome.refusal.code(), outcome.refusal.reason());
                resetRow(tx, scope, op);
                LOG.info("sync device={} op={} table={} refused={} reason={}", device.id(), op.number(), op.table(),
                        outcome.refusal.code(), outcome.refusal.reason());
            } else {
                applied++;
            }
            conflicts += outcome.conflicts;
            last = op.number();
        }
        if (!operations.isEmpty()) {
            tx.deviceSynced(device.id(), last, device.lastCursor(), clock.millis());
        }
        List<Rejection> rejections = new ArrayList<>(tx.rejections(device.id(), request.rejectionsSeenUpTo()).stream()
                .map(r -> new Rejection(r.number(), r.code(), r.reason())).toList());
        rejections.addAll(outOfSequence);
        if (!operations.isEmpty()) {
            LOG.info("sync device={} received={} applied={} refused={} conflicts={} acknowledged={}", device.id(),
                    operations.size(), applied, rejections.size(), conflicts, last);
        }
        return new Applied(last, rejections, conflicts);
    }

    private static String outOfSequence(Operation op, long last) {
        return "Modification n° " + op.number() + " hors séquence (le hub attendait le n° " + (last + 1) + ") : elle "
                + "n'est pas appliquée. Ce poste n'a pas pu la numéroter ainsi de lui-même : signalez-le au "
                + "coordinateur·rice, qui vérifiera que le jeton du poste n'est pas utilisé ailleurs.";
    }

    /**
     * After a refusal, the laptop gets the hub's version of the row back whole (a reset), so it matches again — if
     * the row is in its scope: a row of another worksite is not sent to it, nor again to that worksite's laptops.
     */
    private static void resetRow(HubTransaction tx, Set<String> scope, Operation op) {
        if (op.table() == null || SyncSchema.table(op.table()).isEmpty() || !validRowId(op.rowId())) {
            return;
        }
        tx.rowForUpdate(op.table(), op.rowId()).filter(row -> scope.contains(row.worksiteId())).ifPresent(row -> {
            row.movedSeq(FieldMeta.PENDING);
            tx.save(row);
        });
    }

    private static final class Outcome {
        Rejection refusal;
        int conflicts;

        static Outcome refused(String code, String reason) {
            Outcome outcome = new Outcome();
            outcome.refusal = new Rejection(0, code, reason);
            return outcome;
        }
    }

    private Outcome applyOne(HubTransaction tx, Device device, Set<String> scope, Operation op) {
        Optional<SyncSchema.Table> maybeTable = op.table() == null ? Optional.empty() : SyncSchema.table(op.table());
        if (maybeTable.isEmpty()) {
            return Outcome.refused(Rejection.MALFORMED, "Type de donnée inconnu : « " + abbreviate(op.table()) + " ».");
        }
        SyncSchema.Table table = maybeTable.get();
        if (!validRowId(op.rowId())) {
            return Outcome.refused(Rejection.MALFORMED, "Identifiant de ligne absent ou invalide.");
        }
        Hlc version;
        try {
            version = Hlc.parse(op.version());
        } catch (IllegalArgumentException e) {
            return Outcome.refused(Rejection.MALFORMED, "Version illisible : « " + abbreviate(op.version()) + " ».");
        }
        if (op.fields() == null || op.fields().isEmpty()) {
            return Outcome.refused(Rejection.MALFORMED, "Modification vide.");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : op.fields().entrySet()) {
            Optional<String> problem = checkField(table, entry.getKey(), entry.getValue());
            if (problem.isPresent()) {
                return Outcome.refused(Rejection.MALFORMED, problem.get());
            }
            fields.put(entry.getKey(), normalise(table, entry.getKey(), entry.getValue()));
        }
        boolean clamped = false;
        if (version.millis() > clock.millis() + futureToleranceMillis) {
            Hlc now = hlc.tick();
            version = new Hlc(now.millis(), now.counter(), version.node());
            clamped = true;
        } else {
            hlc.observe(version);
        }
        String writer = clamped ? HUB_DEVICE : device.id();
        Optional<HubRow> existing = tx.rowForUpdate(table.name(), op.rowId());
        return existing.isEmpty()
                ? create(tx, device, scope, table, op, fields, version, writer)
                : update(tx, device, scope, table, existing.get(), op, fields, version, writer);
    }

    private Outcome create(HubTransaction tx, Device device, Set<String> scope, SyncSchema.Table table, Operation op,
                           Map<String, Object> fields, Hlc version, String writer) {
        for (SyncSchema.Field field : table.fields()) {
            if (field.required() && fields.get(field.name()) == null) {
                return Outcome.refused(Rejection.MALFORMED, "Champ obligatoire manquant : « " + field.name() + " ».");
            }
        }
        String worksite = (String) fields.get(SyncSchema.WORKSITE_ID);
        if (!scope.contains(worksite)) {
            return Outcome.refused(Rejection.FORBIDDEN, outOfScope());
        }
        String participant = table.name().equals("participant") ? op.rowId() : null;
        Object worksiteSent = worksite;
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
        Optional<String> rule = checkRules(tx, table, null, fields);
        if (rule.isPresent()) {
            return Outcome.refused(Rejection.RULE, rule.get());
        }
        Map<String, FieldMeta> meta = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        for (SyncSchema.Field field : table.fields()) {
            data.put(field.name(), fields.get(field.name()));
            meta.put(field.name(), new FieldMeta(version.encode(), FieldMeta.PENDING, writer, null));
        }
        data.put(SyncSchema.DELETED, Boolean.TRUE.equals(fields.get(SyncSchema.DELETED)));
        meta.put(SyncSchema.DELETED, new FieldMeta(version.encode(), FieldMeta.PENDING, writer, null));
        if (!Objects.equals(worksiteSent, data.get(SyncSchema.WORKSITE_ID))) {
            // The hub's worksite, not the laptop's (its participant moved meanwhile): written by the hub, so the
            // laptop gets it back instead of keeping its own for good as an echo.
            meta.put(SyncSchema.WORKSITE_ID, new FieldMeta(version.encode(), FieldMeta.PENDING, HUB_DEVICE,
                    worksiteSent));
        }
        HubRow row = new HubRow(table.name(), op.rowId(), (String) data.get(SyncSchema.WORKSITE_ID), participant,
                data, meta, version.encode(), updatedBy(fields, device), FieldMeta.PENDING, FieldMeta.PENDING, 0,
                Boolean.TRUE.equals(data.get(SyncSchema.DELETED)) ? clock.millis() : null);
        tx.save(row);
        afterStatusChange(tx, table, row);
        return new Outcome();
    }

    private Outcome update(HubTransaction tx, Device device, Set<String> scope, SyncSchema.Table table, HubRow row,
                           Operation op, Map<String, Object> fields, Hlc version, String writer) {
        if (!scope.contains(row.worksiteId())) {
            return row.table().equals("participant") || row.participantId() == null
                    ? Outcome.refused(Rejection.FORBIDDEN, outOfScope())
                    : Outcome.refused(Rejection.MISSING_PARENT, unknownParent());
        }
        Object newWorksite = fields.get(SyncSchema.WORKSITE_ID);
        boolean moves = newWorksite != null && !newWorksite.equals(row.worksiteId());
        boolean worksiteCorrected = false;
        if (moves && !table.name().equals("participant")) {
            // A child row follows its participant: its worksite is the hub's, not the laptop's, which gets the hub's
            // back (stamped as the hub's write, so that it is not taken for the laptop's own echo).
            fields.remove(SyncSchema.WORKSITE_ID);
            moves = false;
            FieldMeta old = row.meta().get(SyncSchema.WORKSITE_ID);
            row.meta().put(SyncSchema.WORKSITE_ID, new FieldMeta(old == null ? version.encode() : old.version(),
                    FieldMeta.PENDING, HUB_DEVICE, newWorksite));
            worksiteCorrected = true;
        }
        if (moves && !scope.contains((String) newWorksite)) {
            return Outcome.refused(Rejection.FORBIDDEN, "Le nouveau chantier n'est pas dans votre périmètre : seul·e "
                    + "un·e coordinateur·rice des deux chantiers peut changer un·e salarié·e de chantier.");
        }
        for (String name : fields.keySet()) {
            if (table.field(name).map(SyncSchema.Field::parent).isPresent()
                    && !Objects.equals(fields.get(name), row.data().get(name))) {
                return Outcome.refused(Rejection.RULE, "Une donnée ne change pas de rattachement (" + name + ").");
            }
        }
        Optional<String> rule = checkRules(tx, table, row, fields);
        if (rule.isPresent()) {
            return Outcome.refused(Rejection.RULE, rule.get());
        }
        Outcome outcome = new Outcome();
        String oldWorksite = row.worksiteId();
        boolean changed = false;
        boolean concurrentDelete = isConcurrent(row.meta().get(SyncSchema.DELETED), op.base(), device.id())
                && row.deleted() && !fields.containsKey(SyncSchema.DELETED);
        // Read before the loop below stamps the row with this operation's version.
        Optional<FieldMeta> editedMeanwhile = Boolean.TRUE.equals(fields.get(SyncSchema.DELETED)) && !row.deleted()
                ? newestConcurrentEdit(row, op.base(), device.id()) : Optional.empty();
        for (Map.Entry<String, Object> entry : fields.entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            Object current = row.data().get(name);
            FieldMeta meta = row.meta().get(name);
            if (Objects.equals(current, value)) {
                continue;
            }
            boolean statusByWorkflow = table.name().equals("referral") && name.equals("status");
            boolean newer = meta == null || statusByWorkflow || version.encode().compareTo(meta.version()) > 0;
            boolean concurrent = !statusByWorkflow && meta != null && isConcurrent(meta, op.base(), device.id());
            String stampBehind = null;
            if (!newer && !concurrent) {
                // The writer had the current value when it edited (not concurrent), yet its version is older: its
                // clock runs behind (a laptop started offline, its clock wrong). Its edit is the person's latest
                // intent: it wins, stamped after the current version by the hub's clock, never dropped in silence.
                hlc.observe(Hlc.parse(meta.version()));
                stampBehind = hlc.tick().encode();
                newer = true;
            }
            if (concurrent) {
                outcome.conflicts++;
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
            outcome.conflicts++;
            recordConflict(tx, row, SyncSchema.DELETED, false, true, false,
                    row.meta().get(SyncSchema.DELETED).version(), version.encode(), device.id());
        } else if (editedMeanwhile.isPresent() && row.deleted()) {
            outcome.conflicts++;
            recordConflict(tx, row, SyncSchema.DELETED, false, true, false, version.encode(),
                    editedMeanwhile.get().version(), editedMeanwhile.get().device());
        }
        if (!changed) {
            if (worksiteCorrected) {
                tx.save(row);
            }
            return outcome;
        }
        if (version.encode().compareTo(row.version()) > 0) {
            row.version(version.encode());
        }
        row.updatedBy(updatedBy(fields, device));
        row.deletedAt(row.deleted() ? Long.valueOf(clock.millis()) : null);
        String worksiteNow = (String) row.data().get(SyncSchema.WORKSITE_ID);
        if (!Objects.equals(worksiteNow, oldWorksite)) {
            move(tx, row, oldWorksite, worksiteNow);
        } else {
            tx.save(row);
        }
        afterStatusChange(tx, table, row);
        return outcome;
    }

    /** A move of a participant carries their whole file to the new worksite; the old worksite gets exits. */
    private void move(HubTransaction tx, HubRow participant, String from, String to) {
        List<HubRow> file = new ArrayList<>(tx.rowsOfParticipant(participant.id()));
        file.removeIf(r -> r.table().equals("participant"));
        file.sort(Comparator.comparingInt(r -> SyncSchema.order(r.table())));
        List<HubRow> removal = new ArrayList<>(file);
        java.util.Collections.reverse(removal);
        for (HubRow row : removal) {
            tx.exit(row.table(), row.id(), from);
        }
        tx.exit(participant.table(), participant.id(), from);
        String stamp = hlc.tick().encode();
        participant.worksiteId(to);
        participant.movedSeq(FieldMeta.PENDING);
        tx.save(participant);
        for (HubRow row : file) {
            row.worksiteId(to);
            FieldMeta old = row.meta().get(SyncSchema.WORKSITE_ID);
            row.meta().put(SyncSchema.WORKSITE_ID, new FieldMeta(stamp, FieldMeta.PENDING, HUB_DEVICE,
                    old == null ? null : row.data().get(SyncSchema.WORKSITE_ID)));
            row.data().put(SyncSchema.WORKSITE_ID, to);
            row.movedSeq(FieldMeta.PENDING);
            tx.save(row);
        }
        LOG.info("participant {} moved from {} to {} with {} rows", participant.id(), from, to, file.size());
    }

    /** A status change record moves its referral (the hub keeps the referral's status in step with its history). */
    private void afterStatusChange(HubTransaction tx, SyncSchema.Table table, HubRow change) {
        if (!table.name().equals("referral_status_change") || change.deleted()) {
            return;
        }
        tx.rowForUpdate("referral", (String) change.data().get("referral_id")).ifPresent(referral -> {
            Object to = change.data().get("to_status");
            if (!Objects.equals(referral.data().get("status"), to)) {
                Object before = referral.data().get("status");
                referral.data().put("status", to);
                referral.meta().put("status", new FieldMeta(hlc.tick().encode(), FieldMeta.PENDING, HUB_DEVICE, before));
                tx.save(referral);
            }
        });
    }

    private Optional<String> checkRules(HubTransaction tx, SyncSchema.Table table, HubRow row,
                                        Map<String, Object> fields) {
        switch (table.name()) {
            case "hours_entry" -> {
                if (fields.containsKey("kind") && !isEnum(HoursKind.class, fields.get("kind"))) {
                    return Optional.of("Type d'heures inconnu : « " + fields.get("kind") + " ».");
                }
                Object minutes = fields.get("minutes");
                if (minutes != null && HoursCell.checkStored((Integer) minutes).isRefused()) {
                    return Optional.of(HoursCell.checkStored((Integer) minutes).text());
                }
                return weekRules.refusal(tx, row, fields);
            }
            case "referral" -> {
                if (row != null && fields.containsKey("status")) {
                    ReferralStatus from = status(row.data().get("status"));
                    ReferralStatus to = status(fields.get("status"));
                    if (to == null) {
                        return Optional.of("Statut d'orientation inconnu : « " + fields.get("status") + " ».");
                    }
                    if (from != to && !ReferralWorkflow.canMove(from, to)) {
                        return Optional.of(closedMeanwhile(tx, row, from, to).orElseGet(() ->
                                ReferralWorkflow.checkTransition(from, to, LocalDate.now(clock), "hub").text()));
                    }
                } else if (fields.containsKey("status") && status(fields.get("status")) == null) {
                    return Optional.of("Statut d'orientation inconnu : « " + fields.get("status") + " ».");
                }
            }
            case "referral_status_change" -> {
                if (row == null) {
                    HubRow referral = tx.rowForUpdate("referral", (String) fields.get("referral_id")).orElseThrow();
                    ReferralStatus current = status(referral.data().get("status"));
                    ReferralStatus to = status(fields.get("to_status"));
                    if (to == null) {
                        return Optional.of("Statut d'orientation inconnu : « " + fields.get("to_status") + " ».");
                    }
                    if (current != to && !ReferralWorkflow.canMove(current, to)) {
                        return Optional.of(closedMeanwhile(tx, referral, current, to).orElseGet(() ->
                                ReferralWorkflow.checkTransition(current, to, parseDate(fields.get("changed_on")),
                                        (String) fields.get("changed_by")).text()));
                    }
                } else if (fields.containsKey("to_status") || fields.containsKey("from_status")) {
                    return Optional.of("Un changement de statut enregistré ne se modifie pas.");
                }
            }
            case SyncSchema.CONFLICT_TABLE -> {
                // The hub records conflicts; a laptop only resolves them (SyncRepository.resolve).
                if (row == null) {
                    return Optional.of("Seul le hub enregistre un conflit : cette saisie n'est pas acceptée.");
                }
                for (Map.Entry<String, Object> field : fields.entrySet()) {
                    boolean resolution = field.getKey().equals("resolved") || field.getKey().equals("resolution");
                    if (!resolution && !Objects.equals(field.getValue(), row.data().get(field.getKey()))) {
                        return Optional.of("Un conflit enregistré ne se modifie pas : il se résout.");
                    }
                }
            }
            case "support_note_revision" -> {
                if (row != null && fields.containsKey("body")) {
                    return Optional.of("Une version de note ne se modifie pas : ajoutez une nouvelle version.");
                }
            }
            default -> {
            }
        }
        return Optional.empty();
    }

    /**
     * For a move refused because the referral was closed meanwhile: when and on which laptop, from the status
     * change that closed it (its writer is the device that sent it). Empty when the referral is not closed or the
     * hub holds no such change (a store imported without its history).
     */
    private static Optional<String> closedMeanwhile(HubTransaction tx, HubRow referral, ReferralStatus closedAs,
                                                    ReferralStatus wanted) {
        if (closedAs == null || !closedAs.terminal()) {
            return Optional.empty();
        }
        return tx.rowsOfParticipant(referral.participantId()).stream()
                .filter(r -> r.table().equals("referral_status_change") && !r.deleted()
                        && referral.id().equals(r.data().get("referral_id"))
                        && closedAs.name().equals(r.data().get("to_status")))
                .max(Comparator.comparing(HubRow::version))
                .map(closing -> ReferralWorkflow.closedElsewhere(closedAs, parseDate(closing.data().get("changed_on")),
                        tx.device(closing.updatedBy()).map(Device::label).orElse(null), wanted));
    }

    private void recordConflict(HubTransaction tx, HubRow row, String field, Object base, Object kept, Object other,
                                String keptVersion, String otherVersion, String otherDevice) {
        String id = UUID.randomUUID().toString();
        String stamp = hlc.tick().encode();
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
        data.keySet().forEach(k -> meta.put(k, new FieldMeta(stamp, FieldMeta.PENDING, HUB_DEVICE, null)));
        tx.save(new HubRow(SyncSchema.CONFLICT_TABLE, id, row.worksiteId(), row.participantId(), data, meta, stamp,
                HUB_DEVICE, FieldMeta.PENDING, FieldMeta.PENDING, 0, null));
    }

    /** Another device's newest edit of a field of {@code row} that the operation's writer had not seen. */
    private static Optional<FieldMeta> newestConcurrentEdit(HubRow row, long base, String device) {
        return row.meta().entrySet().stream()
                .filter(e -> !e.getKey().equals(SyncSchema.DELETED) && isConcurrent(e.getValue(), base, device))
                .map(Map.Entry::getValue).max(Comparator.comparing(FieldMeta::version));
    }

    private static boolean isConcurrent(FieldMeta meta, long base, String device) {
        return meta != null && meta.seq() > base && !device.equals(meta.device());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String updatedBy(Map<String, Object> fields, Device device) {
        return device.id();
    }

    private static String outOfScope() {
        return "Ce chantier n'est pas dans le périmètre de ce poste : la saisie reste en quarantaine. "
                + "Demandez au coordinateur·rice de vérifier le rattachement du poste.";
    }

    /** The same for a parent the hub does not have and one outside the device's scope (issue 12). */
    private static String unknownParent() {
        return "Cette saisie dépend d'une donnée que ce poste ne peut pas rattacher : inconnue du hub, ou hors du "
                + "périmètre de ce poste (salarié·e passé·e dans un autre chantier). Synchronisez d'abord le poste qui "
                + "l'a créée ; sinon transmettez la saisie au chantier qui suit la personne, puis écartez-la.";
    }

    /** At most 40 characters of a value sent by a device, to quote it in a refusal (stored, shown, logged). */
    private static Optional<String> checkField(SyncSchema.Table table, String name, Object value) {
        if (name.equals(SyncSchema.DELETED)) {
            return value instanceof Boolean ? Optional.empty() : Optional.of("« deleted » doit valoir vrai ou faux.");
        }
        Optional<SyncSchema.Field> field = table.field(name);
        if (field.isEmpty()) {
            return Optional.of("Champ inconnu pour " + table.name() + " : « " + abbreviate(name) + " ».");
        }
        if (value == null) {
            return field.get().required() ? Optional.of("Le champ « " + name + " » ne peut pas être vide.")
                    : Optional.empty();
        }
        boolean ok = switch (field.get().type()) {
            // NUL: PostgreSQL's text cannot hold it (SQLite can): refused on both, as the same data must fit both.
            case TEXT -> value instanceof String s && s.length() <= MAX_TEXT && s.indexOf('\u0000') < 0;
            case DATE -> value instanceof String s && parseDate(s) != null;
            case INT -> value instanceof Integer;
            case LONG -> value instanceof Integer || value instanceof Long;
            case BOOL -> value instanceof Boolean;
        };
        return ok ? Optional.empty() : Optional.of("Valeur invalide pour « " + name + " » : " + abbreviate(value) + ".");
    }

    private static Object normalise(SyncSchema.Table table, String name, Object value) {
        if (value instanceof Integer i && table.field(name).map(f -> f.type() == SyncSchema.Type.LONG).orElse(false)) {
            return i.longValue();
        }
        return value;
    }

    /**
     * A value a device sent, as a refusal may quote it: 40 characters at most, control characters (line breaks, NUL,
     * escape sequences) shown as "?" — the text is stored, logged and shown on the laptop.
     */
    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        text = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return shown.toString();
    }

    /** A row id the hub may look up: 64 characters at most, no control character (PostgreSQL refuses NUL). */
    private static boolean validRowId(String rowId) {
        return rowId != null && !rowId.isBlank() && rowId.length() <= 64
                && rowId.codePoints().noneMatch(Character::isISOControl);
    }

    private static LocalDate parseDate(Object text) {
        try {
            return text == null ? null : LocalDate.parse(text.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, Object value) {
        try {
            Enum.valueOf(type, String.valueOf(value));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ReferralStatus status(Object value) {
        try {
            return value == null ? null : ReferralStatus.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Reads one page of the scope after {@code cursor}: at most {@code readLimit} items (rows and exits), cut once
     * {@code pageBytes} of JSON are reached. What each row carries depends on {@code base}, not on {@code cursor}: the
     * laptop holds every row of its scope as it was at {@code base} (its last complete pull), and nothing more is
     * known of it — a row created before {@code cursor} may have sat past the end of every page read so far.
     */
    PageRead page(HubReader reader, Device device, Set<String> scope, long cursor, long base, boolean full,
                  int pageBytes, int readLimit, boolean deviceHasWritten) {
        long last = reader.lastSequence();
        if (cursor > last || (cursor > 0 && cursor < reader.purgedUpTo())) {
            return new PageRead(new SyncResponse(SyncCodec.PROTOCOL, store.hubId(), null, 0, null, 0, null, null, 0, true,
                    true), 0);
        }
        // Every row goes whole when rebuilding, or to a device that holds nothing yet and never wrote (no field of it
        // can be its own echo): the per-field meta, most of a row's bytes, is then not read.
        boolean whole = full || (base == 0 && !deviceHasWritten);
        List<HubRow> rows = reader.rowsAfter(scope, cursor, readLimit, !whole);
        List<HubStore.Exit> exits = reader.exitsAfter(scope, cursor, readLimit);
        long readEnd = Long.MAX_VALUE;
        if (rows.size() == readLimit) {
            readEnd = rows.get(rows.size() - 1).seq();
        }
        if (exits.size() == readLimit) {
            readEnd = Math.min(readEnd, exits.get(exits.size() - 1).seq());
        }
        List<Object> items = new ArrayList<>();
        for (HubRow row : rows) {
            if (row.seq() <= readEnd) {
                items.add(row);
            }
        }
        for (HubStore.Exit exit : exits) {
            if (exit.seq() <= readEnd) {
                items.add(exit);
            }
        }
        items.sort(Comparator.comparingLong(i -> i instanceof HubRow r ? r.seq() : ((HubStore.Exit) i).seq()));
        Map<String, HubRow> sent = new LinkedHashMap<>();
        Map<String, Map<String, Object>> payload = new LinkedHashMap<>();
        List<RowExit> gone = new ArrayList<>();
        Set<String> inScopeNow = new HashSet<>();
        long pageEnd = cursor;
        int bytes = 0;
        int taken = 0;
        long weight = 0;
        long[] weightUpTo = new long[items.size()];
        boolean more = readEnd != Long.MAX_VALUE;
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            long seq = item instanceof HubRow r ? r.seq() : ((HubStore.Exit) item).seq();
            if ((bytes >= pageBytes || taken >= readLimit) && seq != pageEnd) {
                more = true;
                break;
            }
            if (item instanceof HubRow row) {
                inScopeNow.add(key(row.table(), row.id()));
                Map<String, Object> fields = whole ? allFields(row) : fieldsFor(row, device, base, deviceHasWritten);
                weight += weight(row, fields);
                if (!fields.isEmpty()) {
                    payload.put(key(row.table(), row.id()), fields);
                    sent.put(key(row.table(), row.id()), row);
                    bytes += estimate(fields);
                }
            } else {
                HubStore.Exit exit = (HubStore.Exit) item;
                gone.add(new RowExit(exit.table(), exit.rowId()));
                weight += weight(exit, Map.of());
                bytes += 20 + exit.rowId().length() + exit.table().length();
            }
            pageEnd = seq;
            weightUpTo[taken++] = weight;
        }
        long end = pageEnd;
        // A row whose parent changed after this page would reach the laptop before its parent: send the parent too.
        // Every parent must be in the scope: a row hanging on another worksite's row is withheld, not its parent
        // sent (the hub refuses such references; this keeps rows written before it did from leaking).
        Map<String, Optional<HubRow>> parents = new HashMap<>();
        for (HubRow row : new ArrayList<>(sent.values())) {
            if (sent.containsKey(key(row.table(), row.id()))
                    && !includeParents(reader, scope, row, end, sent, payload, parents)) {
                LOG.warn("sync device={} row {}/{} withheld: it refers to a row outside the device's scope",
                        device.id(), row.table(), row.id());
                sent.remove(key(row.table(), row.id()));
                payload.remove(key(row.table(), row.id()));
            }
        }
        gone.removeIf(e -> sent.containsKey(key(e.table(), e.rowId()))
                || reader.row(e.table(), e.rowId()).map(r -> scope.contains(r.worksiteId())).orElse(false));
        // The scope's worksites the laptop may not know (its reference data lists only the shipped ones): all of them
        // from cursor 0 or when rebuilding, else those added or changed since its cursor — usually none.
        HubStore.WorksiteList worksites = reader.worksitesChangedAfter(scope, cursor, full || cursor == 0);
        if (!more) {
            // This snapshot's whole scope was read: a cursor past a worksite's stamp does not skip any row, and the
            // worksite is not sent again at the next exchange.
            end = Math.max(end, Math.min(worksites.lastSeq(), last));
        }
        // For the laptop's progress bar: what is left of a scope pulled over several pages (an initial sync).
        Long remaining = more ? reader.countRowsAfter(scope, end) : null;
        return new PageRead(new SyncResponse(SyncCodec.PROTOCOL, store.hubId(), null, 0, null, 0, group(sent, payload),
                gone, end, more, false, null, null, worksites.worksites(), remaining), taken,
                Arrays.copyOf(weightUpTo, taken));
    }

    /**
     * Adds the parents of {@code row} that the laptop may not hold yet (changed after the page). Returns false, adding
     * nothing more, if one of its parents (or theirs) is outside {@code scope}.
     */
    private boolean includeParents(HubReader reader, Set<String> scope, HubRow row, long pageEnd,
                                   Map<String, HubRow> sent, Map<String, Map<String, Object>> payload,
                                   Map<String, Optional<HubRow>> looked) {
        SyncSchema.Table table = SyncSchema.table(row.table()).orElseThrow();
        for (SyncSchema.Field ref : table.references()) {
            String parentId = (String) row.data().get(ref.name());
            String key = key(ref.parent(), parentId);
            if (parentId == null || sent.containsKey(key)) {
                continue;
            }
            // Thousands of hours cells share a few participants: each parent is read once per page.
            Optional<HubRow> parent = looked.computeIfAbsent(key, k -> reader.row(ref.parent(), parentId));
            if (parent.isPresent() && !scope.contains(parent.get().worksiteId())) {
                return false;
            }
            if (parent.isPresent() && parent.get().seq() > pageEnd) {
                sent.put(key, parent.get());
                payload.put(key, allFields(parent.get()));
                if (!includeParents(reader, scope, parent.get(), pageEnd, sent, payload, looked)) {
                    sent.remove(key);
                    payload.remove(key);
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The fields this device lacks: all of a row it may not hold (created or moved in after {@code base}, its last
     * complete pull), else those changed after {@code base} by others. A device that never wrote cannot be the author
     * of any field: a row created after {@code base} goes whole, unread meta.
     */
    private static Map<String, Object> fieldsFor(HubRow row, Device device, long base, boolean deviceHasWritten) {
        if (row.movedSeq() > base) {
            return allFields(row);
        }
        boolean created = row.createdSeq() > base;
        if (created && !deviceHasWritten) {
            return allFields(row);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : row.data().entrySet()) {
            FieldMeta meta = row.meta().get(entry.getKey());
            boolean fresh = created || meta == null || meta.seq() > base;
            boolean echo = meta != null && device.id().equals(meta.device());
            if (fresh && !echo) {
                fields.put(entry.getKey(), entry.getValue());
            }
        }
        if (fields.isEmpty()) {
            return fields;
        }
        if (created && fields.size() < row.data().size()) {
            // Partly someone else's: the laptop may not have it at all, send it whole.
            return allFields(row);
        }
        return fields;
    }

    private static Map<String, Object> allFields(HubRow row) {
        return new LinkedHashMap<>(row.data());
    }

    private static List<TableChanges> group(Map<String, HubRow> rows, Map<String, Map<String, Object>> payload) {
        Map<String, List<String>> columnsOf = new LinkedHashMap<>();
        Map<String, List<List<Object>>> rowsOf = new LinkedHashMap<>();
        Map<String, String> tableOf = new HashMap<>();
        List<HubRow> ordered = new ArrayList<>(rows.values());
        ordered.sort(Comparator.comparingInt(r -> SyncSchema.order(r.table())));
        for (HubRow row : ordered) {
            Map<String, Object> fields = payload.get(key(row.table(), row.id()));
            List<String> columns = new ArrayList<>(List.of(SyncSchema.ID, SyncSchema.VERSION, SyncSchema.UPDATED_BY));
            columns.addAll(fields.keySet());
            String group = row.table() + "|" + String.join(",", columns);
            columnsOf.putIfAbsent(group, columns);
            tableOf.put(group, row.table());
            List<Object> values = new ArrayList<>(columns.size());
            values.add(row.id());
            values.add(row.version());
            values.add(row.updatedBy());
            values.addAll(fields.values());
            rowsOf.computeIfAbsent(group, g -> new ArrayList<>()).add(values);
        }
        List<TableChanges> changes = new ArrayList<>();
        for (String group : columnsOf.keySet()) {
            changes.add(new TableChanges(tableOf.get(group), columnsOf.get(group), rowsOf.get(group)));
        }
        return changes;
    }

    private static int estimate(Map<String, Object> fields) {
        int size = 120;
        for (Object value : fields.values()) {
            size += value == null ? 5 : value.toString().length() + 3;
        }
        return size;
    }

    static String key(String table, String id) {
        return table + "/" + id;
    }

    /** Kept for the CLI: the worksites a scope covers. */
    public Set<String> scopeOf(Device device) {
        return new LinkedHashSet<>(store.read(r -> r.worksitesOf(device.scopeKind(), device.scopeId())));
    }
}
