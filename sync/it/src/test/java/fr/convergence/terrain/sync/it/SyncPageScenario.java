package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.app.common.BackgroundTaskExecutor;
import fr.convergence.terrain.app.common.DirectTaskExecutor;
import fr.convergence.terrain.app.common.Scheduler;
import fr.convergence.terrain.app.data.AppConfig;
import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.app.data.LocalSyncStore;
import fr.convergence.terrain.app.sync.SyncService;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * A hub on loopback, the application's laptop "A" (an ESP account, Hélène Aubert on the ABEJ worksite) and a
 * second laptop "B" of the same worksite. {@link #conflictWaiting} leaves A with a phone edit that clashes with
 * B's, already on the hub: A's next sync records the conflict.
 */
final class SyncPageScenario implements AutoCloseable {

    static final PasswordHasher FAST = new PasswordHasher(1000);
    static final String PASSWORD = "rouge-velo-lundi";
    static final String A_PHONE = "06 11 11 11 11";
    static final String B_PHONE = "07 22 22 22 22";

    final SyncWorld world;
    final DataFolder folder;
    String heleneId;
    SyncWorld.Laptop b;
    /** In front of the hub for {@link #enrolledBehindProxy}, else null. */
    FaultyProxy proxy;

    private SyncPageScenario(Path dir) {
        this.world = SyncWorld.sqlite(dir);
        this.folder = new DataFolder(dir.resolve("app"));
    }

    /** A installed with Hélène, not enrolled yet. */
    static SyncPageScenario notEnrolled(Path dir) {
        SyncPageScenario scenario = new SyncPageScenario(dir);
        try (TerrainStore a = TerrainStore.open(scenario.folder.realStore())) {
            scenario.installA(a);
        }
        return scenario;
    }

    /** A and B both hold Hélène; both changed her phone offline; B's change is on the hub, A's waits. */
    static SyncPageScenario conflictWaiting(Path dir, boolean autoSync) throws Exception {
        SyncPageScenario scenario = new SyncPageScenario(dir);
        try (TerrainStore a = TerrainStore.open(scenario.folder.realStore())) {
            User esp = scenario.installA(a);
            scenario.enrolAAndB(a);
            new ParticipantService(new Workstation(a)).update(esp, scenario.helene(A_PHONE));
            new Edits(scenario.b.store(), "esp-b").save(scenario.helene(B_PHONE));
            scenario.b.engine().sync(SyncProgress.NONE);
            new SyncService(new LocalSyncStore(a), SyncService.http()).setAutoSync(autoSync);
        }
        return scenario;
    }

    /**
     * Hélène's referral was sent from A; B closed it as refused (on the hub), while A, not knowing, moved it to "en
     * cours" (waiting to be sent): A's next sync gets the move refused.
     */
    static SyncPageScenario referralClosedOnB(Path dir) throws Exception {
        SyncPageScenario scenario = new SyncPageScenario(dir);
        try (TerrainStore a = TerrainStore.open(scenario.folder.realStore())) {
            User esp = scenario.installA(a);
            Edits onA = new Edits(a, esp.id());
            String referral = onA.referral(scenario.helene("06 00 00 00 00"));
            onA.move(referral, ReferralStatus.ENVOYEE);
            scenario.enrolAAndB(a);
            new Edits(scenario.b.store(), "cip-b").move(referral, ReferralStatus.REFUSEE);
            scenario.b.engine().sync(SyncProgress.NONE);
            onA.move(referral, ReferralStatus.EN_COURS);
            new SyncService(new LocalSyncStore(a), SyncService.http()).setAutoSync(false);
        }
        return scenario;
    }

    /**
     * A enrolled through a {@link FaultyProxy} in front of the hub (its automatic sync on) with two hours of last week
     * waiting to be sent; B enrolled beside it has since changed Hélène's phone on the hub: A's next sync receives it,
     * through the proxy.
     */
    static SyncPageScenario enrolledBehindProxy(Path dir) throws Exception {
        SyncPageScenario scenario = new SyncPageScenario(dir);
        scenario.proxy = new FaultyProxy(scenario.world.hub.port());
        URI url = URI.create("http://127.0.0.1:" + scenario.proxy.port());
        try (TerrainStore a = TerrainStore.open(scenario.folder.realStore())) {
            User esp = scenario.installA(a);
            SyncEngine engine = new SyncEngine(a, new HttpHubClient(url, null, Duration.ofSeconds(30)));
            engine.enrol(url.toString(), scenario.world.hub.enrolments().issueCode("worksite", SyncWorld.SITE_A, "A",
                    Duration.ofDays(1)), "Portable A");
            engine.sync(SyncProgress.NONE);
            scenario.b = scenario.world.laptop("b", "worksite", SyncWorld.SITE_A);
            scenario.b.engine().sync(SyncProgress.NONE);
            new Edits(scenario.b.store(), "esp-b").save(scenario.helene(B_PHONE));
            scenario.b.engine().sync(SyncProgress.NONE);
            // A change of A's own waits too, so that the automatic sync starts at sign-in.
            new Edits(a, esp.id()).hours(scenario.helene("06 00 00 00 00"), LocalDate.now().minusWeeks(1),
                    HoursKind.TRAVAIL_CHANTIER, 120);
            new SyncService(new LocalSyncStore(a), SyncService.http()).setAutoSync(true);
        }
        return scenario;
    }

    /**
     * {@link #config()} with the application's own background executors: store and network work off the JavaFX
     * thread, as when it runs for real.
     */
    AppConfig backgroundConfig() {
        Scheduler never = (delay, action) -> () -> {
        };
        return new AppConfig(folder, BackgroundTaskExecutor.forStore(), BackgroundTaskExecutor.forNetwork(), never,
                Clock.systemDefaultZone(), FAST, FAST, Duration.ofMinutes(30), 7);
    }

    /** Enrols A (label "Portable A") and syncs it, then B of the same worksite, which pulls what A sent. */
    private void enrolAAndB(TerrainStore a) throws Exception {
        SyncEngine engine = new SyncEngine(a, new HttpHubClient(world.url(), null, Duration.ofSeconds(30)));
        engine.enrol(world.url().toString(), world.hub.enrolments().issueCode("worksite", SyncWorld.SITE_A, "A",
                Duration.ofDays(1)), "Portable A");
        engine.sync(SyncProgress.NONE);
        b = world.laptop("b", "worksite", SyncWorld.SITE_A);
        b.engine().sync(SyncProgress.NONE);
    }

    private User installA(TerrainStore a) {
        // The first account of a laptop is its administrator, who creates the ESP's account.
        User installer = new SetupService().install(a, FAST, SyncWorld.SITE_A, "installation", "Installation du poste",
                Role.ADMIN, PASSWORD.toCharArray(), PASSWORD.toCharArray()).value().orElseThrow();
        User esp = new AuthService(a, FAST).createAccount(installer, "camille", "Camille Martin", Role.ESP, null,
                java.util.Set.of(SyncWorld.SITE_A), PASSWORD.toCharArray(), PASSWORD.toCharArray())
                .value().orElseThrow();
        heleneId = new ParticipantService(new Workstation(a)).create(esp, helene("06 00 00 00 00"),
                new Enrolment(null, null, null, Programme.CVG, ContractType.CDDI, LocalDate.now().minusMonths(2),
                        LocalDate.now().plusMonths(10), 26, null, null, null, null, null, null))
                .value().orElseThrow().id();
        return esp;
    }

    Participant helene(String phone) {
        return new Participant(heleneId, SyncWorld.SITE_A, "Hélène", "Aubert", LocalDate.of(1980, 1, 2), phone,
                null, null, null, null);
    }

    /**
     * The application's configuration: this data folder, the real clock, store and network work done at once on
     * the caller, and an automatic sync that looks at the hub at sign-in and when the page opens but never fires
     * later on its own.
     */
    AppConfig config() {
        Scheduler never = (delay, action) -> () -> {
        };
        return new AppConfig(folder, new DirectTaskExecutor(), new DirectTaskExecutor(), never,
                Clock.systemDefaultZone(), FAST, FAST, Duration.ofMinutes(30), 7);
    }

    @Override
    public void close() {
        if (proxy != null) {
            try {
                proxy.close();
            } catch (java.io.IOException e) {
                // the test is over: nothing more goes through it
            }
        }
        world.close();
    }
}
