package fr.convergence.terrain.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.hub.Hub;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.RequestLimits;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.sync.protocol.ErrorResponse;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code terrain sync} against a real hub on loopback: exit code 0 and the counts printed on success, 2 for a
 * usage problem, 3 when the network fails (after its retries) or the hub cannot take the sync for now, 4 when the
 * hub refuses.
 */
class SyncCommandTest {

    private static final String SITE = "abej-solidarite";
    private static final String PASSWORD = "vert-poste-jeudi";
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 18);

    @TempDir
    Path dir;
    JooqHubStore hubStore;
    Hub hub;
    Path store;
    String participantId;
    Path passwordFile;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void hubAndLaptopStore() throws Exception {
        passwordFile = java.nio.file.Files.writeString(dir.resolve("mot-de-passe.txt"), PASSWORD + "\n");
        hubStore = JooqHubStore.sqlite(dir.resolve("hub.db"));
        hubStore.write(tx -> {
            ReferenceData.load().worksites().forEach(w -> tx.addWorksite(w.id(), w.territoryId()));
            return null;
        });
        hub = Hub.create(HubConfig.defaults(0), hubStore, Clock.systemUTC());
        store = dir.resolve("poste.db");
        try (TerrainStore laptop = TerrainStore.open(store)) {
            // Installed with its first account, whose password opens the encrypted store (ADR 0005).
            new SetupService().install(laptop, new PasswordHasher(1000), SITE, "camille", "Camille", Role.COORDINATOR,
                    PASSWORD.toCharArray(), PASSWORD.toCharArray()).value().orElseThrow();
            Participant p = new Participant(UUID.randomUUID().toString(), SITE, "Rose", "Dupont",
                    LocalDate.of(1990, 1, 2), null, null, null, null, null);
            participantId = p.id();
            laptop.write("esp", tx -> {
                new ParticipantRepository(laptop).save(tx, p);
                new EnrolmentRepository(laptop).save(tx, new Enrolment(UUID.randomUUID().toString(), p.id(), SITE,
                        Programme.CVG, ContractType.CDDI, MONDAY.minusMonths(1), null, 26, null, null, null, null,
                        null, null));
                for (int d = 0; d < 3; d++) {
                    new HoursRepository(laptop).set(tx, p.id(), SITE, MONDAY.plusDays(d), HoursKind.TRAVAIL_CHANTIER,
                            420);
                }
                return null;
            });
        }
    }

    @AfterEach
    void stop() {
        hub.close();
        hubStore.close();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return TerrainCommand.run(TerrainCommandTest.NO_WINDOW, Cli.NOTHING, new PrintWriter(out, true),
                new PrintWriter(err, true), args);
    }

    /** {@code terrain sync ARGS --user camille --password-file …}: the command signs in as the laptop's account. */
    private int sync(String... args) {
        return syncAs("camille", args);
    }

    private int syncAs(String login, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "sync";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--user";
        all[args.length + 2] = login;
        all[args.length + 3] = "--password-file";
        all[args.length + 4] = passwordFile.toString();
        return run(all);
    }

    private String url() {
        return "http://127.0.0.1:" + hub.port();
    }

    private String code() {
        return hub.enrolments().issueCode("worksite", SITE, "poste de test", Duration.ofDays(1));
    }

    @Test
    void enrolsSyncsAndPrintsWhatWentUpAndDown() {
        assertThat(sync("--store", store.toString(), "--hub", url(), "--enrol", code(), "--label", "ESP"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Poste enrôlé\u00a0: ").contains("(worksite " + SITE + ")")
                // The five rows, and the access journal's entries: the account created, the sign-in of this sync.
                .contains("7 opérations envoyées").contains("0 conflit,").contains("0 refus (quarantaine)")
                .contains("1 requête,").containsPattern("\\d+ octets envoyés, \\d+ octets reçus");
        Map<String, Long> onHub = hubStore.read(r -> r.rowCounts());
        assertThat(onHub).containsEntry("hours_entry", 3L)
                .containsEntry("participant", 1L);

        // Enrolled: the hub's address is remembered; nothing new to send.
        assertThat(sync("--store", store.toString())).as(err.toString()).isZero();
        // Nothing new but the access journal's entry of this sync's sign-in.
        assertThat(out.toString()).contains(" 1 opération envoyée").contains("0 ligne reçue")
                .contains("1 requête,");
    }

    @Test
    void aNewLaptopIsInstalledWithItsFirstAccountBeforeItIsEnrolledThenPullsItsScope() {
        assertThat(sync("--store", store.toString(), "--hub", url(), "--enrol", code())).as(err.toString()).isZero();
        Path fresh = dir.resolve("nouveau-poste").resolve("terrain.db");

        // No account, no key: nothing the hub would send could be encrypted, so the enrolment is refused.
        String unused = code();
        assertThat(syncAs("yanis", "--store", fresh.toString(), "--hub", url(), "--enrol", unused, "--label", "CIP"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("aucun compte").contains("terrain edit --store FICHIER setup");
        assertThat(fresh).doesNotExist();

        assertThat(run("edit", "--store", fresh.toString(), "--password-file", passwordFile.toString(), "setup",
                "--worksite", SITE, "--login", "yanis", "--role", "COORDINATOR")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Clé de secours");
        assertThat(syncAs("yanis", "--store", fresh.toString(), "--hub", url(), "--enrol", unused, "--label", "CIP"))
                .as(err.toString()).isZero();
        // Nothing of its own but the access journal's entries (the account created, the sign-in of this sync).
        assertThat(out.toString()).contains("Poste enrôlé\u00a0: ").contains(" 2 opérations envoyées")
                .doesNotContain(" 0 ligne reçue");
        try (TerrainStore laptop = TerrainStore.open(fresh)) {
            new AuthService(laptop, new PasswordHasher(1000)).signIn("yanis", PASSWORD.toCharArray()).orElseThrow();
            assertThat(new ReferenceRepository(laptop).worksites())
                    .hasSameSizeAs(ReferenceData.load().worksites());
            assertThat(new HoursRepository(laptop).ofParticipant(participantId, MONDAY, MONDAY.plusDays(6)))
                    .hasSize(3);
        }
    }

    @Test
    void withoutThePasswordOfAnAccountSyncOpensNothing() throws Exception {
        assertThat(sync("--store", store.toString(), "--hub", url(), "--enrol", code())).as(err.toString()).isZero();
        try (TerrainStore laptop = TerrainStore.open(store)) {
            new AuthService(laptop, new PasswordHasher(1000)).signIn("camille", PASSWORD.toCharArray()).orElseThrow();
            // A change waiting to be sent, which a sync without the right password must not send.
            laptop.write("camille", tx -> {
                new HoursRepository(laptop).set(tx, participantId, SITE, MONDAY.plusDays(4),
                        HoursKind.TRAVAIL_CHANTIER, 60);
                return null;
            });
        }

        assertThat(run("sync", "--store", store.toString(), "--user", "camille")).isEqualTo(PersonOptions.USAGE);
        assertThat(err.toString()).contains("--password-file");
        assertThat(run("sync", "--store", store.toString(), "--user", "camille", "--password-file",
                dir.resolve("absent").toString())).isEqualTo(PersonOptions.USAGE);
        Path wrong = java.nio.file.Files.writeString(dir.resolve("faux.txt"), "pas-le-bon-mot");
        assertThat(run("sync", "--store", store.toString(), "--user", "camille", "--password-file", wrong.toString()))
                .isEqualTo(PersonOptions.SIGN_IN_REFUSED);
        assertThat(err.toString()).contains("mot de passe incorrect").contains("rien n’a été lu");
        assertThat(hubStore.<Map<String, Long>>read(r -> r.rowCounts())).containsEntry("hours_entry", 3L);
    }

    @Test
    void aPlainHttpHubOnAnotherMachineIsRefusedBeforeAnyRequest() {
        assertThat(sync("--store", store.toString(), "--hub", "http://hub.convergence.example", "--enrol",
                code())).isEqualTo(2);
        assertThat(err.toString()).contains("Adresse du hub refusée").contains("https://");
        assertThat(out.toString()).doesNotContain("Poste enrôlé");
    }

    @Test
    void usageProblemsExitWithTwo() {
        Path absent = dir.resolve("absent.db");
        assertThat(sync("--store", absent.toString(), "--hub", url())).isEqualTo(2);
        assertThat(err.toString()).contains("Fichier de données introuvable\u00a0: " + absent)
                .contains("nouveau poste").contains("--enrol");
        assertThat(sync("--store", absent.toString(), "--enrol", code())).isEqualTo(2);
        assertThat(err.toString()).contains("aucun compte");
        assertThat(absent).as("nothing created before the enrolment can be tried").doesNotExist();
        assertThat(sync("--store", store.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--hub").contains("--enrol").contains("pas encore enrôlé");
        assertThat(sync("--store", store.toString(), "--hub", url(), "--trust-cert",
                dir.resolve("absent.pem").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Certificat du hub inutilisable", "absent.pem", "fichier PEM");
    }

    @Test
    void aLaptopNotEnrolledIsToldToEnrolWithoutBlamingTheHub() {
        assertThat(sync("--store", store.toString(), "--hub", url())).isEqualTo(2);

        assertThat(err.toString()).contains("pas encore enrôlé", "aucun hub n’a été contacté", "--enrol CODE")
                .doesNotContain("Le hub refuse");
        assertThat(hub.enrolments().devices()).isEmpty();
    }

    @Test
    void aRefusalExitsWithFourAndANetworkFailureWithThree() {
        assertThat(sync("--store", store.toString(), "--hub", url(), "--enrol", "FAUX-CODE-0000")).isEqualTo(4);
        assertThat(err.toString()).contains("Le hub refuse").contains("Code d'enrôlement inconnu");

        assertThat(sync("--store", store.toString(), "--hub", url(), "--enrol", code())).isZero();
        String device = hub.enrolments().devices().get(0).id();
        hub.enrolments().revoke(device);
        assertThat(sync("--store", store.toString())).isEqualTo(4);
        assertThat(err.toString()).contains("Le hub refuse").contains("révoqué");

        hub.close();
        assertThat(sync("--store", store.toString(), "--retries", "0")).isEqualTo(3);
        assertThat(err.toString()).contains("Synchronisation interrompue (réseau)").contains("relancez plus tard")
                .contains("le hub ne répond pas à cette adresse");
    }

    @Test
    void aHubThatCannotRecordForNowExitsWithThreeAndSaysWhenToSyncAgainWithoutAStackTrace() throws Exception {
        assertThat(sync("--store", store.toString(), "--hub", url(), "--enrol", code())).isZero();
        // The hub's answer when its disk is full (HubDiskFullTest), from a stand-in on loopback.
        HttpServer diskFull = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        diskFull.createContext("/", exchange -> {
            byte[] body = SyncCodec.encode(new ErrorResponse("storage-unavailable", "Le hub ne peut pas enregistrer."));
            exchange.getResponseHeaders().add("Content-Type", SyncCodec.CONTENT_TYPE);
            exchange.getResponseHeaders().add("Retry-After", "300");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        diskFull.start();
        try {
            LocalDateTime before = LocalDateTime.now();
            int exit = sync("--store", store.toString(), "--hub", "http://127.0.0.1:" + diskFull.getAddress().getPort());
            LocalDateTime after = LocalDateTime.now();

            assertThat(exit).as(err.toString()).isEqualTo(3);
            assertThat(err.toString()).startsWith("Le hub ne peut pas enregistrer pour le moment (espace disque "
                    + "plein). Vos modifications restent sur ce poste\u00a0: synchronisez de nouveau après le ")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(err.toString().strip()).isIn(whenFree(before), whenFree(after));
        } finally {
            diskFull.stop(0);
        }
    }

    @Test
    void aHubWithTooManyRequestsExitsWithThreeAndSaysWhenToSyncAgain() {
        assertThat(sync("--store", store.toString(), "--hub", url(), "--enrol", code())).isZero();
        try (Hub strict = Hub.create(HubConfig.defaults(0).withRequestLimits(RequestLimits.defaults()
                .withSyncPerMinutePerDevice(1)), hubStore, Clock.systemUTC())) {
            String strictUrl = "http://127.0.0.1:" + strict.port();
            assertThat(sync("--store", store.toString(), "--hub", strictUrl)).as(err.toString()).isZero();

            assertThat(sync("--store", store.toString(), "--hub", strictUrl)).as(err.toString()).isEqualTo(3);
            assertThat(err.toString()).startsWith("Le hub est trop sollicité pour le moment. Vos modifications "
                    + "restent sur ce poste\u00a0: synchronisez de nouveau après le ").doesNotContain("Exception");
        }
    }

    /** What the command says when the hub asked for five minutes at {@code now}. */
    private static String whenFree(LocalDateTime now) {
        LocalDateTime free = now.plusMinutes(5);
        return "Le hub ne peut pas enregistrer pour le moment (espace disque plein). Vos modifications restent sur ce "
                + "poste\u00a0: synchronisez de nouveau après le " + free.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + " à " + free.format(DateTimeFormatter.ofPattern("HH:mm")) + ".";
    }

    @Test
    void aStoreWithAccountsIsSyncedBySomeoneSignedInAndAWrongPasswordSendsNothing() {
        try (TerrainStore laptop = TerrainStore.open(store)) {
            // An account is created by someone signed in: the new account's wrap of the data key needs the key.
            new AuthService(laptop, new PasswordHasher(1000)).signIn("camille", PASSWORD.toCharArray()).orElseThrow();
            new AuthService(laptop, new PasswordHasher(1000)).createUser("system", "sandrine", "Sandrine", Role.ADMIN,
                    null, Set.of(SITE), "rouge-velo-lundi".toCharArray(), "rouge-velo-lundi".toCharArray());
            new AuthService(laptop, new PasswordHasher(1000)).createUser("system", "karim", "Karim", Role.ADMIN,
                    null, Set.of(SITE), "vert-train-mardi".toCharArray(), "vert-train-mardi".toCharArray());
        }
        String code = code();

        Cli.Run nobody = Cli.run(Cli.NOTHING, "sync", "--store", store.toString(), "--hub", url(), "--enrol", code);
        Cli.Run wrong = Cli.run(Cli.terminal(Map.of("TERRAIN_PASSWORD", "pas-le-bon-mot"), null), "sync", "--store",
                store.toString(), "--user", "sandrine", "--hub", url(), "--enrol", code);

        assertThat(nobody.code()).isEqualTo(PersonOptions.USAGE);
        assertThat(nobody.err()).contains("--user IDENTIFIANT");
        assertThat(wrong.code()).isEqualTo(PersonOptions.SIGN_IN_REFUSED);
        assertThat(wrong.err()).contains("Identifiant ou mot de passe incorrect pour «\u00a0sandrine\u00a0»");
        assertThat(hubStore.<Map<String, Long>>read(r -> r.rowCounts())).doesNotContainKey("participant");

        // Another account (the wrong password delays sandrine's next try), its password in a variable of its own.
        Cli.Run signedIn = Cli.run(Cli.terminal(Map.of("CLE_DU_POSTE", "vert-train-mardi"), null), "sync", "--store",
                store.toString(), "--user", "karim", "--password-env", "CLE_DU_POSTE", "--hub", url(), "--enrol",
                code);
        assertThat(signedIn.code()).as(signedIn.err()).isZero();
        assertThat(hubStore.<Map<String, Long>>read(r -> r.rowCounts())).containsEntry("participant", 1L);
    }
}
