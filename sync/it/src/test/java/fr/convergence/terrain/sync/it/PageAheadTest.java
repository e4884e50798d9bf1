package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.sync.client.HubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import fr.convergence.terrain.sync.protocol.TableChanges;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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
    void aPullOverSeveralPagesTellsHowManyRowsAreLeft() throws Exception {
        SyncWorld.Laptop reader = world.laptop("reader", "worksite", SyncWorld.SITE_A);
        List<long[]> told = new CopyOnWriteArrayList<>();
        SyncProgress progress = new SyncProgress() {
            @Override
            public void exchanged(int pages, long up, long down, int pending) {
            }

            @Override
            public void rows(long received, long remaining) {
                told.add(new long[] {received, remaining});
            }
        };

        SyncReport report = new SyncEngine(reader.store(), reader.client(), SMALL_PAGES).sync(progress);

        assertThat(told).hasSize(report.pages());
        long total = told.get(0)[0] + told.get(0)[1];
        assertThat(total).as("the first page's count covers the scope").isGreaterThanOrEqualTo(report.rowsReceived());
        for (int i = 1; i < told.size(); i++) {
            assertThat(told.get(i)[0]).isGreaterThan(told.get(i - 1)[0]);
            assertThat(told.get(i)[1]).isLessThan(told.get(i - 1)[1]);
        }
        assertThat(told.get(told.size() - 1)).containsExactly(report.rowsReceived(), 0L);
    }

    @Test
    void anEditMadeDuringThePullIsSentAndNothingIsLost() throws Exception {
        SyncWorld.Laptop reader = world.laptop("reader", "worksite", SyncWorld.SITE_A);
        Edits edits = new Edits(reader.store(), "cip");
        // Created on this laptop, so that it is there whichever pages are applied when the edit comes (pages are
        // asked ahead in a chain: the third may be asked before the first is applied).
        Participant ines = edits.participant(SyncWorld.SITE_A, "Inès", "Benali");
        // While the third page travels, someone types on this laptop: the page asked ahead may no longer be the
        // one to use; either way the edit must reach the hub and every page be applied once.
        Recording hub = new Recording(reader.client(), n -> {
            if (n == 2) {
                edits.hours(ines, Edits.MONDAY.plusDays(500), HoursKind.FORMATION, 90);
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

    @Test
    void aRefusalSurvivesAnApplyThatFailsWhileTheNextPageIsAskedAhead() throws Exception {
        SyncWorld.Laptop writer = world.laptops.get(0);
        Edits onWriter = new Edits(writer.store(), "esp");
        String referral = onWriter.referral(onWriter.find(awa.id()));
        writer.engine().sync(SyncProgress.NONE);
        SyncWorld.Laptop reader = world.laptop("reader", "worksite", SyncWorld.SITE_A);
        reader.engine().sync(SyncProgress.NONE);
        Edits onReader = new Edits(reader.store(), "cip");
        // The hub will refuse the reader's move (the referral closed meanwhile), and has many pages for it.
        onWriter.move(referral, ReferralStatus.ENVOYEE);
        onWriter.move(referral, ReferralStatus.ACCEPTEE);
        onReader.move(referral, ReferralStatus.SANS_SUITE);
        for (int d = 0; d < 120; d++) {
            onWriter.hours(onWriter.find(awa.id()), Edits.MONDAY.plusDays(200 + d), HoursKind.FORMATION, 60);
        }
        writer.engine().sync(SyncProgress.NONE);

        // The reader's first answer (the refusal + page 1) cannot be applied — a crash, a full disk: here a row
        // whose parent is missing — and the page after it is asked for before that is known.
        CountDownLatch askedAhead = new CountDownLatch(1);
        Recording crashing = new Recording(reader.client(), n -> { }) {
            @Override
            public SyncResponse exchange(String token, SyncRequest request, Consumer<PageHead> onHead)
                    throws IOException {
                if (threads.isEmpty()) {
                    threads.add("first");
                    SyncResponse answer = delegate.exchange(token, request, onHead);
                    assertThat(answer.rejections()).as("the hub refused the move").isNotEmpty();
                    assertThat(answer.more()).isTrue();
                    // Hold the laptop's store writer until the page asked ahead has reached the hub.
                    CountDownLatch holding = new CountDownLatch(1);
                    new Thread(() -> reader.store().write("test", tx -> {
                        holding.countDown();
                        await(askedAhead);
                        return null;
                    })).start();
                    await(holding);
                    return unappliable(answer);
                }
                SyncResponse ahead = delegate.exchange(token, request, onHead);
                askedAhead.countDown();
                return ahead;
            }
        };
        assertThatThrownBy(() -> new SyncEngine(reader.store(), crashing, SMALL_PAGES).sync(SyncProgress.NONE))
                .isInstanceOf(RuntimeException.class);
        assertThat(askedAhead.getCount()).as("the next page was asked for").isZero();
        assertThat(new SyncRepository(reader.store()).quarantine()).as("nothing committed yet").isEmpty();

        new SyncEngine(reader.store(), reader.client(), SMALL_PAGES).sync(SyncProgress.NONE);

        assertThat(new SyncRepository(reader.store()).quarantine()).as("the refused move is kept for its user")
                .isNotEmpty().allSatisfy(q -> assertThat(q.table()).startsWith("referral"));
        assertThat(new SyncRepository(reader.store()).pendingCount()).isZero();
        assertThat(reader.snapshot()).isEqualTo(world.hubSnapshot(Set.of(SyncWorld.SITE_A)));
    }

    /** The answer plus an hours cell of a participant nobody has: its transaction fails on the foreign key. */
    private static SyncResponse unappliable(SyncResponse answer) {
        TableChanges orphan = new TableChanges("hours_entry", List.of("id", "version", "updated_by",
                "participant_id", "worksite_id", "work_day", "kind", "minutes", "deleted"), List.of(Arrays.asList(
                UUID.randomUUID().toString(), "018e4a1b2c3d-0000-test", "test", UUID.randomUUID().toString(),
                SyncWorld.SITE_A, "2024-01-01", "TRAVAIL_CHANTIER", 60, false)));
        List<TableChanges> changes = new ArrayList<>(answer.changes());
        changes.add(orphan);
        return new SyncResponse(answer.protocol(), answer.hubId(), answer.hubTime(), answer.acknowledged(),
                answer.rejections(), answer.conflictsRecorded(), changes, answer.exits(), answer.cursor(),
                answer.more(), answer.resync(), answer.rewound(), answer.columns(), answer.worksites());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The laptop's HTTP client, noting which thread asks each exchange; {@code before} runs before exchange n. Page
     * heads come from the HTTP headers, as in the application.
     */
    static class Recording extends DelegatingHubClient {
        final IntConsumer before;
        final List<String> threads = new CopyOnWriteArrayList<>();

        Recording(HubClient http, IntConsumer before) {
            super(http);
            this.before = before;
        }

        @Override
        public SyncResponse exchange(String token, SyncRequest request) throws IOException {
            note();
            return delegate.exchange(token, request);
        }

        @Override
        public SyncResponse exchange(String token, SyncRequest request, Consumer<PageHead> onHead)
                throws IOException {
            note();
            return delegate.exchange(token, request, onHead);
        }

        private void note() throws IOException {
            int n = threads.size();
            threads.add(Thread.currentThread().getName());
            try {
                before.accept(n);
            } catch (IllegalStateException cut) {
                throw new IOException(cut.getMessage());
            }
        }
    }
}
