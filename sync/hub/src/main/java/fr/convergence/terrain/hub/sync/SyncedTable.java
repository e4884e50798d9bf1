package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.hub.sync.HubStore.HubTransaction;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One synced table as the hub treats it: its fields, types and parents (the wire catalogue, {@link SyncSchema}),
 * how a row finds its worksite, the checks a device's write must pass, how concurrent edits of a field merge, and
 * what a write changes elsewhere. Each table is declared once, in {@link SyncedTables}.
 */
public record SyncedTable(SyncSchema.Table wire, Scope scope, List<Check> checks, Set<String> mergedByWorkflow,
                          AfterWrite afterWrite) {

    /** How a row finds its worksite: the scope that decides which devices hold it. */
    public enum Scope {
        /** Its own {@code worksite_id}: a participant, whose move takes their whole file along. */
        OWN_WORKSITE,
        /**
         * Its parents': the rows it references must be in the writing device's scope and all one participant's
         * (a follow-up's enrolment is its participant's); it takes their worksite, whatever the device sent.
         */
        PARENTS,
        /** The row a conflict record is about: only the hub writes one, laptops resolve it. */
        CONFLICTED_ROW,
        /**
         * Its own {@code worksite_id}, fixed at creation and about no participant's file: an audit journal entry
         * stays where it was written (a participant's move does not take it along), and is never changed.
         */
        JOURNAL,
        /**
         * The erased participant's worksite (an erasure tombstone, {@link Erasures}): written once by a device that
         * sees the person, never changed nor deleted, and belonging to no participant, so it outlives their file.
         */
        ERASED_PARTICIPANT
    }

    /** How two edits of one field merge. */
    public enum Merge {
        /** The newer version wins; edits made without seeing each other are kept as a conflict. */
        BY_VERSION,
        /** The last edit applied wins, with no conflict: the table's checks allowed it (a workflow's next step). */
        BY_WORKFLOW
    }

    /** A rule on a device's write to the table: a French refusal, or empty. */
    @FunctionalInterface
    public interface Check {

        Optional<String> refusal(Write write);

        /** A check of one field's value, when the write sets it (never to null: required fields are checked first). */
        static Check onField(String name, Function<Object, Optional<String>> check) {
            return write -> {
                Object value = write.fields().get(name);
                return value == null ? Optional.empty() : check.apply(value);
            };
        }
    }

    /** A device's write as checks see it: the stored row ({@code null} when new) and the fields sent. */
    public record Write(HubTransaction tx, HubRow stored, Map<String, Object> fields, Clock hubClock,
                        HubWeekRules weekRules) {
    }

    /** What a saved write changes in other rows, in the same transaction, stamped as the hub's writes. */
    @FunctionalInterface
    public interface AfterWrite {
        AfterWrite NOTHING = (tx, written, hubStamp) -> { };

        void apply(HubTransaction tx, HubRow written, Supplier<String> hubStamp);
    }

    public SyncedTable {
        checks = List.copyOf(checks);
        mergedByWorkflow = Set.copyOf(mergedByWorkflow);
    }

    /** The wire table {@code name}, with no checks of its own and its fields merged by version. */
    static SyncedTable table(String name, Scope scope) {
        return new SyncedTable(SyncSchema.table(name).orElseThrow(), scope, List.of(), Set.of(), AfterWrite.NOTHING);
    }

    SyncedTable check(Check check) {
        List<Check> more = new ArrayList<>(checks);
        more.add(check);
        return new SyncedTable(wire, scope, more, mergedByWorkflow, afterWrite);
    }

    SyncedTable mergeByWorkflow(String field) {
        Set<String> more = new HashSet<>(mergedByWorkflow);
        more.add(field);
        return new SyncedTable(wire, scope, checks, more, afterWrite);
    }

    SyncedTable afterWrite(AfterWrite effect) {
        return new SyncedTable(wire, scope, checks, mergedByWorkflow, effect);
    }

    public String name() {
        return wire.name();
    }

    /** The fields that reference a parent row, and so decide the row's worksite and participant. */
    public List<SyncSchema.Field> references() {
        return wire.references();
    }

    public Merge merge(String field) {
        return mergedByWorkflow.contains(field) ? Merge.BY_WORKFLOW : Merge.BY_VERSION;
    }

    /** The first refusal among the table's checks. */
    Optional<String> refusal(Write write) {
        for (Check check : checks) {
            Optional<String> refusal = check.refusal(write);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }
}
