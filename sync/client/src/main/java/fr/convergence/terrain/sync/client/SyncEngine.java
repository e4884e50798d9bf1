package fr.convergence.terrain.sync.client;

import fr.convergence.terrain.core.clock.Hlc;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.StoreBackups;
import fr.convergence.terrain.core.store.StoreException;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.protocol.ClientReport;
import fr.convergence.terrain.sync.protocol.ColumnCodec;
import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import fr.convergence.terrain.sync.protocol.TableChanges;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The laptop side of sync. Pushes the numbered queue in bounded batches, then pulls pages; each answer is
 * applied in one store transaction together with the cursor it leads to, so a crash or a cut connection at any
 * point leaves the store consistent and the next exchange carries on from the last page committed.
 */
public final class SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    /** About 64 KB once compressed. */
    static final int BATCH_BYTES = 192 * 1024;
    private static final int MAX_EXCHANGES = 100_000;
    /**
     * Page size asked for (JSON-equivalent bytes): as much as the hub allows for a column page (64× its 256 KiB
     * default), so that what bounds a page is the hub's own limit, ≈ 64 KB compressed measured, 32,000 rows read
     * (4 s at 128 kbit/s, what a cut connection may cost): the territory demo's 62,617 rows come in 2 pages. Each
     * further page costs a round trip.
     */
    static final int COLUMN_PAGE_BYTES = 16 * 1024 * 1024;
    /**
     * A laptop clock further ahead of the hub's than this (the hub re-stamps such versions, beyond its 5 minutes'
     * tolerance) is taken back to the hub's time once it is known.
     */
    static final java.time.Duration CLOCK_AHEAD_TAKEN_BACK = java.time.Duration.ofMinutes(5);

    private final TerrainStore store;
    private final HubClient hub;
    private final SyncRepository repository;
    private final Clock clock;
    private final Integer pageBytes;
    /** What the laptop says of itself to the hub ({@link ClientReport}); null fields when not known. */
    private final String appVersion;
    private final String person;

    /** Why a store without an account cannot be enrolled: it has no data key yet, so nothing it pulls is protected. */
    public static final String NO_ACCOUNT_YET = "Ce poste n’a encore aucun compte, donc pas de clé pour chiffrer ses "
            + "données\u00a0: créez d’abord le premier compte (installation dans l’application, ou «\u00a0terrain "
            + "edit --store FICHIER setup --worksite … --login … --role …\u00a0»), puis enrôlez le poste.";

    public SyncEngine(TerrainStore store, HubClient hub) {
        this(store, hub, null);
    }

    /** @param pageBytes page size asked of the hub (null: the hub's default) */
    public SyncEngine(TerrainStore store, HubClient hub, Integer pageBytes) {
        this(store, hub, pageBytes, null, null);
    }

    /**
     * @param appVersion the application's version, told to the hub (null: unknown)
     * @param person     the login of the laptop account signed in, told to the hub for its Devices page (null: none)
     */
    public SyncEngine(TerrainStore store, HubClient hub, Integer pageBytes, String appVersion, String person) {
        this.store = store;
        this.hub = hub;
        this.repository = new SyncRepository(store);
        this.clock = store.clock();
        this.pageBytes = pageBytes;
        this.appVersion = appVersion;
        this.person = person;
    }

    public SyncRepository repository() {
        return repository;
    }

    /** Enrols this laptop with a one-time code; keeps the hub address, token and scope in the store. */
    public EnrolResponse enrol(String hubUrl, String code, String label) throws IOException {
        // Checked before the one-time code is spent: the token must be written encrypted (ADR 0005).
        if (!store.isEncrypted()) {
            throw new StoreException(NO_ACCOUNT_YET);
        }
        if (!store.isUnlocked()) {
            throw new StoreException("Les données de ce poste sont chiffrées\u00a0: connectez-vous avec un compte du "
                    + "poste avant de l’enrôler.");
        }
        EnrolResponse response = hub.enrol(new EnrolRequest(SyncCodec.PROTOCOL, code, store.deviceId(), label));
        store.write("system", tx -> {
            SyncRepository.putState(tx.sql(), SyncRepository.HUB_URL, hubUrl);
            SyncRepository.putState(tx.sql(), SyncRepository.TOKEN, response.token());
            SyncRepository.putState(tx.sql(), SyncRepository.SCOPE, response.scopeKind() + ":" + response.scopeId());
            SyncRepository.putState(tx.sql(), SyncRepository.HUB_ID, response.hubId());
            return null;
        });
        return response;
    }

    public boolean enrolled() {
        // Whether a token is kept, without decrypting it: answerable before anyone signs in.
        return repository.hasState(SyncRepository.TOKEN);
    }

    /**
     * Runs one complete sync: everything pending goes up, everything new comes down. Throws {@link IOException}
     * if the network fails (what was committed stays committed) and {@link HubException} if the hub refuses.
     */
    public SyncReport sync(SyncProgress progress) throws IOException {
        String token = repository.state(SyncRepository.TOKEN).orElseThrow(() -> new HubException(401,
                "not-enrolled", "Ce poste n’est pas enrôlé\u00a0: saisissez le code d’enrôlement fourni par le hub."));
        PageAhead ahead = new PageAhead();
        try {
            return sync(token, progress, ahead);
        } finally {
            // A page asked ahead and not used (the apply failed, or the sync ended) is dropped.
            ahead.stop();
        }
    }

    private SyncReport sync(String token, SyncProgress progress, PageAhead ahead) throws IOException {
        long start = System.nanoTime();
        HubClient.Traffic before = hub.traffic();
        int sent = 0;
        long acknowledged = 0;
        int refused = 0;
        int received = 0;
        int removed = 0;
        int conflicts = 0;
        int dropped = 0;
        int pages = 0;
        boolean resynced = false;
        boolean pulledOverPages = false;
        // A store restored from a backup first takes its operation numbers past the hub's, then sends its queue,
        // then pulls its whole scope again (its own writes made after the backup are on the hub only).
        boolean wipeAfterPush = StoreBackups.restoredSinceLastSync(store) && catchUpAfterRestore(token);
        store.write("system", tx -> SyncRepository.numberOutbox(tx));
        for (int exchange = 0; exchange < MAX_EXCHANGES; exchange++) {
            List<Operation> batch = repository.nextBatch(BATCH_BYTES);
            long lastInBatch = batch.isEmpty() ? 0 : batch.get(batch.size() - 1).number();
            boolean moreOperations = batch.size() > 0 && repository.hasPendingAfter(lastInBatch);
            long cursor = repository.cursor();
            long seen = repository.state(SyncRepository.REJECTIONS_SEEN).map(Long::parseLong).orElse(0L);
            String hubId = repository.state(SyncRepository.HUB_ID).orElse(null);
            boolean rebuilding = repository.state(SyncRepository.REBUILDING).map(Boolean::parseBoolean).orElse(false);
            long base = repository.wholeRowsUpTo();
            SyncRequest request = request(hubId, cursor, base, seen, batch, moreOperations, rebuilding);
            // The next page was asked for while this laptop applied the previous one; its answer holds only if the
            // request is the one the committed state makes now (an edit made meanwhile, say, changes it).
            Optional<SyncResponse> askedAhead = ahead.answerFor(request);
            SyncResponse response = askedAhead.isPresent() ? askedAhead.get()
                    : hub.exchange(token, request, head -> ahead.headArrived(hub, token, request, head));
            Hlc hubTime = response.hubTime() == null ? null : Hlc.parse(response.hubTime());
            // The hub's clock minus this laptop's, kept for the Synchronisation page.
            Long clockDrift = hubTime == null ? null : hubTime.millis() - clock.millis();
            if (hubTime != null) {
                store.hlc().observe(hubTime);
                if (store.hlc().last().millis() - hubTime.millis() > CLOCK_AHEAD_TAKEN_BACK.toMillis()) {
                    store.hlc().resetTo(hubTime);
                }
            }
            sent += batch.size();
            acknowledged = Math.max(acknowledged, response.acknowledged());
            conflicts += response.conflictsRecorded();
            if (response.rewound() != null) {
                int resent = store.write("system", tx -> {
                    SyncRepository.putState(tx.sql(), SyncRepository.HUB_ID, response.hubId());
                    SyncRepository.numberOutbox(tx);
                    int n = SyncRepository.rewind(tx, response.rewound());
                    SyncRepository.wipeScope(tx);
                    return n;
                });
                LOG.warn("hub {} went back in time (applied up to operation {}, cursor {}): {} operation(s) sent "
                        + "again, scope pulled again", response.hubId(), response.rewound().lastOperation(),
                        response.rewound().lastCursor(), resent);
                resynced = true;
                progress.exchanged(pages, hub.traffic().minus(before).bytesUp(),
                        hub.traffic().minus(before).bytesDown(), repository.pendingCount());
                continue;
            }
            boolean wipeNow = wipeAfterPush && !moreOperations;
            List<TableChanges> changes = moreOperations || response.resync() || wipeNow ? List.of()
                    : response.allChanges(HoursCell::id);
            int[] counts = store.write("system", tx -> {
                // Erasures first: this laptop's changes about an erased person, refused by the hub, are dropped
                // with the person's file instead of being quarantined.
                int[] erasedFirst = SyncRepository.applyErasures(tx, changes);
                int quarantined = SyncRepository.acknowledge(tx, response.acknowledged(), response.rejections(),
                        clock.millis());
                if (hubId != null && response.hubId() != null && !Objects.equals(hubId, response.hubId())) {
                    LOG.warn("hub identity changed from {} to {}: resync", hubId, response.hubId());
                }
                SyncRepository.putState(tx.sql(), SyncRepository.HUB_ID, response.hubId());
                if (clockDrift != null) {
                    SyncRepository.putState(tx.sql(), SyncRepository.CLOCK_DRIFT, String.valueOf(clockDrift));
                }
                if (moreOperations) {
                    return new int[] {quarantined, 0, 0, 0, 0};
                }
                // Outbox rows made since the last cursor move are stamped with it before it moves.
                SyncRepository.numberOutbox(tx);
                if (response.resync() || wipeNow) {
                    SyncRepository.wipeScope(tx);
                    StoreBackups.forgetRestore(tx);
                    return new int[] {quarantined, 0, 0, 1, 0};
                }
                // Worksites of the scope the shipped reference data may lack, before the rows that refer to them.
                ReferenceRepository worksites = new ReferenceRepository(store);
                response.worksites().forEach(w -> worksites.putWorksite(tx, w.id(), w.name(), w.city(), w.region(),
                        w.territoryId(), w.runsPhc(), w.runsCvg()));
                int[] applied = SyncRepository.applyPage(tx, changes, response.exits());
                SyncRepository.putState(tx.sql(), SyncRepository.CURSOR, String.valueOf(response.cursor()));
                SyncRepository.putState(tx.sql(), SyncRepository.LAST_SYNC, String.valueOf(clock.millis()));
                if (!response.more()) {
                    // The pull is complete: every row of the scope is here, whole, as of this cursor.
                    SyncRepository.putState(tx.sql(), SyncRepository.WHOLE_ROWS_UP_TO,
                            String.valueOf(response.cursor()));
                    SyncRepository.putState(tx.sql(), SyncRepository.REBUILDING, "false");
                }
                return new int[] {quarantined, applied[0], applied[1] + erasedFirst[0], 0,
                        applied[2] + erasedFirst[1]};
            });
            refused += counts[0];
            received += counts[1];
            removed += counts[2];
            resynced |= counts[3] == 1;
            dropped += counts[4];
            if (!moreOperations) {
                pages++;
            }
            HubClient.Traffic now = hub.traffic().minus(before);
            int pending = repository.pendingCount();
            progress.exchanged(pages, now.bytesUp(), now.bytesDown(), pending);
            if (!moreOperations && (response.remaining() != null || pulledOverPages)) {
                pulledOverPages = true;
                progress.rows(received, response.more() && response.remaining() != null ? response.remaining() : 0);
            }
            if (wipeNow) {
                wipeAfterPush = false;
                continue;
            }
            if (!moreOperations && !response.more() && !response.resync()) {
                if (!repository.hasPendingAfter(0)) {
                    break;
                }
            }
        }
        HubClient.Traffic traffic = hub.traffic().minus(before);
        SyncReport report = new SyncReport(sent, acknowledged, refused, received, removed, conflicts, pages,
                traffic.requests(), traffic.bytesUp(), traffic.bytesDown(), (System.nanoTime() - start) / 1_000_000,
                resynced, dropped);
        LOG.info("sync done {}", report);
        return report;
    }

    /**
     * Asks the hub how far it has applied this laptop's operations (an exchange that sends none and pulls nothing)
     * and numbers the restored queue after it. Returns false if the hub itself went back in time: the exchange
     * loop's rewind then rebuilds everything anyway.
     */
    private boolean catchUpAfterRestore(String token) throws IOException {
        long seen = repository.state(SyncRepository.REJECTIONS_SEEN).map(Long::parseLong).orElse(0L);
        boolean rebuilding = repository.state(SyncRepository.REBUILDING).map(Boolean::parseBoolean).orElse(false);
        SyncRequest probe = request(repository.state(SyncRepository.HUB_ID).orElse(null), repository.cursor(),
                repository.wholeRowsUpTo(), seen, List.of(), true, rebuilding);
        SyncResponse answer = hub.exchange(token, probe, head -> { });
        if (answer.rewound() != null) {
            return false;
        }
        store.write("system", tx -> {
            SyncRepository.catchUpAfterRestore(tx, answer.acknowledged(), answer.rejections(), clock.millis());
            return null;
        });
        LOG.warn("store restored from a backup: the hub had applied this laptop's operations up to {}; the queue "
                + "follows it and the scope is pulled again", answer.acknowledged());
        return true;
    }

    private SyncRequest request(String hubId, long cursor, long base, long seen, List<Operation> batch,
                                boolean moreOperations, boolean rebuilding) {
        SyncRepository.QuarantineCount quarantine = repository.quarantineCount();
        return new SyncRequest(SyncCodec.PROTOCOL, store.deviceId(), hubId, cursor, seen, batch, moreOperations,
                pageBytes != null ? pageBytes : COLUMN_PAGE_BYTES, rebuilding ? Boolean.TRUE : null,
                ColumnCodec.COLUMNS_3, base, new ClientReport(appVersion, person, quarantine.count(),
                        quarantine.oldestAt()));
    }

    /**
     * The pages asked for before the previous one is applied. As soon as an answer's head says a further page
     * follows (over HTTP, when its headers arrive, seconds before its body on a slow link), that page is asked for,
     * so the link never waits for a round trip or for the hub's reading; at most {@link #MAX_AHEAD} at once. Only
     * pulls are asked ahead (no operations, refusals seen only up to what is committed: the hub forgets the refusals
     * a request says were seen, and an answer's are not stored until its transaction commits): the hub applies and
     * forgets nothing for them — it only notes the cursor it gave, which never makes it doubt a laptop — so an
     * answer that is not used, or a laptop that stops before using it, changes nothing that matters on either side.
     */
    static final class PageAhead {

        static final int MAX_AHEAD = 2;

        /** A page asked ahead; {@code dropped} once it is of no use (guarded by the {@link PageAhead}). */
        private static final class Asked {
            final SyncRequest request;
            final CompletableFuture<SyncResponse> answer = new CompletableFuture<>();
            Thread thread;
            boolean dropped;

            Asked(SyncRequest request) {
                this.request = request;
            }
        }

        /** A page announced while {@link #MAX_AHEAD} were waiting, by the answer to {@code from} (null: the main one). */
        private record Deferred(HubClient hub, String token, SyncRequest pull, Asked from) {
        }

        /** Waiting to be used, in the order asked; guarded by {@code this} (heads arrive on HTTP client threads). */
        private final List<Asked> asked = new ArrayList<>();
        private Deferred deferred;
        /** Set when the sync is over: a head arriving late asks for nothing. */
        private boolean stopped;

        /** The head of the answer to {@code after}, the request of the laptop's own exchange. */
        void headArrived(HubClient hub, String token, SyncRequest after, HubClient.PageHead head) {
            headArrived(hub, token, after, head, null);
        }

        /**
         * Asks for the page {@code head} announces, if any. The head of a page asked ahead and since dropped asks for
         * nothing: that page's chain was abandoned (an edit, say, changed the request), and a page asked from it
         * could be older than the edit the laptop is about to send.
         */
        private synchronized void headArrived(HubClient hub, String token, SyncRequest after, HubClient.PageHead head,
                                              Asked from) {
            if (stopped || (from != null && from.dropped) || after.moreOperations() || !head.more() || head.resync()) {
                return;
            }
            SyncRequest pull = new SyncRequest(after.protocol(), after.deviceId(), head.hubId(), head.cursor(),
                    after.rejectionsSeenUpTo(), List.of(), false, after.pageBytes(), after.rebuilding(),
                    after.encoding(), after.base(), after.client());
            if (asked.size() >= MAX_AHEAD) {
                // Asked as soon as one of those is used (answerFor), so that the line never waits for it.
                deferred = new Deferred(hub, token, pull, from);
                return;
            }
            ask(hub, token, pull);
        }

        synchronized void start(HubClient hub, String token, SyncRequest pull) {
            if (asked.size() < MAX_AHEAD) {
                ask(hub, token, pull);
            }
        }

        private void ask(HubClient hub, String token, SyncRequest pull) {
            if (stopped || asked.stream().anyMatch(a -> a.request.equals(pull))) {
                return;
            }
            Asked entry = new Asked(pull);
            entry.thread = new Thread(() -> {
                try {
                    entry.answer.complete(hub.exchange(token, pull, head -> headArrived(hub, token, pull, head, entry)));
                } catch (Throwable e) {
                    entry.answer.completeExceptionally(e);
                }
            }, "sync-prefetch");
            entry.thread.setDaemon(true);
            asked.add(entry);
            entry.thread.start();
        }

        private void drop(Asked entry) {
            entry.dropped = true;
            entry.thread.interrupt();
        }

        /**
         * The answer asked ahead, if it is the one {@code now} would get: the same request, except that the committed
         * state may have seen more refusals since (the answer then repeats some, which the laptop skips). Otherwise
         * the page asked ahead is dropped.
         */
        Optional<SyncResponse> answerFor(SyncRequest now) throws IOException {
            CompletableFuture<SyncResponse> answer = null;
            synchronized (this) {
                // The pages asked before the one that matches are of no use any more (it was asked after them).
                while (!asked.isEmpty() && answer == null) {
                    Asked first = asked.remove(0);
                    if (matches(first.request, now)) {
                        answer = first.answer;
                    } else {
                        drop(first);
                    }
                }
                Deferred waiting = deferred;
                deferred = null;
                if (answer != null && waiting != null && (waiting.from() == null || !waiting.from().dropped)) {
                    ask(waiting.hub(), waiting.token(), waiting.pull());
                }
            }
            if (answer == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(answer.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Synchronisation interrompue", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException(e.getCause());
            }
        }

        /**
         * Whether {@code asked} is the request {@code now} would make: the same, except that the committed state may
         * have seen more refusals since (the answer then repeats some, which the laptop skips), and the laptop's report
         * to the hub (its quarantine count) may have moved: the hub only keeps it, the page is the same.
         */
        private static boolean matches(SyncRequest asked, SyncRequest now) {
            return now.rejectionsSeenUpTo() >= asked.rejectionsSeenUpTo()
                    && asked.equals(new SyncRequest(now.protocol(), now.deviceId(), now.hubId(), now.cursor(),
                    asked.rejectionsSeenUpTo(), now.operations(), now.moreOperations(), now.pageBytes(),
                    now.rebuilding(), now.encoding(), now.base(), asked.client()));
        }

        /**
         * Drops the pages asked ahead (their threads are interrupted and stop waiting for the hub's answers) and asks
         * for no more: the sync is over.
         */
        synchronized void stop() {
            stopped = true;
            asked.forEach(this::drop);
            asked.clear();
            deferred = null;
        }
    }
}
