package fr.convergence.terrain.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.convergence.terrain.sync.protocol.ColumnCodec;
import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A page asked ahead is used only for the request it answers; otherwise it is dropped and its wait stopped. */
class PageAheadMatchTest {

    static SyncRequest pull(long cursor, long seen, List<Operation> operations) {
        return new SyncRequest(1, "device", "hub", cursor, seen, operations, false, 1024, null, ColumnCodec.COLUMNS_3);
    }

    static SyncResponse page(long cursor) {
        return new SyncResponse(1, "hub", null, 0, null, 0, null, null, cursor, false, false);
    }

    @Test
    void theAnswerServesTheSameRequestAndOneThatHasSeenMoreRefusals() throws Exception {
        SyncEngine.PageAhead ahead = new SyncEngine.PageAhead();
        ahead.start(new Answering(), "token", pull(10, 3, List.of()));
        assertThat(ahead.answerFor(pull(10, 5, List.of()))).get().extracting(SyncResponse::cursor).isEqualTo(10L);
        assertThat(ahead.answerFor(pull(10, 5, List.of()))).as("used once").isEmpty();

        ahead.start(new Answering(), "token", pull(10, 3, List.of()));
        assertThat(ahead.answerFor(pull(10, 3, List.of()))).isPresent();
    }

    @Test
    void anotherCursorFewerRefusalsSeenOrOperationsToSendGetNoAnswerAskedAhead() throws Exception {
        Operation edit = new Operation(7, "participant", "p", "w", Map.of("phone", "06"), "v", 10);
        for (SyncRequest now : List.of(pull(11, 3, List.of()), pull(10, 2, List.of()), pull(10, 3, List.of(edit)))) {
            SyncEngine.PageAhead ahead = new SyncEngine.PageAhead();
            ahead.start(new Answering(), "token", pull(10, 3, List.of()));
            assertThat(ahead.answerFor(now)).as(now.toString()).isEmpty();
        }
    }

