package fr.convergence.terrain.sync.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The hub's answer to one exchange: the highest operation number processed ({@code acknowledged}: applied,
 * already applied, or refused), the refusals, how many conflicts this batch recorded, one page of changes of the
 * device's scope after its cursor, the rows that left the scope, the new cursor and whether more pages follow.
 * {@code resync} tells the laptop its cursor is older than the tombstone horizon (or than the hub itself) and it
 * must pull its scope again from cursor 0. {@code rewound} (absent unless the hub went back in time): the laptop
 * re-sends what the hub lost (see {@link Rewind}); the batch of that exchange was not applied.
 * {@code columns} carries the page instead of {@code changes} when the laptop asked for
 * {@link ColumnCodec#COLUMNS_1}, {@link ColumnCodec#COLUMNS_2} or {@link ColumnCodec#COLUMNS_3}, in that encoding.
 * {@code hubTime} is the hub's hybrid clock, which laptops observe.
 * {@code worksites} (optional, absent on most exchanges): the scope's worksites when the laptop pulls from cursor 0 or
 * rebuilds, else those the hub added or changed after the cursor; the laptop stores them before the page's rows.
 * {@code remaining} (optional, when {@code more}): about how many rows of the scope are still to come, for a progress
 * bar (rows changed after the new cursor; a row changed twice meanwhile counts once).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SyncResponse(int protocol, String hubId, String hubTime, long acknowledged, List<Rejection> rejections,
                           int conflictsRecorded, List<TableChanges> changes, List<RowExit> exits, long cursor,
                           boolean more, boolean resync, Rewind rewound, List<ColumnCodec.ColumnTable> columns,
                           List<WorksiteInfo> worksites, Long remaining) {

    public SyncResponse {
        worksites = worksites == null ? List.of() : List.copyOf(worksites);
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        changes = changes == null ? List.of() : List.copyOf(changes);
        columns = columns == null ? List.of() : List.copyOf(columns);
        exits = exits == null ? List.of() : List.copyOf(exits);
    }

    public SyncResponse(int protocol, String hubId, String hubTime, long acknowledged, List<Rejection> rejections,
                        int conflictsRecorded, List<TableChanges> changes, List<RowExit> exits, long cursor,
                        boolean more, boolean resync, Rewind rewound, List<ColumnCodec.ColumnTable> columns,
                        List<WorksiteInfo> worksites) {
        this(protocol, hubId, hubTime, acknowledged, rejections, conflictsRecorded, changes, exits, cursor, more,
                resync, rewound, columns, worksites, null);
    }

    public SyncResponse(int protocol, String hubId, String hubTime, long acknowledged, List<Rejection> rejections,
                        int conflictsRecorded, List<TableChanges> changes, List<RowExit> exits, long cursor,
                        boolean more, boolean resync) {
        this(protocol, hubId, hubTime, acknowledged, rejections, conflictsRecorded, changes, exits, cursor, more,
                resync, null, null, null);
    }

    public SyncResponse(int protocol, String hubId, String hubTime, long acknowledged, List<Rejection> rejections,
                        int conflictsRecorded, List<TableChanges> changes, List<RowExit> exits, long cursor,
                        boolean more, boolean resync, Rewind rewound, List<ColumnCodec.ColumnTable> columns) {
        this(protocol, hubId, hubTime, acknowledged, rejections, conflictsRecorded, changes, exits, cursor, more,
                resync, rewound, columns, null);
    }

    /** The page's groups of rows, whichever encoding carried them (hours ids left out derived with {@code ids}). */
    public List<TableChanges> allChanges(HoursCellIds ids) {
        if (columns.isEmpty()) {
            return changes;
        }
        List<TableChanges> all = new java.util.ArrayList<>(changes);
        all.addAll(ColumnCodec.decode(columns, ids));
        return all;
    }

    /** Rows of the page, all tables together. */
    public int changedRows() {
        return changes.stream().mapToInt(c -> c.rows().size()).sum()
                + columns.stream().mapToInt(ColumnCodec.ColumnTable::rows).sum();
    }
}
