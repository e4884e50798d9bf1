package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.sync.client.HubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A laptop asks for the next page while it applies the previous one, so the link is not idle while its disk
 * works; a page asked ahead is used only when it is what the committed state would ask, and a failure of it
 * leaves the pages before committed and the next sync finishing the job.
 */
class PageAheadTest {

    private static final int SMALL_PAGES = 2048;

    @TempDir
    Path dir;
    SyncWorld world;
    Participant awa;

    @BeforeEach
    void aWorksiteWithManyPages() throws Exception {
        world = SyncWorld.sqlite(dir);
        SyncWorld.Laptop writer = world.laptop("writer", "worksite", SyncWorld.SITE_A);
        Edits edits = new Edits(writer.store(), "esp");
        awa = edits.participant(SyncWorld.SITE_A, "Awa", "Diallo");
        for (int d = 0; d < 120; d++) {
            edits.hours(awa, Edits.MONDAY.plusDays(d), HoursKind.TRAVAIL_CHANTIER, 60 + 15 * (d % 8));
        }
        writer.engine().sync(SyncProgress.NONE);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        world.close();
    }

    @Test
    void theNextPageIsAskedForWhileThePreviousIsApplied() throws Exception {
        SyncWorld.Laptop reader = world.laptop("reader", "worksite", SyncWorld.SITE_A);
        Recording hub = new Recording(reader.client(), n -> { });

        SyncReport report = new SyncEngine(reader.store(), hub, SMALL_PAGES).sync(SyncProgress.NONE);

        assertThat(report.pages()).isGreaterThan(3);
        assertThat(hub.threads).as("no page asked twice").hasSize(report.pages());
        assertThat(hub.threads.subList(1, hub.threads.size())).as("pages after the first are asked ahead")
                .containsOnly("sync-prefetch");
        assertThat(reader.snapshot()).isEqualTo(world.hubSnapshot(Set.of(SyncWorld.SITE_A)));
    }

    @Test
    void anEditMadeDuringThePullIsSentAndNothingIsLost() throws Exception {
        SyncWorld.Laptop reader = world.laptop("reader", "worksite", SyncWorld.SITE_A);
        Edits edits = new Edits(reader.store(), "cip");
        // While the third page travels, someone types on this laptop: the page asked ahead may no longer be the
        // one to use; either way the edit must reach the hub and every page be applied once.
        Recording hub = new Recording(reader.client(), n -> {
            if (n == 2) {
                edits.hours(edits.find(awa.id()), Edits.MONDAY.plusDays(500), HoursKind.FORMATION, 90);
            }
        });

        new SyncEngine(reader.store(), hub, SMALL_PAGES).sync(SyncProgress.NONE);

        assertThat(new SyncRepository(reader.store()).pendingCount()).isZero();
        var onHub = world.hubSnapshot(Set.of(SyncWorld.SITE_A));
        assertThat(onHub.keySet().stream().filter(k -> k.startsWith("hours_entry/"))).hasSize(121);
        assertThat(reader.snapshot()).isEqualTo(onHub);
    }

    @Test
    void aPageAskedAheadThatFailsLeavesThePagesBeforeCommittedAndTheNextSyncFinishes() throws Exception {
        SyncWorld.Laptop reader = world.laptop("reader", "worksite", SyncWorld.SITE_A);
        Recording failing = new Recording(reader.client(), n -> {
            if (n == 2) {
                throw new IllegalStateException("link lost");
            }
        });

        assertThatThrownBy(() -> new SyncEngine(reader.store(), failing, SMALL_PAGES).sync(SyncProgress.NONE))
                .isInstanceOf(IOException.class);
        SyncRepository repository = new SyncRepository(reader.store());
        assertThat(repository.cursor()).as("the first two pages stay applied").isPositive();
        assertThat(reader.snapshot()).isNotEmpty();

        new SyncEngine(reader.store(), reader.client(), SMALL_PAGES).sync(SyncProgress.NONE);
        assertThat(reader.snapshot()).isEqualTo(world.hubSnapshot(Set.of(SyncWorld.SITE_A)));
    }

    /** The laptop's HTTP client, noting which thread asks each exchange; {@code before} runs before exchange n. */
    static final class Recording implements HubClient {
        final HubClient http;
        final IntConsumer before;
        final List<String> threads = new CopyOnWriteArrayList<>();

        Recording(HubClient http, IntConsumer before) {
            this.http = http;
            this.before = before;
        }

        @Override
        public SyncResponse exchange(String token, SyncRequest request) throws IOException {
            int n = threads.size();
            threads.add(Thread.currentThread().getName());
            try {
                before.accept(n);
            } catch (IllegalStateException cut) {
                throw new IOException(cut.getMessage());
            }
            return http.exchange(token, request);
        }

        @Override
        public EnrolResponse enrol(EnrolRequest request) throws IOException {
            return http.enrol(request);
        }

        @Override
        public boolean reachable() {
            return http.reachable();
        }

        @Override
        public Traffic traffic() {
            return http.traffic();
        }
    }
}
