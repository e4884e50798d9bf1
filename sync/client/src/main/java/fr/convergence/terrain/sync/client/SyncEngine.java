package fr.convergence.terrain.sync.client;

import fr.convergence.terrain.core.clock.Hlc;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.protocol.ColumnCodec;
import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
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
     * Page size asked for (JSON-equivalent bytes; the hub allows up to 8× its 256 KiB default for column pages):
     * about 13,000 hours cells, 60–90 KB once encoded by column and compressed — a worksite's two years in one
     * page, and a cut connection costs at most one such page.
     */
    static final int COLUMN_PAGE_BYTES = 2 * 1024 * 1024;

    private final TerrainStore store;
    private final HubClient hub;
    private final SyncRepository repository;
    private final Clock clock;
    private final Integer pageBytes;

    public SyncEngine(TerrainStore store, HubClient hub) {
        this(store, hub, null);
    }

    /** @param pageBytes page size asked of the hub (null: the hub's default) */
    public SyncEngine(TerrainStore store, HubClient hub, Integer pageBytes) {
        this.store = store;
        this.hub = hub;
        this.repository = new SyncRepository(store);
        this.clock = store.clock();
        this.pageBytes = pageBytes;
    }

    public SyncRepository repository() {
        return repository;
    }

    /** Enrols this laptop with a one-time code; keeps the hub address, token and scope in the store. */
    public EnrolResponse enrol(String hubUrl, String code, String label) throws IOException {
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
        return repository.state(SyncRepository.TOKEN).isPresent();
    }

    /**
     * Runs one complete sync: everything pending goes up, everything new comes down. Throws {@link IOException}
     * if the network fails (what was committed stays committed) and {@link HubException} if the hub refuses.
     */
    public SyncReport sync(SyncProgress progress) throws IOException {
        String token = repository.state(SyncRepository.TOKEN).orElseThrow(() -> new HubException(401,
                "not-enrolled", "Ce poste n'est pas enrôlé : saisissez le code d'enrôlement fourni par le hub."));
        long start = System.nanoTime();
        HubClient.Traffic before = hub.traffic();
        int sent = 0;
        long acknowledged = 0;
        int refused = 0;
        int received = 0;
        int removed = 0;
        int conflicts = 0;
        int pages = 0;
        boolean resynced = false;
        store.write("system", tx -> SyncRepository.numberOutbox(tx));
        for (int exchange = 0; exchange < MAX_EXCHANGES; exchange++) {
            List<Operation> batch = repository.nextBatch(BATCH_BYTES);
            long lastInBatch = batch.isEmpty() ? 0 : batch.get(batch.size() - 1).number();
            boolean moreOperations = batch.size() > 0 && repository.hasPendingAfter(lastInBatch);
            long cursor = repository.cursor();
            long seen = repository.state(SyncRepository.REJECTIONS_SEEN).map(Long::parseLong).orElse(0L);
            String hubId = repository.state(SyncRepository.HUB_ID).orElse(null);
            boolean rebuilding = repository.state(SyncRepository.REBUILDING).map(Boolean::parseBoolean).orElse(false);
            SyncResponse response = hub.exchange(token, new SyncRequest(SyncCodec.PROTOCOL, store.deviceId(), hubId,
                    cursor, seen, batch, moreOperations, pageBytes != null ? pageBytes : COLUMN_PAGE_BYTES,
                    rebuilding ? Boolean.TRUE : null, ColumnCodec.COLUMNS_2));
            if (response.hubTime() != null) {
                store.hlc().observe(Hlc.parse(response.hubTime()));
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
            int[] counts = store.write("system", tx -> {
                int quarantined = SyncRepository.acknowledge(tx, response.acknowledged(), response.rejections(),
                        clock.millis());
                if (hubId != null && response.hubId() != null && !Objects.equals(hubId, response.hubId())) {
                    LOG.warn("hub identity changed from {} to {}: resync", hubId, response.hubId());
                }
                SyncRepository.putState(tx.sql(), SyncRepository.HUB_ID, response.hubId());
                if (moreOperations) {
                    return new int[] {quarantined, 0, 0, 0};
                }
                // Outbox rows made since the last cursor move are stamped with it before it moves.
                SyncRepository.numberOutbox(tx);
                if (response.resync()) {
                    SyncRepository.wipeScope(tx);
                    return new int[] {quarantined, 0, 0, 1};
                }
                // Worksites of the scope the shipped reference data may lack, before the rows that refer to them.
                ReferenceRepository worksites = new ReferenceRepository(store);
                response.worksites().forEach(w -> worksites.putWorksite(tx, w.id(), w.name(), w.city(), w.region(),
                        w.territoryId(), w.runsPhc(), w.runsCvg()));
                int[] applied = SyncRepository.applyPage(tx, response.allChanges(), response.exits());
                SyncRepository.putState(tx.sql(), SyncRepository.CURSOR, String.valueOf(response.cursor()));
                SyncRepository.putState(tx.sql(), SyncRepository.LAST_SYNC, String.valueOf(clock.millis()));
                if (!response.more()) {
                    SyncRepository.putState(tx.sql(), SyncRepository.REBUILDING, "false");
                }
                return new int[] {quarantined, applied[0], applied[1], 0};
            });
            refused += counts[0];
            received += counts[1];
            removed += counts[2];
            resynced |= counts[3] == 1;
            if (!moreOperations) {
                pages++;
            }
            HubClient.Traffic now = hub.traffic().minus(before);
            int pending = repository.pendingCount();
            progress.exchanged(pages, now.bytesUp(), now.bytesDown(), pending);
            if (!moreOperations && !response.more() && !response.resync()) {
                if (!repository.hasPendingAfter(0)) {
                    break;
                }
            }
        }
        HubClient.Traffic traffic = hub.traffic().minus(before);
        SyncReport report = new SyncReport(sent, acknowledged, refused, received, removed, conflicts, pages,
                traffic.requests(), traffic.bytesUp(), traffic.bytesDown(), (System.nanoTime() - start) / 1_000_000,
                resynced);
        LOG.info("sync done {}", report);
        return report;
    }
}
