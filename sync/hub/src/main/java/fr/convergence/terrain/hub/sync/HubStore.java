package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The hub's storage, PostgreSQL or SQLite. Holds no state between calls, so several hub processes may share one
 * PostgreSQL database. Writes go through {@link #write}: one transaction whose touched rows receive their
 * sequence numbers at commit, under a lock that makes sequences become visible in order.
 */
public interface HubStore extends AutoCloseable {

    /** This hub's identity, made when its database was created (a restored or replaced hub is told apart). */
    String hubId();

    /** Runs {@code work} in one read-write transaction, retried when a concurrent sync conflicts with it. */
    <T> T write(Function<HubTransaction, T> work);

    /**
     * Runs {@code work}, which only adds rows the hub does not have (an import), in one read-write transaction: a
     * store may then keep what it derives from rows once for the transaction rather than row by row.
     */
    default <T> T addRows(Function<HubTransaction, T> work) {
        return write(work);
    }

    /**
     * Runs {@code work}, a load of many rows (an import), as a whole: a store may set aside for its duration what it
     * can build again faster at the end (the row indexes of an empty hub). {@code work} is told whether the hub held
     * no row at the start (then none of the rows it loads is there already).
     */
    default <T> T load(Function<Boolean, T> work) {
        return work.apply(false);
    }

    /** Runs {@code work} on one consistent snapshot. */
    <T> T read(Function<HubReader, T> work);

    @Override
    void close();

    /** Reads, on one snapshot. */
    interface HubReader {
        Optional<Device> deviceByTokenHash(String tokenHash);

        Optional<Device> device(String id);

        List<Device> devices();

        Set<String> worksitesOf(String scopeKind, String scopeId);

        boolean worksiteKnown(String worksiteId);

        Optional<WorksiteInfo> worksite(String worksiteId);

        /**
         * The worksites among {@code worksiteIds} added or changed after {@code cursor} (all of them when
         * {@code all}), with the highest such sequence in {@link WorksiteList#lastSeq()}.
         */
        WorksiteList worksitesChangedAfter(Collection<String> worksiteIds, long cursor, boolean all);

        /** The highest sequence given so far. */
        long lastSequence();

        /** Tombstones up to this sequence have been purged: an older cursor must resync. */
        long purgedUpTo();

        /** Rows of these worksites changed after {@code cursor}, by sequence, archived files included. */
        default List<HubRow> rowsAfter(Collection<String> worksites, long cursor, int limit) {
            return rowsAfter(worksites, cursor, limit, true, Audience.EVERY_FILE);
        }

        /**
         * {@link #rowsAfter(Collection, long, int)}, of the files {@code audience} receives; without their per-field
         * meta when {@code withMeta} is false (rows sent whole, as from cursor 0: the meta is most of a row's bytes),
         * and asking a row for it then fails.
         */
        List<HubRow> rowsAfter(Collection<String> worksites, long cursor, int limit, boolean withMeta,
                               Audience audience);

        /** How many rows of these worksites, of the files {@code audience} receives, changed after {@code cursor}. */
        long countRowsAfter(Collection<String> worksites, long cursor, Audience audience);

        /** Rows that left these worksites after {@code cursor} for every device, by sequence. */
        default List<Exit> exitsAfter(Collection<String> worksites, long cursor, int limit) {
            return exitsAfter(worksites, cursor, limit, Audience.EVERY_FILE);
        }

        /**
         * Rows that left these worksites after {@code cursor} for the devices of {@code audience}, by sequence: those
         * of archived files go to {@link Audience#FILES_IN_USE} devices only.
         */
        List<Exit> exitsAfter(Collection<String> worksites, long cursor, int limit, Audience audience);

        /** Whether the participant's file is archived on the hub (withheld from worksite laptops). */
        boolean archived(String participantId);

        /** Every archived file's participant id. */
        Set<String> archivedFiles();

        /**
         * The {@code fields} of every row of {@code table} (not deleted ones too: whether it is, {@code deleted}, comes
         * with them), e.g. every enrolment's person and exit for archiving, given to {@code each} one at a time as
         * they are read: a national hub's follow-ups would not fit in memory at once, and the database reads those
         * fields out of the rows' JSON faster than the hub would parse it. Values are text.
         */
        void eachData(String table, List<String> fields, java.util.function.Consumer<RowData> each);

        Optional<HubRow> row(String table, String id);

        /** Which of {@code ids} the hub holds in {@code table}, in one query per thousand (import). */
        Set<String> existingIds(String table, java.util.Collection<String> ids);

        /** Number of rows per table (import and benchmarks). */
        java.util.Map<String, Long> rowCounts();
    }

    /** One read-write transaction. */
    interface HubTransaction extends HubReader {
        /** The device's last applied operation number, locking the device until commit. */
        long lockDevice(String deviceId);

        void deviceSynced(String deviceId, long lastOperation, long cursor, long millis);

        void addRejection(String deviceId, long number, String code, String reason, long millis);

        /**
         * Adds an exchange to the device's history (keeping its last {@link SyncExchange#KEPT}) and, when the laptop
         * sent one, keeps its report.
         */
        void recordExchange(SyncExchange exchange, fr.convergence.terrain.sync.protocol.ClientReport report);

        List<StoredRejection> rejections(String deviceId, long after);

        void forgetRejections(String deviceId, long upTo);

        /** The row, locked until commit (and as written earlier in this transaction, if it was). */
        Optional<HubRow> rowForUpdate(String table, String id);

        List<HubRow> rowsOfParticipant(String participantId);

        /**
         * Holds the participant's row until commit (PostgreSQL; SQLite has one writer), so that two exchanges judging
         * the same participant's week take turns.
         */
        void lockParticipant(String participantId);

        /**
         * The fields of the participant's rows of one table, as written earlier in this transaction if they were; not
         * locked. Read-only and cheaper than whole rows (no per-field write meta).
         */
        List<RowData> dataOfParticipant(String participantId, String table);

        /** The fields of those of these rows that exist, as {@link #dataOfParticipant}. */
        List<RowData> data(String table, Collection<String> ids);

        /**
         * Deletes, physically and now, every row of the participant (their own row, their file, the conflict records
         * about it) as the rows stand at this point of the transaction: a row written earlier in it is theirs by its
         * written participant (one moved to another person stays, one moved to them goes). Returns how many. Exit
         * records (table and row id only) stay.
         */
        int eraseParticipant(String participantId);

        /**
         * Queues the row to be written at commit with this transaction's sequence; a row of a participant erased
         * earlier in this transaction is erased instead (the erasure wins, as the sync refuses any later change
         * about an erased person).
         */
        void save(HubRow row);

        /** Queues an exit record (the row left {@code worksiteId}) for every device. */
        void exit(String table, String rowId, String worksiteId);

        /** Queues an exit record for the worksite laptops only ({@link Audience#FILES_IN_USE}): its file is archived. */
        void archivedExit(String table, String rowId, String worksiteId);

        /** Marks the participant's file archived (kept if it already is). */
        void archive(String participantId, long millis);

        /** The participant's file is in use again. */
        void unarchive(String participantId);

        /** The rows this transaction has written so far, by participant (rows of no participant left out). */
        Map<String, List<HubRow>> rowsWrittenByParticipant();

        void addDevice(String id, String tokenHash, String scopeKind, String scopeId, String label, long millis);

        /**
         * Enrols a known device again (its enrolment answer, or its token, was lost): a new token, the code's scope
         * and label, not revoked; its last operation and cursor are kept, so that its operations go on in sequence.
         */
        void reenrolDevice(String id, String tokenHash, String scopeKind, String scopeId, String label, long millis);

        void revokeDevice(String id, long millis);

        void addEnrolmentCode(String codeHash, String scopeKind, String scopeId, String label, long createdAt,
                              long expiresAt);

        /**
         * Consumes a one-time code; empty if unknown, expired, or used by another device (the same device may present
         * it again while it is valid: its first answer may have been lost).
         */
        Optional<EnrolmentCode> useEnrolmentCode(String codeHash, String deviceId, long millis);

        /** Adds a worksite known by its id only (kept as it is if the hub knows it already). */
        void addWorksite(String worksiteId, String territoryId);

        /**
         * Adds or updates a worksite's description (null fields keep the hub's value); stamps it with a new sequence
         * when something changed, so laptops whose cursor is before it receive it. Returns whether it changed.
         */
        boolean putWorksite(WorksiteInfo worksite);

        /** Removes tombstones deleted before {@code millis}; returns how many, and records the horizon. */
        int purgeTombstones(long deletedBefore);
    }

    /** A row's fields only, for rules that read the merged state (never saved back). */
    record RowData(String id, String worksiteId, Map<String, Object> data) {

        public boolean deleted() {
            return Boolean.TRUE.equals(data.get("deleted"));
        }

        public static RowData of(HubRow row) {
            return new RowData(row.id(), row.worksiteId(), row.data());
        }
    }

    record WorksiteList(List<WorksiteInfo> worksites, long lastSeq) {
    }

    record Exit(long seq, String table, String rowId, String worksiteId) {
    }

    record StoredRejection(long number, String code, String reason) {
    }

    record EnrolmentCode(String scopeKind, String scopeId, String label) {
    }
}
