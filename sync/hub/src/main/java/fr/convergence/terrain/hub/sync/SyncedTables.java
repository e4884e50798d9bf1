package fr.convergence.terrain.hub.sync;

import static fr.convergence.terrain.hub.sync.SyncedTable.Check.onField;
import static fr.convergence.terrain.hub.sync.SyncedTable.Scope.CONFLICTED_ROW;
import static fr.convergence.terrain.hub.sync.SyncedTable.Scope.ERASED_PARTICIPANT;
import static fr.convergence.terrain.hub.sync.SyncedTable.Scope.JOURNAL;
import static fr.convergence.terrain.hub.sync.SyncedTable.Scope.OWN_WORKSITE;
import static fr.convergence.terrain.hub.sync.SyncedTable.Scope.PARENTS;
import static fr.convergence.terrain.hub.sync.SyncedTable.table;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.verdict.Verdict;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every synced table, declared once: how its rows find their worksite, the checks a device's write must pass, how
 * its fields merge and what a write changes elsewhere. The sync service and the store import apply them; security
 * checks and hub tools should read the tables from here too. Adding a synced table means adding its declaration here
 * (its fields go to {@link SyncSchema}, shared with laptops).
 */
public final class SyncedTables {

    private static final Map<String, SyncedTable> TABLES = byName(
            table("participant", OWN_WORKSITE),
            table("enrolment", PARENTS),
            table("phc_step", PARENTS),
            table("hours_entry", PARENTS)
                    .check(onField("kind", kind -> TableRules.known(HoursKind.class, kind, "Type d'heures inconnu")))
                    .check(onField("minutes", minutes -> hoursBounds((Integer) minutes)))
                    .check(write -> write.weekRules().refusal(write.tx(), write.stored(), write.fields())),
            table("support_note", PARENTS),
            // Notes are append-only: an edit is a new revision.
            table("support_note_revision", PARENTS).check(TableRules::revisionKept),
            table("referral", PARENTS)
                    .check(TableRules::referralStatus).mergeByWorkflow("status"),
            table("referral_status_change", PARENTS)
                    .check(TableRules::statusChange).afterWrite(TableRules::moveReferral),
            table("follow_up", PARENTS),
            table(SyncSchema.CONFLICT_TABLE, CONFLICTED_ROW).check(TableRules::onlyResolved),
            // The audit journal is append-only: a stored entry is neither changed nor deleted, by anyone.
            table(SyncSchema.AUDIT_TABLE, JOURNAL).check(TableRules::appendOnly),
            // Applied by Erasures, not merged: see RowMerge.
            table(SyncSchema.ERASURE_TABLE, ERASED_PARTICIPANT));

    private SyncedTables() {
    }

    /** An hours cell's minutes, as core bounds a stored cell: a quarter hour to a day. */
    static Optional<String> hoursBounds(int minutes) {
        Verdict verdict = HoursCell.checkStored(minutes);
        return verdict.isRefused() ? Optional.of(verdict.text()) : Optional.empty();
    }

    /** Every synced table, parents first. */
    public static List<SyncedTable> all() {
        return List.copyOf(TABLES.values());
    }

    /** The table named so (empty for null or a name no laptop syncs). */
    public static Optional<SyncedTable> of(String name) {
        return Optional.ofNullable(name == null ? null : TABLES.get(name));
    }

    private static Map<String, SyncedTable> byName(SyncedTable... tables) {
        Map<String, SyncedTable> byName = new LinkedHashMap<>();
        for (SyncedTable table : tables) {
            byName.put(table.name(), table);
        }
        return byName;
    }
}
