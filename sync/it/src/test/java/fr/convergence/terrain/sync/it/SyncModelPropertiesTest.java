package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.erasure.ErasureReason;
import fr.convergence.terrain.core.erasure.ErasureService;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.referral.ReferralWorkflow;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.ReferralRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.sync.Audience;
import fr.convergence.terrain.hub.sync.Device;
import fr.convergence.terrain.hub.sync.FieldMeta;
import fr.convergence.terrain.hub.sync.HubRow;
import fr.convergence.terrain.hub.sync.HubStore;
import fr.convergence.terrain.sync.client.HubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.Rejection;
import fr.convergence.terrain.sync.protocol.RowExit;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import fr.convergence.terrain.sync.protocol.TableChanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * The whole sync against a model (issue 11). Six devices of different scopes — two laptops of worksite A, one of
 * worksite B, the territory's coordinator (A and B), a laptop of a worksite elsewhere, and a second coordinator laptop
 * enrolled in the middle of the run — follow a random schedule: hours of old and new weeks set and removed, phones
 * edited, note revisions, new participants, participant moves between A and B, referral moves, syncs with pages of a
 * few hundred bytes (so that every pull pages), answers lost after the hub committed, requests lost or delivered
 * twice, a laptop killed between two pages (its store closed and opened again), the hub restored from an older
 * backup. Every step advances one shared clock by a second, so that a later edit has a later version.
 *
 * <p>The model records every operation as it leaves a laptop (its version, the cursor it was made at), the hub's
 * answers (refusals, the sequence that applied each field) and every page a laptop receives. After the schedule
 * quiesces:
 * <ul>
 * <li><b>scope</b>: no device ever received a row outside its scope at that moment (checked on every page);</li>
 * <li><b>whole rows</b>: a row a device did not hold came with every field (checked on every page);</li>
 * <li>every device's store equals the hub's rows of its scope, field by field;</li>
 * <li><b>exactly once</b>: every operation a laptop numbered is acknowledged, the hub's last operation for the device
 * is the laptop's last, every operation not refused is in the hub's data, no conflict is recorded twice;</li>
 * <li>the merge: each edited field holds the value of its latest edit not refused (by version);</li>
 * <li><b>nothing lost silently</b>: an edit that lost is either overwritten by an edit made after its author saw it,
 * or kept in a conflict record (naming both versions), or refused into its laptop's quarantine.</li>
 * </ul>
 * Tries: {@code jqwik.tries.default} (src/test/resources/junit-platform.properties; the {@code model} profile runs
 * tens of thousands, see docs/performance.md).
 */
class SyncModelPropertiesTest {

    static final String SITE_A = SyncWorld.SITE_A;
    static final String SITE_B = SyncWorld.SITE_B;
    /** A worksite outside the territory: its laptop must never see A's or B's rows, nor they its own. */
    static final String ELSEWHERE = "aci-parc-montaud";
    static final LocalDate OLD_WEEK = Edits.MONDAY.minusWeeks(8);
    static final int LATE = 5;
    static final String[] NAMES = {"a1", "a2", "b1", "coord", "ailleurs", "coord2"};
    static final List<Long> RIGHT_CLOCKS = Collections.nCopies(NAMES.length, 0L);

    enum Step { HOURS, PHONE, NOTE, NEW_PERSON, MOVE, REFERRAL, SYNC, KILL_BETWEEN_PAGES, BACKUP, RESTORE, ENROL_LATE,
        ERASE, ARCHIVE }

    /** An exit this long before the model's day archives the file (3 months after it, issue 14). */
    static final LocalDate LONG_AGO = LocalDate.of(2023, 6, 30);

    enum Fault { NONE, REQUEST_LOST, ANSWER_LOST, DELIVERED_TWICE }

    /** One step of a schedule, printed readably when jqwik reports a (shrunk) failing schedule. */
    record Action(Step step, int device, int person, int day, int value, Fault fault, int pageBytes) {
        @Override
        public String toString() {
            String who = NAMES[device];
            return switch (step) {
                case HOURS -> who + " sets P" + person + " " + (day >= 4 ? "old week" : "week") + " day " + (day % 4)
                        + " = " + value + " h";
                case PHONE, NOTE, REFERRAL -> who + " " + step.name().toLowerCase() + " P" + person;
                case NEW_PERSON -> who + " adds a participant";
                case MOVE -> (device == LATE ? who : "coord") + " moves P" + person + " to the other worksite";
                case SYNC -> who + " syncs, pages of " + pageBytes + " B" + (fault == Fault.NONE ? ""
                        : ", " + fault.name().toLowerCase() + " on exchange " + (value % 3 + 1));
                case KILL_BETWEEN_PAGES -> who + " killed after page " + (value % 3 + 1) + " (pages of " + pageBytes
                        + " B)";
                case ERASE -> who + " erases P" + person + " (as an administrator)";
                case ARCHIVE -> "coord " + (value % 2 == 0 ? "ends P" + person + "'s enrolment long ago (archived)"
                        : "reopens P" + person + "'s enrolment (back in use)");
                case BACKUP -> "hub backed up";
                case RESTORE -> "hub restored from its backup";
                case ENROL_LATE -> "coord2 enrols" + (value % 2 == 0 ? " (the code of a lost answer, if any)" : "")
                        + (fault == Fault.ANSWER_LOST ? ", its answer lost" : "");
            };
        }
    }

