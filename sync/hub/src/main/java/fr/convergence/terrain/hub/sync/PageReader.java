package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.hub.sync.HubStore.HubReader;
import fr.convergence.terrain.sync.protocol.ColumnCodec;
import fr.convergence.terrain.sync.protocol.RowExit;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.TableChanges;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page of a device's scope that an answer carries, read after its cursor and sized: at most so many items and
 * bytes of JSON, parents included when the laptop would otherwise get them later, only the fields the laptop lacks;
 * a column page is also bounded once compressed, measured on the very bytes the hub sends.
 */
final class PageReader {

    private static final Logger LOG = LoggerFactory.getLogger(PageReader.class);
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
    private static final int COLUMN_PAGE_COMPRESSED = 64 * 1024;
    /**
     * How much larger than the default a column-encoded page may be (JSON-equivalent bytes, ≈ 320 B per hours
     * cell): 64 × 256 KiB, so that {@link #COLUMN_READ_LIMIT} and {@link #COLUMN_PAGE_COMPRESSED}, not this, bound
     * a page of hours cells. Laptops before 26/11/2026 ask for 6 MiB: ≈ 20,000 cells.
     */
    private static final int COLUMN_PAGE_FACTOR = 64;
    /**
     * The most items a column pull's last page holds when the rows left would fill more than two such pages: a page
     * is applied only once all its bytes are in, so on a slow line its apply is the laptop's last wait, while every
     * earlier page is applied as the next one crosses (≈ 0.15 s for 8,000 rows, against 0.5 s for 30,000).
     */
    static final int LAST_PAGE_ITEMS = 8_000;

    private final HubStore store;
    private final int defaultPageBytes;
    private final Supplier<String> hubTime;

    PageReader(HubStore store, int defaultPageBytes, Supplier<String> hubTime) {
        this.store = store;
        this.defaultPageBytes = defaultPageBytes;
        this.hubTime = hubTime;
    }

    /**
     * The answer to {@code request} once its batch is {@code applied}: with the page after its cursor (none while
     * more operations follow), in rows or in the column encoding it asks for if this hub knows it.
     */
    SyncAnswer answer(Device device, Set<String> scope, SyncRequest request, AppliedBatch applied) {
        // Column pages are about 3× denser than rows once compressed: a page may hold more rows for the same bytes.
        // A laptop gets the encoding it asks for, if this hub knows it; else rows, which every laptop reads.
        String encoding = ColumnCodec.known(request.encoding()) ? request.encoding() : null;
        boolean columns = encoding != null;
        int pageBytes = request.pageBytes() == null ? defaultPageBytes
                : Math.min(request.pageBytes(), (columns ? COLUMN_PAGE_FACTOR : 4) * defaultPageBytes);
        int itemLimit = columns ? COLUMN_READ_LIMIT : READ_LIMIT;
        boolean deviceHasWritten = applied.acknowledged() > 0;
        PageRead read = request.moreOperations()
                ? new PageRead(new SyncResponse(SyncCodec.PROTOCOL, store.hubId(), null, 0, null, 0, null, null,
                request.cursor(), false, false), 0)
                : read(device, scope, request, pageBytes, itemLimit, deviceHasWritten);
        SyncAnswer answer = answer(read.page(), applied, encoding);
        for (int attempt = 0; columns && attempt < 3 && read.items() > 1; attempt++) {
            // The whole answer as the hub sends it (exits, worksites and refusals included; deflate's fastest level
            // would make pages ~40 % heavier than they are).
            int compressed = answer.gzipped().length;
            if (compressed <= COLUMN_PAGE_COMPRESSED) {
                break;
            }
            itemLimit = read.itemsWithin(0.9 * COLUMN_PAGE_COMPRESSED / compressed);
            read = read(device, scope, request, pageBytes, itemLimit, deviceHasWritten);
            answer = answer(read.page(), applied, encoding);
        }
        return answer;
    }

    /** The answer to a request: what was applied, and the page, in rows or in {@code encoding} if not null. */
    private SyncAnswer answer(SyncResponse page, AppliedBatch applied, String encoding) {
        boolean columns = encoding != null;
        return new SyncAnswer(new SyncResponse(SyncCodec.PROTOCOL, store.hubId(), hubTime.get(),
                applied.acknowledged(), applied.rejections(), applied.conflicts(), columns ? null : page.changes(),
                page.exits(), page.cursor(), page.more(), page.resync(), null,
                columns ? ColumnCodec.encode(page.changes(), encoding, HoursCell::id) : null, page.worksites(), page.remaining()));
    }

    private PageRead read(Device device, Set<String> scope, SyncRequest request, int pageBytes, int itemLimit,
                          boolean deviceHasWritten) {
        boolean shortLastPage = ColumnCodec.known(request.encoding());
        return store.read(r -> page(r, device, scope, request.cursor(), request.wholeRowsUpTo(), request.fullPull(),
                pageBytes, itemLimit, deviceHasWritten, shortLastPage));
    }

