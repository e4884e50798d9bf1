package fr.convergence.terrain.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.app.MovingClock;
import fr.convergence.terrain.app.TestAccounts;
import fr.convergence.terrain.app.common.DirectTaskExecutor;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.data.LocalSyncStore;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.app.sync.SyncState.Connection;
import fr.convergence.terrain.app.sync.SyncState.MessageKind;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.client.HubException;
import fr.convergence.terrain.sync.protocol.ErrorResponse;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.TableChanges;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync agent and the Synchronisation page's view model that presents it, against the real sync client and
 * store, with a fake hub transport, direct executors and a hand-fired scheduler: every step is finished when the
 * call returns.
 */
class SyncViewModelTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 3, 18).atTime(10, 0).atZone(PARIS).toInstant(),
            PARIS);
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 16);

    @TempDir
    Path dir;
    TerrainStore store;
    User esp;
    Participant helene;
    final FakeHub hub = new FakeHub();
    final ManualScheduler scheduler = new ManualScheduler();
    final Session session = new Session();
    SyncAgent agent;
    SyncViewModel model;

    @BeforeEach
    void install() {
        I18n.use(Locale.FRENCH);
        store = TerrainStore.open(dir.resolve("terrain.db"), CLOCK);
        PasswordHasher fast = new PasswordHasher(1000);
        esp = TestAccounts.install(store, fast, "abej-solidarite", "camille", "Camille Martin", Role.ESP);
        helene = new ParticipantService(new Workstation(store)).create(esp,
                new Participant(null, "abej-solidarite", "Hélène", "Aubert", LocalDate.of(1980, 1, 2), "06 00 00 00 00",
                        null, null, null, null),
                new Enrolment(null, null, null, Programme.CVG, ContractType.CDDI, MONDAY.minusMonths(2),
                        MONDAY.plusMonths(10), 26, null, null, null, null, null, null)).value().orElseThrow();
        session.signIn(esp);
        agent = agent();
        model = new SyncViewModel(agent, PARIS);
    }

    private SyncAgent agent() {
        return new SyncAgent(new SyncService(new LocalSyncStore(store), url -> hub), session, new DirectTaskExecutor(),
                new DirectTaskExecutor(), scheduler, CLOCK, Runnable::run);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void enrolAndSync() {
        model.shown();
        model.enrol("https://hub.test:7070", FakeHub.CODE, "Portable ESP");
    }

    @Test
    void aLaptopNotEnrolledSaysSoAndOffersEnrolmentButNoSync() {
        model.shown();

        assertThat(model.connectionProperty().get()).isEqualTo(Connection.NOT_ENROLLED);
        assertThat(model.connectionTextProperty().get()).isEqualTo("Poste non enrôlé auprès du hub");
        assertThat(model.enrolledProperty().get()).isFalse();
        assertThat(model.pendingProperty().get()).isPositive();
        assertThat(model.lastSyncTextProperty().get()).isEqualTo("Jamais synchronisé");
        model.syncNow();
        assertThat(hub.requests).isEmpty();
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void enrolmentWithTheHubsCodeIsFollowedByAFirstSyncThatSendsEverythingWithPagesAndBytesShown() {
        int before = new SyncService(new LocalSyncStore(store), url -> hub).overview().pending();

        enrolAndSync();

        assertThat(model.enrolledProperty().get()).isTrue();
        assertThat(model.hubTextProperty().get()).isEqualTo("Hub : https://hub.test:7070 — chantier ABEJ Solidarité");
        assertThat(hub.requests).isNotEmpty();
        // Everything waiting went up, with the access journal's entries (sign-in, account created), which travel
        // with the changes but are not counted as waiting.
        int sent = hub.requests.stream().mapToInt(r -> r.operations().size()).sum();
        assertThat(hub.requests.stream().flatMap(r -> r.operations().stream())
                .filter(o -> !o.table().equals(SyncSchema.AUDIT_TABLE)).count()).isEqualTo(before);
        assertThat(sent).isGreaterThan(before);
        assertThat(model.connectionProperty().get()).isEqualTo(Connection.ONLINE);
        assertThat(model.connectionTextProperty().get()).isEqualTo("En ligne — le hub répond");
        assertThat(model.pendingProperty().get()).isZero();
        assertThat(model.pendingTextProperty().get()).isEqualTo("Aucune modification en attente d’envoi");
        assertThat(model.lastSyncTextProperty().get()).isEqualTo("Dernière synchronisation : le 18/03/2026 à 10:00");
        assertThat(model.progressTextProperty().get()).startsWith("Terminé : 1 page,").contains("Ko reçus");
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.SUCCESS);
        assertThat(model.messageProperty().get()).startsWith("Synchronisation terminée : " + sent);
        assertThat(session.changesProperty().get()).isPositive();
        assertThat(scheduler.pending()).contains(SyncSchedule.POLL);
        assertThat(model.autoTextProperty().get()).isEqualTo(
                "Synchronisation automatique : prochaine vérification le 18/03/2026 à 10:01.");
    }

    @Test
    void aWrongCodeIsRefusedWithTheHubsReasonAndABadAddressBeforeAnyRequest() {
        model.shown();
        model.enrol("pas une adresse", FakeHub.CODE, "");
        assertThat(model.messageProperty().get()).startsWith("Adresse du hub illisible");
        model.enrol("http://hub.test", FakeHub.CODE, "");
        assertThat(model.messageProperty().get()).startsWith("Adresse du hub refusée : « http:// »");
        assertThat(model.enrolledProperty().get()).isFalse();
        model.enrol("https://hub.test", "  ", "");
        assertThat(model.messageProperty().get()).startsWith("Saisissez le code d’enrôlement");

        model.enrol("https://hub.test", "AAAA-BBBB-CCCC", "");

        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).isEqualTo("Le hub refuse l’enrôlement : Ce code d’enrôlement est "
                + "inconnu, expiré ou déjà utilisé. Demandez un nouveau code si besoin.");
        assertThat(model.enrolledProperty().get()).isFalse();
        hub.up = false;
        model.enrol("hub.test", FakeHub.CODE, "");
        assertThat(model.messageProperty().get()).startsWith("Le hub ne répond pas à cette adresse");
    }

    @Test
    void aConflictFromTheHubIsShownWithBothValuesAndTheOtherOneCanBeChosen() {
        enrolAndSync();
        hub.nextChanges.add(FakeHub.conflict("c-phone", "participant", helene.id(), "phone", "06 00 00 00 00",
                "06 11 11 11 11", "07 22 22 22 22", CLOCK.millis()));

        model.syncNow();

        assertThat(model.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("Aubert Hélène");
            assertThat(c.field()).isEqualTo("Téléphone");
            assertThat(c.keptText()).isEqualTo("06 11 11 11 11");
            assertThat(c.otherText()).isEqualTo("07 22 22 22 22");
            assertThat(c.baseText()).isEqualTo("06 00 00 00 00");
            assertThat(c.editable()).isTrue();
            assertThat(c.when()).isEqualTo("le 18/03/2026 à 10:00");
            assertThat(c.keptIsMine()).isFalse();
            assertThat(c.otherIsMine()).isFalse();
        });
        assertThat(model.messageProperty().get()).contains("1 nouveau conflit");

        model.takeOther(model.conflicts().get(0));

        assertThat(new ParticipantRepository(store).find(helene.id()).orElseThrow().phone())
                .isEqualTo("07 22 22 22 22");
        assertThat(model.conflicts()).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Conflit résolu : Aubert Hélène — Téléphone.");
        // Online with automatic sync on: the resolution went straight up.
        assertThat(hub.requests.get(hub.requests.size() - 1).operations())
                .anyMatch(op -> op.table().equals("sync_conflict"))
                .anyMatch(op -> op.table().equals("participant") && "07 22 22 22 22".equals(op.fields().get("phone")));
    }

    @Test
    void anHoursConflictNamesTheDayAndATypedCorrectionIsReadLikeTheWeekPage() {
        enrolAndSync();
        String cell = HoursCell.id(helene.id(), MONDAY, HoursKind.TRAVAIL_CHANTIER);
        store.write("camille", tx -> {
            new HoursRepository(store).set(tx, helene.id(), "abej-solidarite", MONDAY, HoursKind.TRAVAIL_CHANTIER,
                    240);
            return null;
        });
        model.autoSyncProperty().set(false);
        hub.nextChanges.add(FakeHub.conflict("c-hours", "hours_entry", cell, "minutes", "120", "240", "180",
                CLOCK.millis()));
        model.syncNow();
        ConflictRow conflict = model.conflicts().get(0);
        assertThat(conflict.subject()).isEqualTo("Aubert Hélène — heures du 16/03/2026 (Travail sur le chantier)");
        assertThat(conflict.keptText()).isEqualTo("4 h");
        assertThat(conflict.otherText()).isEqualTo("3 h");
        assertThat(conflict.editText()).isEqualTo("4 h");

        model.resolveWithTyped(conflict, "6,33");
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).contains("quart d’heure");
        assertThat(model.conflicts()).hasSize(1);

        model.resolveWithTyped(conflict, "3 h 30");
        assertThat(new HoursRepository(store).ofParticipant(helene.id(), MONDAY, MONDAY))
                .singleElement().satisfies(h -> assertThat(h.minutes()).isEqualTo(210));
        assertThat(model.conflicts()).isEmpty();
        assertThat(model.pendingProperty().get()).as("the resolution waits for the next sync").isPositive();
    }

    @Test
    void aChangeTheHubRefusesIsQuarantinedWithItsReasonThenRetriedOrDiscarded() {
        enrolAndSync();
        ParticipantService participants = new ParticipantService(new Workstation(store));
        Participant edited = new Participant(helene.id(), "abej-solidarite", "Hélène", "Aubert",
                LocalDate.of(1980, 1, 2), "06 99 99 99 99", null, null, null, null);
        participants.update(esp, edited);
        hub.refuse = op -> op.table().equals("participant");
        hub.nextChanges.add(hubCopyOfPhone("06 00 00 00 00"));

        model.syncNow();

        assertThat(new ParticipantRepository(store).find(helene.id()).orElseThrow().phone())
                .as("the refused row is back to the hub's copy").isEqualTo("06 00 00 00 00");
        assertThat(model.quarantine()).singleElement().satisfies(q -> {
            assertThat(q.subject()).isEqualTo("Aubert Hélène");
            assertThat(q.change()).contains("Téléphone : 06 99 99 99 99");
            assertThat(q.reason()).isEqualTo(hub.refusal);
        });
        assertThat(model.messageProperty().get()).contains("1 refus");

        hub.refuse = op -> false;
        model.retry(model.quarantine().get(0));
        assertThat(model.quarantine()).isEmpty();
        assertThat(hub.requests.get(hub.requests.size() - 1).operations())
                .anyMatch(op -> "06 99 99 99 99".equals(op.fields().get("phone")));

        participants.update(esp, new Participant(helene.id(), "abej-solidarite", "Hélène", "Aubert",
                LocalDate.of(1980, 1, 2), "06 88 88 88 88", null, null, null, null));
        hub.refuse = op -> op.table().equals("participant");
        hub.nextChanges.add(hubCopyOfPhone("06 99 99 99 99"));
        model.syncNow();
        assertThat(model.quarantine()).hasSize(1);
        model.discard(model.quarantine().get(0));
        assertThat(model.quarantine()).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Modification abandonnée : Aubert Hélène");
    }

    /** One sentence per state, the one the status bar and the page's headline both show. */
    @Test
    void theSummarySaysEachStateOfTheSyncInOneSentence() {
        model.shown();
        int waiting = model.pendingProperty().get();
        assertThat(model.summaryProperty().get()).as("never enrolled, changes kept")
                .isEqualTo("Poste non enrôlé\u00a0: " + waiting + " modifications attendent l’enrôlement pour partir au hub");

        hub.up = false;
        model.enrol("https://hub.test:7070", FakeHub.CODE, "Portable ESP");
        hub.up = true;
        enrolAndSync();
        assertThat(model.summaryProperty().get()).as("up to date").isEqualTo("À jour — synchronisé le 18/03/2026 à 10:00");

        participantsEditPhone("06 21 21 21 21");
        assertThat(model.summaryProperty().get()).as("a change waiting").isEqualTo("1 modification en attente d’envoi");

        hub.up = false;
        model.syncNow();
        assertThat(model.summaryProperty().get()).as("the hub does not answer")
                .isEqualTo("Hub injoignable depuis le 18/03/2026 à 10:00 — 1 modification en attente d’envoi");

        hub.up = true;
        hub.refuse = op -> op.table().equals("participant");
        hub.nextChanges.add(hubCopyOfPhone("06 00 00 00 00"));
        model.syncNow();
        assertThat(model.summaryProperty().get()).as("a refused change to look at")
                .isEqualTo("1 modification refusée par le hub, à examiner (page Synchronisation)");
    }

    @Test
    void aLaptopEnrolledButNeverSyncedAndTheDemoSayWhatTheyAre() {
        SyncState enrolledOnly = new SyncState(PARIS);
        enrolledOnly.read(new SyncOverview(true, "https://hub.test", "worksite:ABEJ", null, 0, true, false, List.of(),
                List.of(), null));
        enrolledOnly.pending(0);
        enrolledOnly.connection(Connection.ONLINE, CLOCK.instant());
        assertThat(enrolledOnly.summaryProperty().get()).isEqualTo("Jamais synchronisé");

        SyncState demo = new SyncState(PARIS);
        demo.read(new SyncOverview(false, null, null, null, 18, true, true, List.of(), List.of(), null));
        demo.pending(18);
        assertThat(demo.summaryProperty().get()).as("demo data are never sent, whatever waits")
                .isEqualTo("Démonstration\u00a0: rien n’est synchronisé");

        SyncState unread = new SyncState(PARIS);
        assertThat(unread.summaryProperty().get()).as("nothing said before the store is read").isEmpty();
    }

    @Test
    void aPullOverSeveralPagesFillsTheBarWithTheShareOfRowsReceived() {
        enrolAndSync();
        List<Double> bar = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        model.progressProperty().addListener((obs, was, now) -> bar.add(now.doubleValue()));
        model.progressTextProperty().addListener((obs, was, now) -> texts.add(now));
        for (int i = 0; i < 3; i++) {
            hub.nextChanges.add(FakeHub.conflict("c-" + i, "participant", helene.id(), "phone", "06 00 00 00 00",
                    "06 1" + i + " 00 00 00", "07 2" + i + " 00 00 00", CLOCK.millis()));
        }
        hub.remainingPlan.addAll(List.of(2L, 1L));

        model.syncNow();

        assertThat(bar).as("the share of rows received, page after page").containsSubsequence(1 / 3.0, 2 / 3.0, 1.0);
        assertThat(texts).anyMatch(t -> t.startsWith("Page 1 —") && t.endsWith("— 33 %"))
                .anyMatch(t -> t.startsWith("Page 2 —") && t.endsWith("— 67 %"));
        assertThat(model.progressTextProperty().get()).startsWith("Terminé : 3 pages");
    }

    @Test
    void whenTheHubIsUnreachableTheAutomaticSyncRetriesOnItsOwnWithAGrowingDelayAndSaysWhen() {
        enrolAndSync();
        participantsEditPhone("06 12 12 12 12");
        hub.up = false;

        scheduler.fire();
        assertThat(model.connectionProperty().get()).isEqualTo(Connection.OFFLINE);
        assertThat(model.connectionTextProperty().get()).isEqualTo("Hors ligne — le hub ne répond pas");
        assertThat(model.summaryProperty().get()).as("the status bar of every page")
                .isEqualTo("Hub injoignable depuis le 18/03/2026 à 10:00 — 1 modification en attente d’envoi");
        assertThat(scheduler.pending()).contains(Duration.ofSeconds(15));
        assertThat(model.autoTextProperty().get())
                .isEqualTo("Nouvelle tentative automatique le 18/03/2026 à 10:00 (essai 2).");
        scheduler.fire();
        assertThat(scheduler.pending()).contains(Duration.ofSeconds(30));
        scheduler.fire();
        assertThat(scheduler.pending()).contains(Duration.ofMinutes(1));
        assertThat(model.pendingProperty().get()).isPositive();

        hub.up = true;
        scheduler.fire();
        assertThat(model.connectionProperty().get()).isEqualTo(Connection.ONLINE);
        assertThat(agent.state().summaryProperty().get()).isEqualTo("À jour — synchronisé le 18/03/2026 à 10:00");
        assertThat(model.pendingProperty().get()).isZero();
        assertThat(hub.requests.get(hub.requests.size() - 1).operations())
                .anyMatch(op -> "06 12 12 12 12".equals(op.fields().get("phone")));
        assertThat(scheduler.pending()).contains(SyncSchedule.POLL);
    }

    @Test
    void aManualSyncCutByTheNetworkKeepsTheChangesAndLeavesTheRetryToTheAutomaticSync() {
        enrolAndSync();
        participantsEditPhone("06 13 13 13 13");
        hub.up = false;

        model.syncNow();

        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).startsWith("La connexion au hub a été coupée");
        assertThat(model.syncingProperty().get()).isFalse();
        assertThat(model.pendingProperty().get()).isPositive();
        assertThat(scheduler.pending()).contains(Duration.ofSeconds(15));
    }

    @Test
    void automaticSyncTurnedOffIsKeptInTheStoreAndNothingIsScheduled() {
        enrolAndSync();
        model.autoSyncProperty().set(false);

        assertThat(scheduler.pending()).isEmpty();
        assertThat(model.autoTextProperty().get()).startsWith("Synchronisation automatique désactivée");
        assertThat(new SyncService(new LocalSyncStore(store), url -> hub).autoSync()).isFalse();

        SyncViewModel again = new SyncViewModel(agent(), PARIS);
        again.shown();
        assertThat(again.autoSyncProperty().get()).isFalse();
        assertThat(again.connectionProperty().get()).as("the state is still shown").isEqualTo(Connection.ONLINE);
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void atSignOutNothingIsPlannedAnyMoreAndTheStatusBarNoLongerSpeaksOfTheHub() {
        enrolAndSync();
        assertThat(agent.state().summaryProperty().get()).isEqualTo("À jour — synchronisé le 18/03/2026 à 10:00");
        assertThat(scheduler.pending()).contains(SyncSchedule.POLL);

        agent.stop();
        participantsEditPhone("06 14 14 14 14");

        assertThat(scheduler.pending()).isEmpty();
        assertThat(agent.state().summaryProperty().get()).isEmpty();
        model.shown();
        assertThat(scheduler.pending()).as("a page still open does not wake it").isEmpty();
        assertThat(hub.requests.get(hub.requests.size() - 1).operations())
                .noneMatch(op -> "06 14 14 14 14".equals(op.fields().get("phone")));
    }

    @Test
    void aPageOpenedLaterShowsWhatTheAgentAlreadyKnows() {
        agent.start();
        agent.enrol("https://hub.test:7070", FakeHub.CODE, "Portable ESP");

        SyncViewModel opened = new SyncViewModel(agent, PARIS);

        assertThat(opened.connectionTextProperty().get()).isEqualTo("En ligne — le hub répond");
        assertThat(opened.pendingTextProperty().get()).isEqualTo("Aucune modification en attente d’envoi");
        assertThat(opened.lastSyncTextProperty().get()).isEqualTo("Dernière synchronisation : le 18/03/2026 à 10:00");
        assertThat(opened.messageKindProperty().get()).isEqualTo(MessageKind.SUCCESS);
        assertThat(opened.autoSyncProperty().get()).isTrue();
    }

    @Test
    void aHubWithItsDiskFullIsLeftAloneUntilItsRetryAfterAndThePersonIsToldTheirChangesAreKept() {
        MovingClock clock = movingAgent();
        enrolAndSync();
        participantsEditPhone("06 14 14 14 14");
        hub.busy = new HubException(503, ErrorResponse.STORAGE_UNAVAILABLE, "Le hub ne peut pas enregistrer.",
                OptionalLong.of(300));

        scheduler.fire();

        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).isEqualTo("Le hub ne peut pas enregistrer pour le moment (espace "
                + "disque plein). Vos modifications restent sur ce poste\u00a0: nouvel essai automatique le 18/03/2026 "
                + "à 10:05.");
        assertThat(scheduler.pending()).as("the hub's Retry-After, not the first backoff of 15 s")
                .contains(Duration.ofMinutes(5));
        assertThat(model.autoTextProperty().get())
                .isEqualTo("Nouvelle tentative automatique le 18/03/2026 à 10:05 (essai 2).");
        assertThat(model.pendingProperty().get()).isPositive();

        // Before the five minutes: neither the timer firing early, nor the sync turned off and on, nor the page
        // asking for news sends anything to the hub; the next try stays at the time the hub asked for.
        long requests = hub.traffic().requests();
        clock.advance(Duration.ofMinutes(2));
        scheduler.fire();
        assertThat(scheduler.pending()).contains(Duration.ofMinutes(3));
        model.autoSyncProperty().set(false);
        model.autoSyncProperty().set(true);
        agent.checkNow();
        assertThat(scheduler.pending()).contains(Duration.ofMinutes(3));
        assertThat(hub.traffic().requests()).isEqualTo(requests);

        clock.advance(Duration.ofMinutes(3));
        hub.busy = null;
        scheduler.fire();
        assertThat(model.pendingProperty().get()).isZero();
        assertThat(hub.requests.get(hub.requests.size() - 1).operations())
                .anyMatch(op -> "06 14 14 14 14".equals(op.fields().get("phone")));
        assertThat(scheduler.pending()).contains(SyncSchedule.POLL);
    }

    @Test
    void aHubWithTooManyRequestsIsWaitedForInsteadOfSuspendingTheSyncAndWithoutRetryAfterTheBackoffApplies() {
        MovingClock clock = movingAgent();
        enrolAndSync();
        participantsEditPhone("06 15 15 15 15");
        hub.busy = new HubException(429, "too-many-requests", "Trop de demandes.", OptionalLong.of(120));

        model.syncNow();

        assertThat(model.messageProperty().get()).isEqualTo("Le hub est trop sollicité pour le moment. Vos "
                + "modifications restent sur ce poste\u00a0: nouvel essai automatique le 18/03/2026 à 10:02.");
        assertThat(scheduler.pending()).contains(Duration.ofMinutes(2));

        model.autoSyncProperty().set(false);
        model.syncNow();
        assertThat(model.messageProperty().get()).as("nothing planned: the person is told when to try again")
                .endsWith("ce poste\u00a0: synchronisez de nouveau après le 18/03/2026 à 10:02.");

        model.autoSyncProperty().set(true);
        // 100 s of the hub's 120 gone: re-enabling planned the end of its wait, 20 s away.
        clock.advance(Duration.ofSeconds(100));
        hub.busy = new HubException(503, "http-503", "Le hub a répondu 503");
        model.syncNow();
        assertThat(model.messageProperty().get()).startsWith("Le hub a rencontré un problème");
        assertThat(scheduler.pending()).as("no Retry-After: the backoff, never shorter than what the hub asked")
                .contains(Duration.ofSeconds(20));

        clock.advance(Duration.ofMinutes(1));
        model.syncNow();
        assertThat(scheduler.pending()).as("the hub's wait over: the backoff alone, doubled").contains(
                Duration.ofSeconds(30));
    }

    /** The agent on a clock the test moves, so that the hub's Retry-After can pass without waiting for it. */
    private MovingClock movingAgent() {
        MovingClock clock = new MovingClock(CLOCK);
        agent.stop();
        agent = new SyncAgent(new SyncService(new LocalSyncStore(store), url -> hub), session, new DirectTaskExecutor(),
                new DirectTaskExecutor(), scheduler, clock, Runnable::run);
        model = new SyncViewModel(agent, PARIS);
        return clock;
    }

    @Test
    void backoffDoublesFromFifteenSecondsUpToFifteenMinutes() {
        assertThat(SyncSchedule.backoff(1)).isEqualTo(Duration.ofSeconds(15));
        assertThat(SyncSchedule.backoff(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SyncSchedule.backoff(5)).isEqualTo(Duration.ofMinutes(4));
        assertThat(SyncSchedule.backoff(7)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SyncSchedule.backoff(60)).isEqualTo(Duration.ofMinutes(15));
    }

    private void participantsEditPhone(String phone) {
        new ParticipantService(new Workstation(store)).update(esp, new Participant(helene.id(), "abej-solidarite",
                "Hélène", "Aubert", LocalDate.of(1980, 1, 2), phone, null, null, null, null));
        session.changed();
    }

    /** The hub sends a refused row back as it holds it. */
    private TableChanges hubCopyOfPhone(String phone) {
        return new TableChanges("participant", List.of("id", "version", "updated_by", "phone"),
                List.of(List.of(helene.id(), "018e4a1b2c10-0000-hub", "hub", phone)));
    }
}