    @Provide
    Arbitrary<List<Action>> schedules() {
        Arbitrary<Step> steps = Arbitraries.frequency(Tuple.of(6, Step.HOURS), Tuple.of(3, Step.PHONE),
                Tuple.of(2, Step.NOTE), Tuple.of(1, Step.NEW_PERSON), Tuple.of(2, Step.MOVE),
                Tuple.of(2, Step.REFERRAL), Tuple.of(8, Step.SYNC), Tuple.of(1, Step.KILL_BETWEEN_PAGES),
                Tuple.of(1, Step.BACKUP), Tuple.of(1, Step.RESTORE), Tuple.of(1, Step.ENROL_LATE),
                Tuple.of(1, Step.ERASE), Tuple.of(2, Step.ARCHIVE));
        // Few people and cells, so that edits of the same field on two laptops (conflicts) are common.
        Arbitrary<Action> action = Combinators.combine(steps, Arbitraries.integers().between(0, LATE),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 5), Arbitraries.of(Fault.values()),
                        Arbitraries.integers().between(200, 2_500))
                .as(Action::new);
        return action.list().ofMinSize(3).ofMaxSize(30);
    }

    private Path dir;
    private int lastRunConflicts;

    /** The hub of one schedule: SQLite here; PostgresSyncModelPropertiesTest puts it on PostgreSQL. */
    InProcessHub newHub(Path dir, Clock clock) {
        return new InProcessHub(dir.resolve("hub.db"), clock);
    }

    /**
     * Whether schedules start from a copy of one starting world (hub and laptop files) rather than building it: a
     * PostgreSQL hub is not a file to copy.
     */
    boolean startsFromACopy() {
        return true;
    }

    @AfterProperty
    void cleanUp() throws IOException {
        if (dir != null) {
            deleteTree(dir);
        }
    }

    /** Minutes each laptop's clock is off by (both ways, up to a year); most clocks are right. */
    @Provide
    Arbitrary<List<Long>> clockOffsets() {
        return Arbitraries.of(0L, 0L, 0L, -10L, 10L, -180L, 180L, -43_200L, 43_200L, -525_600L, 525_600L)
                .list().ofSize(NAMES.length);
    }

    @Property
    void everyDeviceHoldsExactlyItsScopeAndNothingIsLostSilently(@ForAll("schedules") List<Action> schedule,
                                                                 @ForAll("clockOffsets") List<Long> minutesOff)
            throws Exception {
        if (dir != null) {
            deleteTree(dir);
        }
        Path shm = Path.of("/dev/shm");
        dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "sync-model")
                : Files.createTempDirectory("sync-model");
        try (Run run = new Run(dir, minutesOff)) {
            run.setUp();
            for (Action action : schedule) {
                run.clock.advance();
                run.play(action);
            }
            run.quiesce();
            run.check();
            // What the schedules exercised, in jqwik's report: a property that never pages or conflicts proves little.
            Statistics.label("pull paged").collect(run.pagedAnswers.get() > 0);
            Statistics.label("conflicts recorded").collect(run.conflictsRecorded > 0);
            Statistics.label("operations refused").collect(run.sent.values().stream().anyMatch(s -> s.refused));
            Statistics.label("hub restored").collect(run.restored);
            lastRunConflicts = run.conflictsRecorded;
        }
    }

    /** Found by the property: a coordinator's second laptop, first synced after an old cell was edited. */
    @Example
    void aSecondCoordinatorLaptopEnrolledAfterAnEditOfAnOldCell() throws Exception {
        everyDeviceHoldsExactlyItsScopeAndNothingIsLostSilently(List.of(
                new Action(Step.ENROL_LATE, LATE, 0, 0, 0, Fault.NONE, 0),
                new Action(Step.SYNC, 3, 0, 0, 0, Fault.NONE, 1058),
                new Action(Step.HOURS, 0, 0, 6, 3, Fault.NONE, 0)), RIGHT_CLOCKS);
    }

    /**
     * Found by the property: the coordinator moves a participant, then moves their referral before syncing. The hub
     * files the new status change under the participant's new worksite; the laptop must get that worksite back.
     */
    @Example
    void aReferralMovedAfterItsParticipantMovedFollowsThemOnTheLaptopToo() throws Exception {
        everyDeviceHoldsExactlyItsScopeAndNothingIsLostSilently(List.of(
                new Action(Step.MOVE, 3, 0, 0, 0, Fault.NONE, 0),
                new Action(Step.REFERRAL, 3, 0, 0, 0, Fault.NONE, 0)), RIGHT_CLOCKS);
    }

    /**
     * Found by the property (issue 14): the coordinator moves P1 to the other worksite while a2, which has not pulled
     * the move, erases P1. The erasure follows the person to their new worksite; a2's tombstone leaves its scope.
     */
    @Example
    void anErasureMadeBeforeAMoveWasPulledFollowsThePerson() throws Exception {
        everyDeviceHoldsExactlyItsScopeAndNothingIsLostSilently(List.of(
                new Action(Step.MOVE, 3, 1, 0, 0, Fault.NONE, 0),
                new Action(Step.ERASE, 1, 1, 0, 0, Fault.NONE, 0),
                new Action(Step.SYNC, 3, 0, 0, 0, Fault.NONE, 500),
                new Action(Step.HOURS, 2, 1, 1, 2, Fault.NONE, 0),
                new Action(Step.SYNC, 1, 0, 0, 0, Fault.NONE, 500)), RIGHT_CLOCKS);
    }

    /** Two laptops edit the same phone and the same cell offline: the losers must be in conflict records. */
    @Example
    void concurrentEditsOfTheSameFieldsAreKeptAsConflicts() throws Exception {
        everyDeviceHoldsExactlyItsScopeAndNothingIsLostSilently(List.of(
                new Action(Step.PHONE, 0, 0, 0, 0, Fault.NONE, 0),
                new Action(Step.PHONE, 1, 0, 0, 0, Fault.NONE, 0),
                new Action(Step.HOURS, 3, 0, 4, 2, Fault.NONE, 0),
                new Action(Step.HOURS, 1, 0, 4, 3, Fault.NONE, 0),
                new Action(Step.SYNC, 1, 0, 0, 0, Fault.ANSWER_LOST, 300),
                new Action(Step.SYNC, 0, 0, 0, 0, Fault.NONE, 300)), RIGHT_CLOCKS);
        assertThat(lastRunConflicts).as("conflicts recorded").isGreaterThanOrEqualTo(2);
    }

    /** A clock every laptop and the hub share, moved on by one second a step. */
    static final class StepClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2024-04-02T08:00:00Z").toEpochMilli());

        void advance() {
            millis.addAndGet(1_000);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }
    }

    /** An operation as it left a laptop, and what the hub did with it. */
    static final class SentOp {
        final String device;
        final Operation op;
        /** Field → the hub sequence that applied this operation's value (absent: lost on arrival, or not yet). */
        final Map<String, Long> appliedAt = new HashMap<>();
        boolean refused;

        SentOp(String device, Operation op) {
            this.device = device;
            this.op = op;
        }

        SentOp copy() {
            SentOp copy = new SentOp(device, op);
            copy.appliedAt.putAll(appliedAt);
            copy.refused = refused;
            return copy;
        }
    }

    /** One device: its store (opened again after a kill), its scope, and what it was sent. */
    final class Laptop {
        final int index;
        final String name;
        final String scopeKind;
        final String scopeId;
        final Path file;
        TerrainStore store;
        /** Opens the laptop's encrypted store again after a restart, as a person signing in would (ADR 0005). */
        fr.convergence.terrain.core.security.RecoveryKey key;
        HubClient recorder;
        boolean enrolled;
        /** The highest operation number this laptop sent, skips included (see Operation.SKIP_TABLE). */
        long lastNumberSent;
        /** Rows this device holds or was sent whole (pages asked ahead may arrive before the previous is applied). */
        final Set<String> known = Collections.synchronizedSet(new HashSet<>());

        Laptop(int index, String scopeKind, String scopeId, Path file) {
            this.index = index;
            this.name = NAMES[index];
            this.scopeKind = scopeKind;
            this.scopeId = scopeId;
            this.file = file;
        }
    }

    /**
     * The world every schedule starts from (hub and stores after the first syncs, and what the model knows of it),
     * made once and copied for each try: making it is most of a try's time.
     */
    private static Template template;

    /** The recovery key of each template laptop's store, by file (ADR 0005: a restarted laptop signs in again). */
    private static final Map<Path, fr.convergence.terrain.core.security.RecoveryKey> KEYS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record Template(Path dir, long clockMillis, List<String> people, Map<String, String> noteOf,
                            Map<String, String> referralOf, Map<String, SentOp> sent, List<Set<String>> known) {
    }

    /** One schedule's world: the hub, the laptops, the model. */
    final class Run implements AutoCloseable {
        final StepClock clock = new StepClock();
        final Path dir;
        InProcessHub hub;
        final List<Laptop> laptops = new ArrayList<>();
        final List<String> people = new ArrayList<>();
        final Map<String, String> noteOf = new HashMap<>();
        final Map<String, String> referralOf = new HashMap<>();
        /** The enrolment an ARCHIVE step changed, by person: a change of it is about them. */
        final Map<String, String> enrolmentOf = new HashMap<>();
        /** People erased on some laptop (issue 14): nothing of them may remain anywhere once all have synced. */
        final Set<String> erased = new HashSet<>();
        /** Device/operation number → the operation, first delivery. */
        final Map<String, SentOp> sent = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<String> violations = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger pagedAnswers = new AtomicInteger();
        int conflictsRecorded;
        Path backup;
        /** Enrolments of the late laptop the hub saw, now and when the backup was taken. */
        int lateEnrolments;
        int lateEnrolmentsInBackup;
        boolean restored;

        final List<Long> minutesOff;
        /** A code whose enrolment answer was lost: the late laptop may present it again. */
        String pendingCode;

        Run(Path dir, List<Long> minutesOff) {
            this.dir = dir;
            this.minutesOff = minutesOff;
        }

        void setUp() throws Exception {
            if (!startsFromACopy()) {
                build();
                return;
            }
            synchronized (SyncModelPropertiesTest.class) {
                if (template == null) {
                    Path templateDir = Files.createTempDirectory(dir.getParent(), "sync-model-template");
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            deleteTree(templateDir);
                        } catch (IOException e) {
                            // a temporary folder left behind
                        }
                    }));
                    Run first = new Run(templateDir, RIGHT_CLOCKS);
                    first.build();
                    first.close();
                    template = first.asTemplate();
                }
            }
            try (var files = Files.list(template.dir())) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            clock.millis.set(template.clockMillis());
            hub = new InProcessHub(dir.resolve("hub.db"), clock);
            people.addAll(template.people());
            noteOf.putAll(template.noteOf());
            referralOf.putAll(template.referralOf());
            template.sent().forEach((key, op) -> sent.put(key, op.copy()));
            for (int i = 0; i < NAMES.length; i++) {
                Laptop laptop = laptop(i);
                // A copy of the template's file: the same data key, opened by the same recovery key.
                laptop.key = KEYS.get(template.dir().resolve(laptop.file.getFileName()).toAbsolutePath());
                open(laptop);
                laptop.known.addAll(template.known().get(i));
                laptop.enrolled = i != LATE;
                laptops.add(laptop);
            }
        }

        private Template asTemplate() {
            Map<String, SentOp> ops = new LinkedHashMap<>();
            sent.forEach((key, s) -> ops.put(key, s.copy()));
            return new Template(dir, clock.millis(), List.copyOf(people), Map.copyOf(noteOf), Map.copyOf(referralOf),
                    ops, laptops.stream().map(l -> Set.copyOf(l.known)).toList());
        }

        private Laptop laptop(int i) {
            String[][] scopes = {{"worksite", SITE_A}, {"worksite", SITE_A}, {"worksite", SITE_B},
                    {"territory", SyncWorld.TERRITORY}, {"worksite", ELSEWHERE}, {"territory", SyncWorld.TERRITORY}};
            return new Laptop(i, scopes[i][0], scopes[i][1], dir.resolve(NAMES[i] + ".db"));
        }

        /** The starting world: three participants in the territory and one elsewhere, each laptop synced once. */
        private void build() throws Exception {
            hub = newHub(dir, clock);
            for (int i = 0; i < NAMES.length; i++) {
                Laptop laptop = laptop(i);
                open(laptop);
                new ReferenceRepository(laptop.store).install(ReferenceData.load());
                // Encrypted as an installed laptop is (ADR 0005): enrolment needs the data key.
                laptop.key = new fr.convergence.terrain.core.store.KeyRepository(laptop.store)
                        .encryptStore(null, null, 1000);
                KEYS.put(laptop.file.toAbsolutePath(), laptop.key);
                laptops.add(laptop);
                if (i != LATE) {
                    enrol(laptop);
                }
            }
            Edits a1 = edits(laptops.get(0));
            addPerson(laptops.get(0), SITE_A, a1);
            addPerson(laptops.get(0), SITE_A, a1);
            addPerson(laptops.get(2), SITE_B, edits(laptops.get(2)));
            addPerson(laptops.get(4), ELSEWHERE, edits(laptops.get(4)));
            for (int i : new int[] {0, 2, 4, 1, 3}) {
                syncOrFail(laptops.get(i), null);
            }
        }

        private void addPerson(Laptop laptop, String worksite, Edits edits) {
            Participant p = edits.participant(worksite, "Prénom" + people.size(), "Nom" + people.size());
            for (int d = 0; d < 4; d++) {
                edits.hours(p, OLD_WEEK.plusDays(d), HoursKind.TRAVAIL_CHANTIER, 6 * 60);
            }
            noteOf.put(p.id(), edits.note(p, "Première note de P" + people.size()));
            referralOf.put(p.id(), edits.referral(p));
            people.add(p.id());
        }

        Edits edits(Laptop laptop) {
            return new Edits(laptop.store, "u-" + laptop.name);
        }

        void open(Laptop laptop) {
            laptop.store = TerrainStore.open(laptop.file, Clock.offset(clock,
                    Duration.ofMinutes(minutesOff.get(laptop.index))));
            if (laptop.key != null) {
                new fr.convergence.terrain.core.store.KeyRepository(laptop.store).unlockWithRecoveryKey(laptop.key);
            }
            laptop.recorder = new Recorder(laptop, hub.client());
        }

        void enrol(Laptop laptop) throws IOException {
            enrol(laptop, false, false);
        }

        /**
         * Enrols {@code laptop}; with {@code answerLost}, the hub records it but the laptop never gets its token. With
         * {@code sameCodeAgain}, the code of an earlier lost answer is presented again.
         */
        void enrol(Laptop laptop, boolean answerLost, boolean sameCodeAgain) throws IOException {
            String code = sameCodeAgain && pendingCode != null ? pendingCode
                    : hub.enrolments().issueCode(laptop.scopeKind, laptop.scopeId, laptop.name, Duration.ofDays(30));
            if (laptop.index == LATE) {
                lateEnrolments++;
            }
            if (answerLost) {
                hub.client().enrol(new fr.convergence.terrain.sync.protocol.EnrolRequest(
                        fr.convergence.terrain.sync.protocol.SyncCodec.PROTOCOL, code, laptop.store.deviceId(),
                        laptop.name));
                pendingCode = code;
                return;
            }
            new SyncEngine(laptop.store, laptop.recorder).enrol("http://127.0.0.1:1", code, laptop.name);
            laptop.enrolled = true;
        }

        void play(Action a) throws Exception {
            // Only a territory's laptop moves people between worksites, or works on archived files: the step goes to the
            // coordinator.
            Laptop laptop = laptops.get((a.step() == Step.MOVE || a.step() == Step.ARCHIVE) && a.device() != LATE ? 3
                    : a.device());
            if (!laptop.enrolled && a.step() != Step.BACKUP && a.step() != Step.RESTORE
                    && a.step() != Step.ENROL_LATE) {
                return;
            }
            String personId = people.get(a.person() % people.size());
            Participant local = new ParticipantRepository(laptop.store).find(personId).orElse(null);
            Edits edits = edits(laptop);
            switch (a.step()) {
                case HOURS -> {
                    if (local != null) {
                        LocalDate week = a.day() >= 4 ? OLD_WEEK : Edits.MONDAY;
                        edits.hours(local, week.plusDays(a.day() % 4), HoursKind.TRAVAIL_CHANTIER, a.value() * 60);
                    }
                }
                case PHONE -> {
                    if (local != null) {
                        edits.save(EndToEndSyncTest.withPhone(local, "06 " + laptop.name + " " + clock.millis()));
                    }
                }
                case NOTE -> {
                    // A laptop part-way through its first pull may hold the person and not yet their note.
                    if (local != null && new SyncRepository(laptop.store).row("support_note", noteOf.get(personId))
                            .isPresent()) {
                        edits.revise(noteOf.get(personId), local.worksiteId(), laptop.name + " " + clock.millis());
                    }
                }
                case NEW_PERSON -> {
                    String worksite = laptop.scopeKind.equals("worksite") ? laptop.scopeId : SITE_A;
                    addPerson(laptop, worksite, edits);
                }
                case MOVE -> {
                    if (local != null) {
                        String to = local.worksiteId().equals(SITE_A) ? SITE_B : SITE_A;
                        edits.save(new Participant(local.id(), to, local.firstName(), local.lastName(),
                                local.birthDate(), local.phone(), local.email(), local.address(),
                                local.socialSecurityNumber(), local.referentName()));
                    }
                }
                case REFERRAL -> {
                    Referral referral = new ReferralRepository(laptop.store).find(referralOf.get(personId))
                            .orElse(null);
                    if (referral != null) {
                        List<ReferralStatus> next = new ArrayList<>();
                        for (ReferralStatus to : ReferralStatus.values()) {
                            if (ReferralWorkflow.canMove(referral.status(), to)) {
                                next.add(to);
                            }
                        }
                        if (!next.isEmpty()) {
                            edits.move(referral.id(), next.get(a.value() % next.size()));
                        }
                    }
                }
                case ERASE -> {
                    if (local != null) {
                        // An administrator: the model's worksites need not share a territory.
                        new ErasureService(new Workstation(laptop.store)).erase(new User("admin", "admin", "Admin",
                                Role.ADMIN, null, Set.of(), true), personId, ErasureReason.DEMANDE);
                        erased.add(personId);
                    }
                }
                case ARCHIVE -> {
                    List<Enrolment> enrolments = new EnrolmentRepository(laptop.store).ofParticipant(personId);
                    if (local != null && !enrolments.isEmpty()) {
                        Enrolment e = enrolments.get(0);
                        enrolmentOf.put(personId, e.id());
                        boolean archive = a.value() % 2 == 0;
                        laptop.store.write("u-" + laptop.name, tx -> {
                            new EnrolmentRepository(laptop.store).save(tx, new Enrolment(e.id(), e.participantId(),
                                    e.worksiteId(), e.programme(), e.contractType(), e.entryDate(),
                                    e.contractEndDate(), e.weeklyHours(), e.derogationKind(), e.derogationEndDate(),
                                    e.extensionReason(), archive ? LONG_AGO : null,
                                    archive ? ExitCategory.AUTRE_SORTIE : null, null));
                            return null;
                        });
                    }
                }
                case SYNC -> sync(laptop, new Faulty(laptop.recorder, a.fault(), a.value() % 3, -1), a.pageBytes());
                case KILL_BETWEEN_PAGES -> {
                    sync(laptop, new Faulty(laptop.recorder, Fault.NONE, -1, a.value() % 3 + 1), a.pageBytes());
                    laptop.store.close();
                    open(laptop);
                }
                case BACKUP -> {
                    if (hub.sqliteFile().isEmpty()) {
                        return; // a PostgreSQL hub is restored with pg_dump (docs/hub-operations.md): not drawn here
                    }
                    backup = hub.backup(dir.resolve("hub-backup.db"));
                    lateEnrolmentsInBackup = lateEnrolments;
                }
                case RESTORE -> {
                    // A laptop enrolled after the backup is unknown to the restored hub: it would need enrolling
                    // again, which is not what this step is about.
                    if (backup != null && lateEnrolmentsInBackup == lateEnrolments) {
                        hub.restore(backup);
                        restored = true;
                    }
                }
                case ENROL_LATE -> {
                    Laptop late = laptops.get(LATE);
                    if (!late.enrolled) {
                        try {
                            enrol(late, a.fault() == Fault.ANSWER_LOST, a.value() % 2 == 0);
                        } catch (IOException refused) {
                            // a code issued after the backup the hub was restored from: a new code will do
                        }
                    }
                }
            }
        }

        private void sync(Laptop laptop, HubClient client, int pageBytes) {
            try {
                new SyncEngine(laptop.store, client, pageBytes).sync(SyncProgress.NONE);
            } catch (IOException expected) {
                // the fault: a later sync finishes the job
            }
        }

        private void syncOrFail(Laptop laptop, Integer pageBytes) {
            try {
                new SyncEngine(laptop.store, laptop.recorder, pageBytes).sync(SyncProgress.NONE);
            } catch (IOException | RuntimeException e) {
                throw new AssertionError(laptop.name + "'s sync failed: " + e.getMessage() + violations, e);
            }
        }

        /** Two rounds without faults: the first sends everything, the second brings everyone what the others sent. */
        void quiesce() {
            for (int round = 0; round < 2; round++) {
                for (Laptop laptop : laptops) {
                    if (laptop.enrolled) {
                        syncOrFail(laptop, round == 0 ? 700 : null);
                    }
                }
            }
        }

        void check() {
            assertThat(violations).as("scope and whole rows, on every page received").isEmpty();
            HubStore store = hub.store();
            for (Laptop laptop : laptops) {
                if (!laptop.enrolled) {
                    continue;
                }
                Set<String> scope = store.read(r -> r.worksitesOf(laptop.scopeKind, laptop.scopeId));
                Map<String, Map<String, Object>> held = new SyncRepository(laptop.store).snapshot();
                // A worksite laptop holds the files in use only; a territory laptop, archived ones too (issue 14).
                Map<String, Map<String, Object>> expected = SyncWorld.snapshot(store, scope,
                        Audience.of(laptop.scopeKind));
                assertThat(differences(held, expected)).as("%s holds the hub's rows of its scope (laptop ≠ hub)",
                        laptop.name).isEmpty();
                SyncRepository repository = new SyncRepository(laptop.store);
                assertThat(repository.pendingCount()).as("%s has nothing left to send", laptop.name).isZero();
                long lastSent = Math.max(laptop.lastNumberSent, sent.values().stream()
                        .filter(s -> s.device.equals(laptop.name)).mapToLong(s -> s.op.number()).max().orElse(0));
                Device device = store.read(r -> r.device(laptop.store.deviceId())).orElseThrow();
                assertThat(device.lastOperation()).as("%s: the hub's last operation is the laptop's last",
                        laptop.name).isEqualTo(lastSent);
            }
            Set<String> quarantined = new HashSet<>();
            for (Laptop laptop : laptops) {
                new SyncRepository(laptop.store).quarantine()
                        .forEach(q -> quarantined.add(laptop.name + "/" + q.number()));
            }
            List<HubRow> conflicts = new ArrayList<>();
            Set<String> everywhere = allWorksites();
            for (HubRow row : store.read(r -> r.rowsAfter(everywhere, 0, Integer.MAX_VALUE))) {
                if (row.table().equals(SyncSchema.CONFLICT_TABLE)) {
                    conflicts.add(row);
                }
            }
            checkConflictsRecordedOnce(conflicts);
            conflictsRecorded = conflicts.size();
            // Hours set, removed, moved with their person, erased, restored: the summary follows every row.
            assertThat(hub.hoursSummaryDifferences()).as("the hub's hours summaries (hub_hours_month, "
                    + "hub_hours_person_month) equal its hours rows").isEmpty();
            Map<String, List<SentOp>> editsOfField = new TreeMap<>();
            for (String person : erased) {
                Optional<HubRow> tombstone = store.read(r -> r.row(SyncSchema.ERASURE_TABLE, person));
                assertThat(tombstone).as("P %s's tombstone", person).isPresent();
                List<HubRow> all = store.read(r -> r.rowsAfter(everywhere, 0, Integer.MAX_VALUE));
                assertThat(all).as("nothing of erased P %s on the hub", person)
                        .noneMatch(r -> person.equals(r.participantId()) || aboutErased(r.table(), r.id(), r.data()));
            }
            for (Map.Entry<String, SentOp> entry : sent.entrySet()) {
                SentOp s = entry.getValue();
                if (aboutErased(s.op.table(), s.op.rowId(), s.op.fields())) {
                    // Erased with the person: refused by the hub, or applied then deleted; dropped on the laptop.
                    continue;
                }
                if (s.refused) {
                    assertThat(quarantined).as("a refused operation is in its laptop's quarantine")
                            .contains(entry.getKey());
                    continue;
                }
                HubRow row = store.read(r -> r.row(s.op.table(), s.op.rowId())).orElse(null);
                assertThat(row).as("operation %s not refused is in the hub's data", entry.getKey()).isNotNull();
                for (String field : List.of("phone", "minutes")) {
                    if (s.op.fields().containsKey(field)) {
                        editsOfField.computeIfAbsent(s.op.table() + "/" + s.op.rowId() + "/" + field,
                                k -> new ArrayList<>()).add(s);
                    }
                }
            }
            editsOfField.forEach((key, edits) -> checkMerge(store, key, edits, conflicts));
        }

        /** Whether a row or operation is about an erased person: theirs, or naming one of their rows. */
        private boolean aboutErased(String table, String rowId, Map<String, Object> fields) {
            // The tombstone names the person, and so does the append-only access journal (ids only, kept by design:
            // docs/data-protection.md, Effacement).
            if (table == null || table.equals(SyncSchema.ERASURE_TABLE) || table.equals(Operation.SKIP_TABLE)
                    || table.equals(SyncSchema.AUDIT_TABLE)) {
                return false;
            }
            for (String person : erased) {
                Set<String> theirs = new HashSet<>(List.of(person, String.valueOf(noteOf.get(person)),
                        String.valueOf(referralOf.get(person)), String.valueOf(enrolmentOf.get(person))));
                for (LocalDate week : List.of(Edits.MONDAY, OLD_WEEK)) {
                    for (int day = 0; day < 4; day++) {
                        theirs.add(HoursCell.id(person, week.plusDays(day), HoursKind.TRAVAIL_CHANTIER));
                    }
                }
                if (theirs.contains(rowId) || (fields != null
                        && fields.values().stream().anyMatch(v -> v != null && theirs.contains(v.toString())))) {
                    return true;
                }
            }
            return false;
        }

        /** Row → "laptop ≠ hub", for the rows that differ: what a failing schedule's report shows. */
        private static Map<String, String> differences(Map<String, Map<String, Object>> held,
                                                       Map<String, Map<String, Object>> expected) {
            Map<String, String> differ = new TreeMap<>();
            Set<String> keys = new HashSet<>(held.keySet());
            keys.addAll(expected.keySet());
            for (String key : keys) {
                if (!Objects.equals(held.get(key), expected.get(key))) {
                    differ.put(key, held.get(key) + " ≠ " + expected.get(key));
                }
            }
            return differ;
        }

        private void checkConflictsRecordedOnce(List<HubRow> conflicts) {
            Set<String> seen = new HashSet<>();
            for (HubRow c : conflicts) {
                Map<String, Object> d = c.data();
                assertThat(d.get("kept_version")).as("a conflict names two edits").isNotEqualTo(d.get("other_version"));
                assertThat(seen.add(d.get("row_id") + "/" + d.get("field_name") + "/" + d.get("kept_version") + "/"
                        + d.get("other_version"))).as("conflict recorded once: %s", d).isTrue();
            }
        }

        /**
         * The field holds one of its edits, and every other edit was overwritten by a later one made knowing it (a
         * later edit of the same laptop, or one made after the laptop had pulled it) or is kept in a conflict record.
         * Versions are not trusted for "later": laptop clocks are drawn wrong by minutes to a year.
         */
        private void checkMerge(HubStore store, String key, List<SentOp> edits, List<HubRow> conflicts) {
            String table = key.substring(0, key.indexOf('/'));
            String rowId = key.substring(key.indexOf('/') + 1, key.lastIndexOf('/'));
            String field = key.substring(key.lastIndexOf('/') + 1);
            String now = String.valueOf(store.read(r -> r.row(table, rowId)).orElseThrow().data().get(field));
            assertThat(edits).as("%s holds one of its edits (%s)", key, now)
                    .anyMatch(e -> now.equals(String.valueOf(e.op.fields().get(field))));
            if (restored) {
                // Conflicts recorded after the backup went with the hub's lost data.
                return;
            }
            for (SentOp lost : edits) {
                String value = String.valueOf(lost.op.fields().get(field));
                if (value.equals(now)) {
                    continue;
                }
                Long appliedAt = lost.appliedAt.get(field);
                boolean overwrittenKnowingIt = edits.stream().anyMatch(w -> w != lost
                        && ((w.device.equals(lost.device) && w.op.number() > lost.op.number())
                        || (appliedAt != null && w.op.base() >= appliedAt)));
                boolean inConflict = conflicts.stream().map(HubRow::data).anyMatch(c -> rowId.equals(c.get("row_id"))
                        && field.equals(c.get("field_name")) && (value.equals(String.valueOf(c.get("kept_value")))
                        || value.equals(String.valueOf(c.get("other_value")))));
                assertThat(overwrittenKnowingIt || inConflict)
                        .as("%s = %s by %s (%s, now %s) was overwritten knowingly or kept in a conflict", key, value,
                                lost.device, lost.op.version(), now).isTrue();
            }
        }

        @Override
        public void close() {
            laptops.forEach(l -> l.store.close());
            hub.close();
        }

        private Set<String> allWorksites() {
            Set<String> all = new HashSet<>(hub.store().read(r -> r.worksitesOf("territory", SyncWorld.TERRITORY)));
            all.add(ELSEWHERE);
            return all;
        }

        /**
         * The laptop's link to the hub, seen by the model: operations as they leave, and each answer the hub gave
         * (also those a fault then drops) checked for scope and whole rows as it arrives.
         */
        final class Recorder extends DelegatingHubClient {
            private final Laptop laptop;

            Recorder(Laptop laptop, HubClient hub) {
                super(hub);
                this.laptop = laptop;
            }

            @Override
            public SyncResponse exchange(String token, SyncRequest request) throws IOException {
                for (Operation op : request.operations()) {
                    laptop.lastNumberSent = Math.max(laptop.lastNumberSent, op.number());
                    if (op.skip()) {
                        continue;
                    }
                    sent.putIfAbsent(laptop.name + "/" + op.number(), new SentOp(laptop.name, op));
                    laptop.known.add(op.table() + "/" + op.rowId());
                }
                SyncResponse answer = delegate.exchange(token, request);
                answered(request, answer);
                return answer;
            }

            private void answered(SyncRequest request, SyncResponse answer) {
                if (answer.rewound() != null) {
                    // The laptop wipes its scope and sends again what the restored hub lost.
                    laptop.known.clear();
                    sent.values().removeIf(s -> s.device.equals(laptop.name)
                            && s.op.number() > answer.rewound().lastOperation());
                    return;
                }
                Set<Long> refused = new HashSet<>();
                for (Rejection rejection : answer.rejections()) {
                    refused.add(rejection.number());
                    SentOp s = sent.get(laptop.name + "/" + rejection.number());
                    if (s != null) {
                        s.refused = true;
                    }
                }
                HubStore store = hub.store();
                for (Operation op : request.operations()) {
                    SentOp s = sent.get(laptop.name + "/" + op.number());
                    if (s == null || s.op != op && !s.op.equals(op) || refused.contains(op.number())
                            || !s.appliedAt.isEmpty()) {
                        continue;
                    }
                    // By value, not version: the hub re-stamps a version from a clock too far ahead or behind.
                    store.read(r -> r.row(op.table(), op.rowId())).ifPresent(row -> op.fields().forEach((field, v) -> {
                        FieldMeta meta = row.meta().get(field);
                        if (meta != null && String.valueOf(v).equals(String.valueOf(row.data().get(field)))) {
                            s.appliedAt.put(field, meta.seq());
                        }
                    }));
                }
                if (answer.resync()) {
                    laptop.known.clear();
                    return;
                }
                if (answer.more()) {
                    pagedAnswers.incrementAndGet();
                }
                Set<String> scope = store.read(r -> r.worksitesOf(laptop.scopeKind, laptop.scopeId));
                for (TableChanges group : answer.allChanges(HoursCell::id)) {
                    SyncSchema.Table table = SyncSchema.table(group.table()).orElseThrow();
                    for (List<Object> values : group.rows()) {
                        String id = (String) values.get(0);
                        String key = group.table() + "/" + id;
                        store.read(r -> r.row(group.table(), id)).ifPresentOrElse(row -> {
                            if (!scope.contains(row.worksiteId())) {
                                violations.add(laptop.name + " received " + key + " of " + row.worksiteId());
                            }
                            if (Audience.of(laptop.scopeKind) == Audience.FILES_IN_USE && row.participantId() != null
                                    && store.read(r -> r.archived(row.participantId()))) {
                                violations.add(laptop.name + " (a worksite laptop) received " + key
                                        + " of an archived file");
                            }
                        }, () -> violations.add(laptop.name + " received " + key + ", unknown to the hub"));
                        boolean whole = group.columns().containsAll(table.fields().stream()
                                .map(SyncSchema.Field::name).toList());
                        if (!whole && !laptop.known.contains(key) && !holds(group.table(), id)) {
                            violations.add(laptop.name + " received part of " + key + " " + group.columns()
                                    + " without holding it (cursor " + request.cursor() + ", whole rows up to "
                                    + request.base() + ")");
                        }
                        laptop.known.add(key);
                    }
                }
                for (RowExit exit : answer.exits()) {
                    laptop.known.remove(exit.table() + "/" + exit.rowId());
                }
            }

            private boolean holds(String table, String id) {
                return new SyncRepository(laptop.store).row(table, id).isPresent();
            }
        }
    }

    /**
     * One fault on the laptop's n-th exchange (request lost, answer lost after the hub committed, request delivered
     * twice), or every exchange after the first {@code killAfter} failing, as when the laptop is killed.
     */
    static final class Faulty extends DelegatingHubClient {
        private final Fault fault;
        private final int faultyExchange;
        private final int killAfter;
        private final AtomicInteger exchanges = new AtomicInteger();

        Faulty(HubClient delegate, Fault fault, int faultyExchange, int killAfter) {
            super(delegate);
            this.fault = fault;
            this.faultyExchange = faultyExchange;
            this.killAfter = killAfter;
        }

        @Override
        public SyncResponse exchange(String token, SyncRequest request) throws IOException {
            int n = exchanges.getAndIncrement();
            if (killAfter >= 0 && n >= killAfter) {
                throw new IOException("laptop killed");
            }
            Fault now = n == faultyExchange ? fault : Fault.NONE;
            switch (now) {
                case REQUEST_LOST -> throw new IOException("request lost");
                case ANSWER_LOST -> {
                    delegate.exchange(token, request);
                    throw new IOException("answer lost");
                }
                case DELIVERED_TWICE -> {
                    delegate.exchange(token, request);
                    return delegate.exchange(token, request);
                }
                default -> {
                    return delegate.exchange(token, request);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
