package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.core.domain.EndOfSupport;
import fr.convergence.terrain.core.erasure.RetentionSettings;
import fr.convergence.terrain.hub.sync.HubStore.HubTransaction;
import fr.convergence.terrain.hub.sync.HubStore.RowData;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archived files on the hub (issue 14, docs/data-protection.md): once a person's support ended longer ago than the
 * archiving ceiling ({@link RetentionSettings#MAXIMUM}, the longest a laptop may keep a file in use), their file
 * leaves the worksite laptops — ESP and CIP may not read it — and stays with the hub and the territory
 * coordinators' laptops. Its rows get exit records meant for worksite laptops only, its later changes are withheld
 * from them ({@link Audience#FILES_IN_USE}), and a file back in use (a new enrolment) goes back to them whole, as a
 * worksite move does ({@code moved_seq}).
 *
 * <p>The stage is the laptop's ({@link EndOfSupport}, the same ceiling), judged on the hub's day: after each batch
 * for the people it touched, and once a day for everyone, since a file becomes archived with time alone.
 */
public final class Archives {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final Logger LOG = LoggerFactory.getLogger(Archives.class);

    private Archives() {
    }

    /**
     * After a batch: the people whose rows this transaction wrote, judged again — archived, back in use, or (still
     * archived) their rows written now removed from the worksite laptops that may hold them.
     */
    static void afterWrites(HubTransaction tx, LocalDate today, long millis) {
        Set<String> withLaptops = null;
        for (Map.Entry<String, List<HubRow>> written : tx.rowsWrittenByParticipant().entrySet()) {
            String participant = written.getKey();
            boolean archivedNow = isArchived(tx.dataOfParticipant(participant, "enrolment"),
                    tx.dataOfParticipant(participant, "follow_up"), today);
            boolean wasArchived = tx.archived(participant);
            if (archivedNow && !wasArchived) {
                withLaptops = withLaptops != null ? withLaptops : worksitesWithLaptops(tx);
                archive(tx, participant, millis, withLaptops);
            } else if (archivedNow) {
                // Written by a laptop that held the file before it learnt it was archived: it leaves again.
                leave(tx, written.getValue());
            } else if (wasArchived) {
                bringBack(tx, participant);
            }
        }
    }

    /** The hub's day on {@code clock}, in France, where the worksites are. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), PARIS);
    }

    /** Everyone judged on {@code today}; returns how many files changed stage. */
    public static int review(HubTransaction tx, LocalDate today, long millis) {
        // Read row by row, the fields it needs only, each person's end of support kept: a national hub's rows would
        // not fit in memory.
        Map<String, EndOfSupport> ends = new HashMap<>();
        tx.eachData("enrolment", List.of("participant_id", "exit_date"), enrolment -> {
            if (!enrolment.deleted()) {
                ends.computeIfAbsent(participantOf(enrolment), k -> new EndOfSupport())
                        .enrolment(date(enrolment.data().get("exit_date")));
            }
        });
        tx.eachData("follow_up", List.of("participant_id", "due_date", "done_date"), followUp -> {
            EndOfSupport end = ends.get(participantOf(followUp));
            if (end != null && !followUp.deleted()) {
                end.followUp(date(followUp.data().get("due_date")), date(followUp.data().get("done_date")));
            }
        });
        Set<String> archived = tx.archivedFiles();
        Set<String> withLaptops = worksitesWithLaptops(tx);
        int changed = 0;
        for (Map.Entry<String, EndOfSupport> person : ends.entrySet()) {
            boolean archivedNow = RetentionSettings.MAXIMUM.archivedOn(person.getValue().ended(), today);
            if (archivedNow && !archived.contains(person.getKey())) {
                archive(tx, person.getKey(), millis, withLaptops);
                changed++;
            } else if (!archivedNow && archived.contains(person.getKey())) {
                bringBack(tx, person.getKey());
                changed++;
            }
        }
        Set<String> withoutEnrolment = new HashSet<>(archived);
        withoutEnrolment.removeAll(ends.keySet());
        for (String participant : withoutEnrolment) {
            // Their enrolments were deleted: nothing says their support ended any more.
            bringBack(tx, participant);
            changed++;
        }
        if (changed > 0) {
            LOG.info("archives reviewed for {}: {} files changed stage", today, changed);
        }
        return changed;
    }

    static boolean isArchived(List<RowData> enrolments, List<RowData> followUps, LocalDate today) {
        EndOfSupport end = new EndOfSupport();
        enrolments.stream().filter(e -> !e.deleted()).forEach(e -> end.enrolment(date(e.data().get("exit_date"))));
        followUps.stream().filter(f -> !f.deleted()).forEach(f -> end.followUp(date(f.data().get("due_date")),
                date(f.data().get("done_date"))));
        return RetentionSettings.MAXIMUM.archivedOn(end.ended(), today);
    }

    private static void archive(HubTransaction tx, String participant, long millis, Set<String> withLaptops) {
        tx.archive(participant, millis);
        if (withLaptops.isEmpty()) {
            // No worksite laptop may hold the file (an import into a new hub archives tens of thousands at once).
            LOG.info("file {} archived: no worksite laptop holds it", participant);
            return;
        }
        List<HubRow> file = new ArrayList<>(tx.rowsOfParticipant(participant));
        file.removeIf(row -> !withLaptops.contains(row.worksiteId()));
        for (RowData conflict : tx.dataOfParticipant(participant, SyncSchema.CONFLICT_TABLE)) {
            if (withLaptops.contains(conflict.worksiteId())) {
                tx.archivedExit(SyncSchema.CONFLICT_TABLE, conflict.id(), conflict.worksiteId());
            }
        }
        leave(tx, file);
        LOG.info("file {} archived: it leaves the worksite laptops", participant);
    }

    /**
     * The worksites that have a worksite laptop (enrolled, not revoked): only those laptops may hold a file's rows,
     * so only their rows need exits — a hub loaded with years of history before any laptop was enrolled writes none.
     */
    private static Set<String> worksitesWithLaptops(HubTransaction tx) {
        Set<String> worksites = new HashSet<>();
        for (Device device : tx.devices()) {
            if (!device.revoked() && device.audience() == Audience.FILES_IN_USE) {
                worksites.add(device.scopeId());
            }
        }
        return worksites;
    }

    /** Exit records of {@code rows} for the worksite laptops, children first. */
    private static void leave(HubTransaction tx, List<HubRow> rows) {
        List<HubRow> removal = new ArrayList<>(rows);
        removal.sort(Comparator.comparingInt((HubRow r) -> SyncSchema.order(r.table())));
        Collections.reverse(removal);
        for (HubRow row : removal) {
            tx.archivedExit(row.table(), row.id(), row.worksiteId());
        }
    }

    /** Back in use: the worksite laptops get the whole file again, as after a move. */
    private static void bringBack(HubTransaction tx, String participant) {
        tx.unarchive(participant);
        for (HubRow row : tx.rowsOfParticipant(participant)) {
            row.movedSeq(FieldMeta.PENDING);
            tx.save(row);
        }
        LOG.info("file {} back in use: sent whole to the worksite laptops again", participant);
    }

    private static String participantOf(RowData row) {
        Object participant = row.data().get("participant_id");
        return participant == null ? null : participant.toString();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(value.toString());
    }
}
