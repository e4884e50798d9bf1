package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.store.generated.tables.records.HoursEntryRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static fr.convergence.terrain.core.store.generated.Tables.HOURS_ENTRY;

/** Hours cells: one row per participant, day and kind. */
public final class HoursRepository {

    private final TerrainStore store;

    public HoursRepository(TerrainStore store) {
        this.store = store;
    }

    /** Sets a cell; zero minutes removes it (a tombstone, so the removal syncs too). */
    public void set(StoreTransaction tx, String participantId, String worksiteId, LocalDate day, HoursKind kind,
                    int minutes) {
        String id = HoursCell.id(participantId, day, kind);
        if (minutes == 0) {
            tx.tombstone(HOURS_ENTRY, id);
            return;
        }
        tx.save(record(tx, participantId, worksiteId, day, kind, minutes));
    }

    /**
     * Puts a cell back to a value it had (an undo): like {@link #set}, but folded into the cell's changes not yet
     * sent, so that undoing leaves no extra change to synchronise, and none at all when it removes a cell typed
     * since the last sync ({@link StoreTransaction#tombstoneFoldingUnsent}).
     */
    public void restore(StoreTransaction tx, String participantId, String worksiteId, LocalDate day, HoursKind kind,
                        int minutes) {
        String id = HoursCell.id(participantId, day, kind);
        if (minutes == 0) {
            tx.tombstoneFoldingUnsent(HOURS_ENTRY, id);
            return;
        }
        tx.saveFoldingUnsent(record(tx, participantId, worksiteId, day, kind, minutes));
    }

    /** One cell to set with {@link #setAll}; zero minutes removes it. */
    public record Cell(String participantId, String worksiteId, LocalDate day, HoursKind kind, int minutes) {
    }

    /** Sets many cells in one go (a whole week of a worksite, a copied week): one read, batched writes. */
    public int setAll(StoreTransaction tx, java.util.Collection<Cell> cells) {
        java.util.List<HoursEntryRecord> records = new java.util.ArrayList<>();
        int removed = 0;
        for (Cell cell : cells) {
            if (cell.minutes() == 0) {
                removed += tx.tombstone(HOURS_ENTRY, HoursCell.id(cell.participantId(), cell.day(), cell.kind())) ? 1 : 0;
            } else {
                records.add(record(tx, cell.participantId(), cell.worksiteId(), cell.day(), cell.kind(), cell.minutes()));
            }
        }
        return tx.saveAll(records) + removed;
    }

    private static HoursEntryRecord record(StoreTransaction tx, String participantId, String worksiteId, LocalDate day,
                                           HoursKind kind, int minutes) {
        HoursEntryRecord r = tx.sql().newRecord(HOURS_ENTRY);
        r.setId(HoursCell.id(participantId, day, kind));
        r.setParticipantId(participantId);
        r.setWorksiteId(worksiteId);
        r.setWorkDay(day);
        r.setKind(kind.name());
        r.setMinutes(minutes);
        return r;
    }

    /** Every cell of a worksite between two days, inclusive. */
    public List<HoursEntry> ofWorksite(String worksiteId, LocalDate from, LocalDate to) {
        return store.read(sql -> sql.selectFrom(HOURS_ENTRY)
                .where(HOURS_ENTRY.WORKSITE_ID.eq(worksiteId), HOURS_ENTRY.WORK_DAY.between(from, to),
                        HOURS_ENTRY.DELETED.isFalse())
                .fetch(HoursRepository::toDomain));
    }

    public List<HoursEntry> ofParticipant(String participantId, LocalDate from, LocalDate to) {
        return store.read(sql -> sql.selectFrom(HOURS_ENTRY)
                .where(HOURS_ENTRY.PARTICIPANT_ID.eq(participantId), HOURS_ENTRY.WORK_DAY.between(from, to),
                        HOURS_ENTRY.DELETED.isFalse())
                .orderBy(HOURS_ENTRY.WORK_DAY).fetch(HoursRepository::toDomain));
    }

    /**
     * The cell of the earliest day ({@code newest} false) or of the latest day held (removed cells aside), ties
     * broken by id: lets a script or support pick an old or a recent cell without reading anyone's file.
     */
    public Optional<HoursEntry> edgeCell(boolean newest) {
        return store.read(sql -> sql.selectFrom(HOURS_ENTRY).where(HOURS_ENTRY.DELETED.isFalse())
                .orderBy(newest ? HOURS_ENTRY.WORK_DAY.desc() : HOURS_ENTRY.WORK_DAY.asc(), HOURS_ENTRY.ID)
                .limit(1).fetchOptional(HoursRepository::toDomain));
    }

    static HoursEntry toDomain(HoursEntryRecord r) {
        return new HoursEntry(r.getId(), r.getParticipantId(), r.getWorksiteId(), r.getWorkDay(),
                HoursKind.valueOf(r.getKind()), r.getMinutes());
    }
}