    @Test
    void aDroppedPageStopsWaitingForTheHub() throws Exception {
        Blocking hub = new Blocking();
        SyncEngine.PageAhead ahead = new SyncEngine.PageAhead();
        ahead.start(hub, "token", pull(10, 3, List.of()));
        assertThat(hub.asked.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(ahead.answerFor(pull(12, 3, List.of()))).isEmpty();

        assertThat(hub.interrupted.await(10, TimeUnit.SECONDS)).as("its thread was interrupted").isTrue();
    }

    @Test
    void aFailedPageAskedAheadFailsTheExchangeThatUsesIt() {
        SyncEngine.PageAhead ahead = new SyncEngine.PageAhead();
        ahead.start(new Answering() {
            @Override
            public SyncResponse exchange(String token, SyncRequest request) throws IOException {
                throw new IOException("coupure");
            }
        }, "token", pull(10, 3, List.of()));
        assertThatThrownBy(() -> ahead.answerFor(pull(10, 3, List.of()))).isInstanceOf(IOException.class)
                .hasMessage("coupure");
    }

    @Test
    void theNextPageIsAskedWhenAnAnswersHeadArrivesNotOnceItsBodyHas() throws Exception {
        HeadFirst hub = new HeadFirst();
        SyncEngine.PageAhead ahead = new SyncEngine.PageAhead();
        // Page 10's body is held until page 20 has been asked for: asking only after a whole answer would wait forever.
        ahead.start(hub, "token", pull(10, 3, List.of()));
        assertThat(ahead.answerFor(pull(10, 3, List.of()))).get().extracting(SyncResponse::cursor).isEqualTo(20L);
        assertThat(hub.asked).as("page 20 asked from page 10's head").startsWith(10L, 20L);
        assertThat(ahead.answerFor(pull(20, 3, List.of()))).get().extracting(SyncResponse::cursor).isEqualTo(30L);
        ahead.stop();
        ahead.start(hub, "token", pull(40, 3, List.of()));
        assertThat(ahead.answerFor(pull(40, 3, List.of()))).as("nothing is asked once stopped").isEmpty();
    }

    @Test
    void aPageAnnouncedWhileTwoAreWaitingIsAskedAsSoonAsOneIsUsed() throws Exception {
        CountDownLatch twentysHeadOut = new CountDownLatch(1);
        HeadFirst hub = new HeadFirst() {
            @Override
            void headSent(long cursor) {
                if (cursor == 20) {
                    twentysHeadOut.countDown();
                }
            }
        };
        SyncEngine.PageAhead ahead = new SyncEngine.PageAhead();
        ahead.start(hub, "token", pull(10, 3, List.of()));
        // Pages 10 and 20 wait to be used: the page 20's head announces (30) cannot be asked yet.
        assertThat(twentysHeadOut.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(ahead.answerFor(pull(10, 3, List.of()))).get().extracting(SyncResponse::cursor).isEqualTo(20L);
        assertThat(ahead.answerFor(pull(20, 3, List.of()))).get().extracting(SyncResponse::cursor).isEqualTo(30L);
        assertThat(ahead.answerFor(pull(30, 3, List.of()))).as("asked once page 10 was used")
                .get().extracting(SyncResponse::cursor).isEqualTo(40L);
        ahead.stop();
    }

    @Test
    void theHeadOfAPageDroppedMeanwhileAsksForNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch headDelivered = new CountDownLatch(1);
        Answering lateHead = new Answering() {
            @Override
            public SyncResponse exchange(String token, SyncRequest request,
                                         java.util.function.Consumer<PageHead> onHead) throws IOException {
                // The HTTP client's own thread hands the head over; interrupting the asking thread does not stop it.
                Thread http = new Thread(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    onHead.accept(new PageHead("hub", request.cursor() + 10, true, false));
                    headDelivered.countDown();
                });
                http.start();
                return new SyncResponse(1, "hub", null, 0, null, 0, null, null, request.cursor() + 10, true, false);
            }
        };
        SyncEngine.PageAhead ahead = new SyncEngine.PageAhead();
        ahead.start(lateHead, "token", pull(10, 3, List.of()));
        // An edit changed the request: page 10 is dropped before its head arrives.
        Operation edit = new Operation(1, "participant", "p", "w", Map.of("first_name", "Awa"), "v", 0);
        assertThat(ahead.answerFor(pull(10, 3, List.of(edit)))).isEmpty();
        release.countDown();
        assertThat(headDelivered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(ahead.answerFor(pull(20, 3, List.of()))).as("nothing asked from a dropped page's head").isEmpty();
    }

    /**
     * A hub whose answer to cursor c announces the page ending at c + 10, with more to come up to 30, and whose body
     * for 10 arrives only once 20 has been asked for.
     */
    static class HeadFirst extends Answering {
        final List<Long> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        final CountDownLatch twentyAsked = new CountDownLatch(1);

        void headSent(long cursor) {
        }

        @Override
        public SyncResponse exchange(String token, SyncRequest request, java.util.function.Consumer<PageHead> onHead)
                throws IOException {
            asked.add(request.cursor());
            if (request.cursor() == 20) {
                twentyAsked.countDown();
            }
            long end = request.cursor() + 10;
            boolean more = end <= 30;
            onHead.accept(new PageHead("hub", end, more, false));
            headSent(request.cursor());
            try {
                if (request.cursor() == 10 && !twentyAsked.await(10, TimeUnit.SECONDS)) {
                    throw new IOException("page 20 never asked for while page 10's body was crossing");
                }
            } catch (InterruptedException e) {
                throw new IOException("interrompu", e);
            }
            return new SyncResponse(1, "hub", null, 0, null, 0, null, null, end, more, false);
        }
    }

    static class Answering implements HubClient {
        @Override
        public SyncResponse exchange(String token, SyncRequest request) throws IOException {
            return page(request.cursor());
        }

        @Override
        public EnrolResponse enrol(EnrolRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean reachable() {
            return true;
        }

        @Override
        public Traffic traffic() {
            return new Traffic(0, 0, 0);
        }
    }

    /** A hub that never answers: the exchange waits until its thread is interrupted. */
    static final class Blocking extends Answering {
        final CountDownLatch asked = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);

        @Override
        public SyncResponse exchange(String token, SyncRequest request) throws IOException {
            asked.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            throw new IOException("interrompu");
        }
    }
}
