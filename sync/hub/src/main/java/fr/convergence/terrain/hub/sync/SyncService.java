package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.core.clock.HybridLogicalClock;
import fr.convergence.terrain.hub.sync.HubStore.HubReader;
import fr.convergence.terrain.hub.sync.HubStore.HubTransaction;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.Rejection;
import fr.convergence.terrain.sync.protocol.Rewind;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync exchange on the hub: applies a device's new operations in sequence, in one transaction ({@link RowMerge}:
 * a bad operation is refused without blocking the others), then answers with one page of the device's scope after
 * its cursor ({@link PageReader}).
 */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final HubStore store;
    private final Clock clock;
    private final HybridLogicalClock hlc;
    private final RowMerge merge;
    private final PageReader pages;
    /** The hub's day when every file's stage was last reviewed ({@link Archives#review}). */
    private final AtomicReference<LocalDate> archivesReviewedOn = new AtomicReference<>();
    /** How long an exchange waits for the day's review of archived files before going on without it. */
    private static final Duration REVIEW_WAIT = Duration.ofSeconds(5);
    /** One review at a time per process, on a daemon thread: it never keeps the hub from stopping. */
    private static final ExecutorService REVIEWS = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "archives-review");
        thread.setDaemon(true);
        return thread;
    });

    public SyncService(HubStore store, Clock clock, long futureToleranceMillis, int defaultPageBytes) {
        this.store = store;
        this.clock = clock;
        this.hlc = new HybridLogicalClock(clock, FieldMeta.HUB);
        this.merge = new RowMerge(clock, hlc, futureToleranceMillis);
        this.pages = new PageReader(store, defaultPageBytes, this::hubTime);
    }

    public String hubTime() {
        return hlc.tick().encode();
    }

    public SyncAnswer sync(Device device, SyncRequest request) {
        Optional<Rewind> rewound = rewound(device, request);
        if (rewound.isPresent()) {
            // Applying this batch would move the device's number past operations this hub has lost: nothing is
            // applied, the laptop puts them back in its queue and sends everything again from there.
            LOG.warn("sync device={} is ahead of this hub (operations acknowledged {} > applied {}, cursor {} > {}):"
                            + " hub restored from a backup? the device re-sends and resyncs", device.id(),
                    request.rejectionsSeenUpTo(), device.lastOperation(), request.cursor(), device.lastCursor());
            store.write(tx -> {
                tx.recordExchange(new SyncExchange(device.id(), clock.millis(), request.operations().size(), 0, 0, 0,
                        SyncExchange.REWOUND), request.client());
                return null;
            });
            return new SyncAnswer(new SyncResponse(SyncCodec.PROTOCOL, store.hubId(), hubTime(),
                    device.lastOperation(), null, 0, null, null, 0, false, true, rewound.get(), null));
        }
        reviewArchivesOncePerDay();
        Set<String> scope = store.read(r -> r.worksitesOf(device.scopeKind(), device.scopeId()));
        List<Operation> operations = request.operations().stream()
                .sorted(Comparator.comparingLong(Operation::number)).toList();
        AppliedBatch applied = store.write(tx -> apply(tx, device, scope, operations, request));
        SyncAnswer answer = pages.answer(device, scope, request, applied);
        SyncResponse page = answer.response();
        boolean done = !request.moreOperations() && !page.resync();
        String outcome = page.resync() ? SyncExchange.RESYNC
                : request.moreOperations() || page.more() ? SyncExchange.PAGE : SyncExchange.DONE;
        store.write(tx -> {
            if (done) {
                tx.deviceSynced(device.id(), applied.acknowledged(), page.cursor(), clock.millis());
            }
            // Figures for the console's history (never a row), and what the laptop says of itself.
            tx.recordExchange(new SyncExchange(device.id(), clock.millis(), operations.size(), rowsIn(page),
                    applied.refusedNow(), applied.conflicts(), outcome), request.client());
            return null;
        });
        return answer;
    }

    private LocalDate today() {
        return Archives.today(clock);
    }

    /**
     * A file becomes archived with time alone: at the first exchange of each day every file's stage is judged again
     * (several hub processes may each do it: it is idempotent). On a hub with years of files that may take a while:
     * the exchange waits {@link #REVIEW_WAIT} at most, then goes on while the review finishes on its own thread
     * (a file archived meanwhile leaves the worksite laptops at their next exchange).
     */
    private void reviewArchivesOncePerDay() {
        LocalDate today = today();
        LocalDate last = archivesReviewedOn.get();
        if (!today.equals(last) && archivesReviewedOn.compareAndSet(last, today)) {
            Future<Integer> review = REVIEWS.submit(() -> store.write(tx -> Archives.review(tx, today,
                    clock.millis())));
            try {
                review.get(REVIEW_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                LOG.info("archives review for {} goes on in the background", today);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // Tried again at the first exchange of the next day, or now by another process.
                archivesReviewedOn.compareAndSet(today, last);
                LOG.error("archives review for {} failed", today, e.getCause());
            }
        }
    }

    /** Rows a page carries, whichever encoding carries them. */
    private static int rowsIn(SyncResponse page) {
        int rows = 0;
        for (var table : page.changes()) {
            rows += table.rows().size();
        }
        for (var table : page.columns()) {
            rows += table.rows();
        }
        return rows;
    }

    /** A revoked device's attempt, refused before anything was read: kept in its history for the console. */
    public void refusedAsRevoked(Device device) {
        store.write(tx -> {
            tx.recordExchange(new SyncExchange(device.id(), clock.millis(), 0, 0, 0, 0, SyncExchange.REVOKED), null);
            return null;
        });
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

    private AppliedBatch apply(HubTransaction tx, Device device, Set<String> scope, List<Operation> operations,
                               SyncRequest request) {
        long last = tx.lockDevice(device.id());
        tx.forgetRejections(device.id(), request.rejectionsSeenUpTo());
        int conflicts = 0;
        int applied = 0;
        int refusedNow = 0;
        List<Rejection> outOfSequence = new ArrayList<>();
        Map<String, Boolean> erased = new HashMap<>();
        for (Operation op : operations) {
            if (op.number() <= last) {
                continue;
            }
            if (op.number() != last + 1) {
                // A gap or a jump: acknowledging it would move "last" past numbers never applied, and every later
                // operation of the device would be acknowledged without being applied. Refused, "last" unmoved, not
                // stored: the same request gets the same answer.
                outOfSequence.add(new Rejection(op.number(), Rejection.OUT_OF_SEQUENCE, outOfSequence(op, last)));
                refusedNow++;
                LOG.warn("sync device={} op={} refused=out-of-sequence expected={}", device.id(), op.number(),
                        last + 1);
                continue;
            }
            if (op.skip()) {
                // A number whose change the laptop no longer sends (see Operation.SKIP_TABLE): its place is taken.
                last = op.number();
                continue;
            }
            RowMerge.Outcome outcome = merge.apply(tx, device, scope, op, erased);
            if (outcome.refusal() != null) {
                tx.addRejection(device.id(), op.number(), outcome.refusal().code(), outcome.refusal().reason(),
                        clock.millis());
                refusedNow++;
                resetRow(tx, scope, op);
                LOG.info("sync device={} op={} table={} refused={} reason={}", device.id(), op.number(), op.table(),
                        outcome.refusal().code(), outcome.refusal().reason());
            } else {
                applied++;
            }
            conflicts += outcome.conflicts();
            last = op.number();
        }
        if (!operations.isEmpty()) {
            tx.deviceSynced(device.id(), last, device.lastCursor(), clock.millis());
        }
        Archives.afterWrites(tx, today(), clock.millis());
        List<Rejection> rejections = new ArrayList<>(tx.rejections(device.id(), request.rejectionsSeenUpTo()).stream()
                .map(r -> new Rejection(r.number(), r.code(), r.reason())).toList());
        rejections.addAll(outOfSequence);
        if (!operations.isEmpty()) {
            LOG.info("sync device={} received={} applied={} refused={} conflicts={} acknowledged={}", device.id(),
                    operations.size(), applied, rejections.size(), conflicts, last);
        }
        return new AppliedBatch(last, rejections, conflicts, refusedNow);
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
        if (SyncedTables.of(op.table()).isEmpty() || !FieldChecks.validRowId(op.rowId())) {
            return;
        }
        tx.rowForUpdate(op.table(), op.rowId()).filter(row -> scope.contains(row.worksiteId())).ifPresent(row -> {
            row.movedSeq(FieldMeta.PENDING);
            tx.save(row);
        });
    }
}