    /**
     * A page read, how many items (rows, exits) of the scope it took and, for each, the estimated compressed weight
     * of the items up to it ({@link #weight}).
     */
    private record PageRead(SyncResponse page, int items, long[] weightUpTo) {

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

    /**
     * Reads one page of the scope after {@code cursor}: at most {@code readLimit} items (rows and exits; when {@code
     * shortLastPage}, fewer if that keeps the pull's last page within {@link #LAST_PAGE_ITEMS}), cut once
     * {@code pageBytes} of JSON are reached. What each row carries depends on {@code base}, not on {@code cursor}: the
     * laptop holds every row of its scope as it was at {@code base} (its last complete pull), and nothing more is
     * known of it — a row created before {@code cursor} may have sat past the end of every page read so far.
     */
    private PageRead page(HubReader reader, Device device, Set<String> scope, long cursor, long base, boolean full,
                          int pageBytes, int readLimit, boolean deviceHasWritten, boolean shortLastPage) {
        long last = reader.lastSequence();
        if (cursor > last || (cursor > 0 && cursor < reader.purgedUpTo())) {
            return new PageRead(new SyncResponse(SyncCodec.PROTOCOL, store.hubId(), null, 0, null, 0, null, null, 0,
                    true, true), 0);
        }
        // Every row goes whole when rebuilding, or to a device that holds nothing yet and never wrote (no field of it
        // can be its own echo): the per-field meta, most of a row's bytes, is then not read.
        boolean whole = full || (base == 0 && !deviceHasWritten);
        Audience audience = device.audience();
        List<HubRow> rows = reader.rowsAfter(scope, cursor, readLimit, !whole, audience);
        // A device that never received a page nor sent a change holds no row of the scope: no exit concerns it (a new
        // worksite laptop would otherwise read the exits of every file archived before it was enrolled).
        List<HubStore.Exit> exits = cursor == 0 && !deviceHasWritten ? List.of()
                : reader.exitsAfter(scope, cursor, readLimit, audience);
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
        long pageEnd = cursor;
        int bytes = 0;
        int taken = 0;
        long weight = 0;
        long[] weightUpTo = new long[items.size()];
        boolean more = readEnd != Long.MAX_VALUE;
        int pageItems = readLimit;
        if (shortLastPage && !more && items.size() > 2 * LAST_PAGE_ITEMS) {
            pageItems = items.size() - LAST_PAGE_ITEMS;
        }
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            long seq = item instanceof HubRow r ? r.seq() : ((HubStore.Exit) item).seq();
            if ((bytes >= pageBytes || taken >= pageItems) && seq != pageEnd) {
                more = true;
                break;
            }
            if (item instanceof HubRow row) {
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
        // An exit is dropped when the row is sent or still in the device's scope — unless, for a worksite laptop, its
        // file is archived: then it leaves though its worksite is the same.
        gone.removeIf(e -> sent.containsKey(key(e.table(), e.rowId()))
                || reader.row(e.table(), e.rowId()).map(r -> scope.contains(r.worksiteId())
                && !(audience == Audience.FILES_IN_USE && r.participantId() != null
                && reader.archived(r.participantId()))).orElse(false));
        // The scope's worksites the laptop may not know (its reference data lists only the shipped ones): all of them
        // from cursor 0 or when rebuilding, else those added or changed since its cursor — usually none.
        HubStore.WorksiteList worksites = reader.worksitesChangedAfter(scope, cursor, full || cursor == 0);
        if (!more) {
            // This snapshot's whole scope was read: a cursor past a worksite's stamp does not skip any row, and the
            // worksite is not sent again at the next exchange.
            end = Math.max(end, Math.min(worksites.lastSeq(), last));
        }
        // For the laptop's progress bar: what is left of a scope pulled over several pages (an initial sync).
        Long remaining = more ? reader.countRowsAfter(scope, end, audience) : null;
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
        for (SyncSchema.Field ref : SyncedTables.of(row.table()).orElseThrow().references()) {
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
     * complete pull), else those changed after {@code base} by others. A device that never wrote, or whose id the
     * row's stored meta does not hold, cannot be the author of any field: a row created after {@code base} goes
     * whole, its meta unparsed.
     */
    private static Map<String, Object> fieldsFor(HubRow row, Device device, long base, boolean deviceHasWritten) {
        if (row.movedSeq() > base) {
            return allFields(row);
        }
        boolean created = row.createdSeq() > base;
        if (created && (!deviceHasWritten || !row.mayHaveFieldsOf(device.id()))) {
            // No field of it can be this device's echo: every field is new to the laptop, the meta need not be read.
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

    private static String key(String table, String id) {
        return table + "/" + id;
    }
}
