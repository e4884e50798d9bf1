package fr.convergence.terrain.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.hub.Hub;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.RequestLimits;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.hub.sync.SyncExchange;
import fr.convergence.terrain.sync.protocol.ClientReport;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub console over HTTP on 127.0.0.1: sessions, second factor, CSRF, delays, territory scope, devices. */
class ConsoleWebTest {

    static final String LILLE_WORKSITE = "abej-solidarite";
    static final String LYON_WORKSITE = "fads-armee-du-salut-lyon-cite";
    static final String NATIONAL_PASSWORD = "mot-de-passe-national";
    static final String COORDINATOR_PASSWORD = "mot-de-passe-lille";

    @TempDir
    Path dir;

    MutableClock clock;
    JooqHubStore store;
    ConsoleAccounts accounts;
    String nationalSecret;
    Hub hub;

    JooqHubStore openStore() {
        return JooqHubStore.sqlite(dir.resolve("hub.db"));
    }

    @BeforeEach
    void startHub() {
        clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
        store = openStore();
        store.write(tx -> {
            tx.putWorksite(new WorksiteInfo(LILLE_WORKSITE, "ABEJ Solidarité", "Lille", "Hauts-de-France", "lille",
                    true, true));
            tx.putWorksite(new WorksiteInfo(LYON_WORKSITE, "Armée du Salut Lyon", "Lyon", "Auvergne-Rhône-Alpes",
                    "lyon", true, true));
            return null;
        });
        accounts = new ConsoleAccounts(store, clock, new PasswordHasher(1000));
        nationalSecret = accounts.add("nadia", "Nadia National", ConsoleAccount.Role.NATIONAL, null,
                NATIONAL_PASSWORD.toCharArray(), false).totpSecret();
        accounts.add("colette", "Colette Coordination", ConsoleAccount.Role.COORDINATOR, "lille",
                COORDINATOR_PASSWORD.toCharArray(), false);
        hub = Hub.create(HubConfig.defaults(0).withHost("127.0.0.1"), store, clock);
    }

    @AfterEach
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
        if (store != null) {
            store.close();
        }
    }

    ConsoleClient client() {
        return new ConsoleClient("http://127.0.0.1:" + hub.port());
    }

    /** Signs in with the password (and the current TOTP code when {@code secret} is given). */
    ConsoleClient signedIn(String login, String password, String secret) {
        ConsoleClient client = client();
        HttpResponse<String> form = client.get("/console/connexion");
        HttpResponse<String> after = client.post("/console/connexion", "csrf", ConsoleClient.csrf(form), "login",
                login, "password", password);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(303);
        if (secret != null) {
            assertThat(ConsoleClient.location(after)).containsExactly("/console/second-facteur");
            HttpResponse<String> factor = client.get("/console/second-facteur");
            HttpResponse<String> done = client.post("/console/second-facteur", "csrf", ConsoleClient.csrf(factor),
                    "code", Totp.codeAt(secret, clock.millis()));
            assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        }
        assertThat(client.get("/console").statusCode()).isEqualTo(200);
        return client;
    }

    /** A laptop enrolled with the worksite: its id and token. */
    record Enrolled(String id, String token) {
    }

    Enrolled enrolled(String worksite, String label) {
        String code = hub.enrolments().issueCode("worksite", worksite, label, Duration.ofDays(1));
        String id = UUID.randomUUID().toString();
        return new Enrolled(id, hub.enrolments().enrol(code, id, null).orElseThrow().token());
    }

    /** A change the hub refuses (a table it does not know): it goes to the laptop's quarantine. */
    static Operation refusedChange(long number, String worksite) {
        return new Operation(number, "table_inconnue", UUID.randomUUID().toString(), worksite, Map.of("a", 1),
                "018e4a1b2c3d-0000-poste", 0);
    }

    String deviceOf(String worksite) {
        String code = hub.enrolments().issueCode("worksite", worksite, "<b>Poste</b> " + worksite, Duration.ofDays(1));
        String id = UUID.randomUUID().toString();
        hub.enrolments().enrol(code, id, null).orElseThrow();
        return id;
    }

    @Test
    void nothingButTheSignInPageAndTheStyleSheetIsReachableWithoutASession() {
        String lyonDevice = deviceOf(LYON_WORKSITE);
        ConsoleClient anonymous = client();
        assertThat(anonymous.get("/console/connexion").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/console/style.css").statusCode()).isEqualTo(200);
        for (String path : List.of("/console", "/console/", "/console/postes", "/console/second-facteur",
                "/console/chantiers/" + LILLE_WORKSITE, "/console/territoires/lille",
                "/console/postes/" + lyonDevice + "/revocation", "/console/inexistante")) {
            HttpResponse<String> page = anonymous.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(303);
            assertThat(ConsoleClient.location(page)).as(path).containsExactly("/console/connexion");
            assertThat(page.body()).as(path).doesNotContain("ABEJ").doesNotContain("Poste");
        }
        for (String path : List.of("/console/deconnexion", "/console/second-facteur",
                "/console/chantiers/" + LILLE_WORKSITE + "/codes", "/console/territoires/lille/codes",
                "/console/postes/" + lyonDevice + "/revocation")) {
            HttpResponse<String> refused = anonymous.post(path, "csrf", "x", "label", "Intrus", "days", "7",
                    "code", "123456");
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(store.read(r -> r.device(lyonDevice)).orElseThrow().revoked()).isFalse();
        assertThat(store.read(r -> r.devices()).size()).isEqualTo(1);
    }

    @Test
    void aCoordinatorSignsInWithThePasswordAndTheCookieIsHttpOnlyStrictAndRandom() {
        ConsoleClient client = signedIn("colette", COORDINATOR_PASSWORD, null);
        String session = client.setCookies.stream().filter(c -> c.startsWith("terrain_console=")).findFirst()
                .orElseThrow();
        assertThat(session).contains("; Path=/console").contains("; HttpOnly").contains("; SameSite=Strict")
                // Plain HTTP here: Secure would make the browser drop it (docs/hub-operations.md, Console).
                .doesNotContain("Secure");
        assertThat(client.cookie("terrain_console")).matches("[A-Za-z0-9_-]{43}");
        HttpResponse<String> home = client.get("/console");
        assertThat(home.body()).contains("Bonjour Colette Coordination").contains("l’export CSV et le PDF")
                .doesNotContain("Pas encore construit")
                .contains("href=\"/console/postes\"").contains("href=\"/console/tableau-annuel\"")
                .contains("href=\"/console/sante\"").contains("href=\"/console/journal\"")
                .contains("href=\"/console/mot-de-passe\"");
        assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(store.auditJournal(10)).anyMatch(e -> e.actor().equals("colette") && e.action().equals("sign-in"));
    }

    @Test
    void behindAnHttpsProxyTheCookieIsSecure() {
        hub.close();
        hub = Hub.create(HubConfig.defaults(0).withHost("127.0.0.1")
                .withRequestLimits(RequestLimits.defaults().withForwardedFor(true)), store, clock);
        ConsoleClient client = client().header("X-Forwarded-Proto", "https");
        HttpResponse<String> form = client.get("/console/connexion");
        client.post("/console/connexion", "csrf", ConsoleClient.csrf(form), "login", "colette", "password",
                COORDINATOR_PASSWORD);
        assertThat(client.setCookies).filteredOn(c -> c.startsWith("terrain_console="))
                .allMatch(c -> c.contains("; Secure"));
    }

    @Test
    void overDirectHttpsTheCookiesAreSecure() throws Exception {
        Path keystore = dir.resolve("hub.p12");
        String password = "changeit-console";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hub", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", password).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(keystore)) {
            trusted.load(in, password.toCharArray());
        }
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);

        hub.close();
        hub = Hub.create(HubConfig.defaults(0).withHost("127.0.0.1").withTls(keystore, password), store, clock);
        ConsoleClient client = new ConsoleClient("https://127.0.0.1:" + hub.port(), ssl);
        HttpResponse<String> form = client.get("/console/connexion");
        assertThat(client.post("/console/connexion", "csrf", ConsoleClient.csrf(form), "login", "colette",
                "password", COORDINATOR_PASSWORD).statusCode()).isEqualTo(303);
        assertThat(client.get("/console").statusCode()).isEqualTo(200);
        assertThat(client.setCookies).filteredOn(c -> c.startsWith("terrain_console")).isNotEmpty()
                .allMatch(c -> c.contains("; Secure") && c.contains("; HttpOnly") && c.contains("; SameSite=Strict"));
    }

    @Test
    void aNationalAccountNeedsItsSecondFactorAndACodeServesOnce() {
        ConsoleClient client = client();
        HttpResponse<String> form = client.get("/console/connexion");
        HttpResponse<String> password = client.post("/console/connexion", "csrf", ConsoleClient.csrf(form),
                "login", "nadia", "password", NATIONAL_PASSWORD);
        assertThat(ConsoleClient.location(password)).containsExactly("/console/second-facteur");
        // The password alone opens nothing: every page leads back to the code.
        for (String path : List.of("/console", "/console/postes", "/console/chantiers/" + LYON_WORKSITE)) {
            HttpResponse<String> page = client.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(303);
            assertThat(ConsoleClient.location(page)).as(path).containsExactly("/console/second-facteur");
        }
        assertThat(client.post("/console/chantiers/" + LILLE_WORKSITE + "/codes", "csrf",
                ConsoleClient.csrf(client.get("/console/second-facteur")), "label", "X", "days", "7").statusCode())
                .isEqualTo(403);
        HttpResponse<String> factor = client.get("/console/second-facteur");
        assertThat(factor.body()).contains("<label for=\"code\">");
        HttpResponse<String> wrong = client.post("/console/second-facteur", "csrf", ConsoleClient.csrf(factor),
                "code", "000000".equals(Totp.codeAt(nationalSecret, clock.millis())) ? "111111" : "000000");
        assertThat(wrong.statusCode()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(2));
        String code = Totp.codeAt(nationalSecret, clock.millis());
        HttpResponse<String> right = client.post("/console/second-facteur", "csrf", ConsoleClient.csrf(factor),
                "code", code);
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(client.get("/console").body()).contains("Compte national");

        ConsoleClient replay = client();
        HttpResponse<String> again = replay.post("/console/connexion", "csrf",
                ConsoleClient.csrf(replay.get("/console/connexion")), "login", "nadia", "password", NATIONAL_PASSWORD);
        assertThat(again.statusCode()).isEqualTo(303);
        HttpResponse<String> replayed = replay.post("/console/second-facteur", "csrf",
                ConsoleClient.csrf(replay.get("/console/second-facteur")), "code", code);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replay.get("/console").statusCode()).isEqualTo(303);
        assertThat(store.auditJournal(20)).extracting(AuditEntry::action)
                .contains("sign-in-password-accepted", "sign-in-refused", "sign-in");
    }

    @Test
    void wrongPasswordsMakeTheNextAttemptWaitLongerEachTime() {
        ConsoleClient client = client();
        assertThat(attempt(client, "colette", "faux").statusCode()).isEqualTo(401);
        HttpResponse<String> early = attempt(client, "colette", COORDINATOR_PASSWORD);
        assertThat(early.statusCode()).isEqualTo(429);
        assertThat(early.body()).contains("réessayez dans 1 seconde");
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempt(client, "colette", "encore faux").statusCode()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempt(client, "colette", COORDINATOR_PASSWORD).body()).contains("réessayez dans 1 seconde");
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempt(client, "colette", COORDINATOR_PASSWORD).statusCode()).isEqualTo(303);
        // Cleared by the right password; an unknown login is refused alike and journaled without a name.
        assertThat(store.account("colette").orElseThrow().failedAttempts()).isZero();
        assertThat(attempt(client(), "personne", "x").statusCode()).isEqualTo(401);
        assertThat(store.auditJournal(50)).extracting(AuditEntry::action)
                .contains("sign-in-refused", "sign-in-delayed", "sign-in");
        assertThat(store.auditJournal(50)).noneMatch(e -> (e.actor() + e.detail()).contains("personne")
                || e.detail().contains("faux") || e.detail().contains(COORDINATOR_PASSWORD));
        assertThat(ConsoleAccounts.delaySeconds(5)).isEqualTo(16);
        assertThat(ConsoleAccounts.delaySeconds(40)).isEqualTo(ConsoleAccounts.MAX_DELAY_SECONDS);
    }

    HttpResponse<String> attempt(ConsoleClient client, String login, String password) {
        HttpResponse<String> form = client.get("/console/connexion");
        return client.post("/console/connexion", "csrf", ConsoleClient.csrf(form), "login", login, "password",
                password);
    }

    @Test
    void everyPostWithoutTheSessionsCsrfTokenIsRefused() {
        String device = deviceOf(LILLE_WORKSITE);
        ConsoleClient client = signedIn("colette", COORDINATOR_PASSWORD, null);
        assertThat(client.post("/console/chantiers/" + LILLE_WORKSITE + "/codes", "label", "Sandrine", "days", "7")
                .statusCode()).isEqualTo(403);
        assertThat(client.post("/console/chantiers/" + LILLE_WORKSITE + "/codes", "csrf", "faux", "label", "Sandrine",
                "days", "7").statusCode()).isEqualTo(403);
        assertThat(client.post("/console/postes/" + device + "/revocation", "csrf", "faux").statusCode())
                .isEqualTo(403);
        assertThat(client.post("/console/deconnexion").statusCode()).isEqualTo(403);
        assertThat(store.read(r -> r.device(device)).orElseThrow().revoked()).isFalse();
        // The sign-in form's token must match its cookie.
        ConsoleClient other = client();
        other.get("/console/connexion");
        assertThat(other.post("/console/connexion", "csrf", "autre", "login", "colette", "password",
                COORDINATOR_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(store.auditJournal(20)).extracting(AuditEntry::action).contains("csrf-refused");
        // Signing out with the token ends the session.
        HttpResponse<String> home = client.get("/console");
        assertThat(client.post("/console/deconnexion", "csrf", ConsoleClient.csrf(home)).statusCode()).isEqualTo(303);
        assertThat(client.get("/console").statusCode()).isEqualTo(303);
    }

    @Test
    void aCoordinatorNeverSeesNorActsOnAnotherTerritory() {
        String lyonDevice = deviceOf(LYON_WORKSITE);
        String lilleDevice = deviceOf(LILLE_WORKSITE);
        ConsoleClient colette = signedIn("colette", COORDINATOR_PASSWORD, null);
        HttpResponse<String> devices = colette.get("/console/postes");
        assertThat(devices.body()).contains("ABEJ Solidarité").contains(lilleDevice)
                .doesNotContain("Armée du Salut Lyon").doesNotContain(lyonDevice)
                // A label is text, never markup.
                .contains("&lt;b&gt;Poste&lt;/b&gt;").doesNotContain("<b>Poste</b>");
        String csrf = ConsoleClient.csrf(devices);
        assertThat(colette.get("/console/chantiers/" + LYON_WORKSITE).statusCode()).isEqualTo(403);
        assertThat(colette.get("/console/territoires/lyon").statusCode()).isEqualTo(403);
        assertThat(colette.get("/console/postes/" + lyonDevice + "/revocation").statusCode()).isEqualTo(403);
        assertThat(colette.post("/console/chantiers/" + LYON_WORKSITE + "/codes", "csrf", csrf, "label", "X",
                "days", "7").statusCode()).isEqualTo(403);
        assertThat(colette.post("/console/territoires/lyon/codes", "csrf", csrf, "label", "X", "days", "7")
                .statusCode()).isEqualTo(403);
        assertThat(colette.post("/console/postes/" + lyonDevice + "/revocation", "csrf", csrf).statusCode())
                .isEqualTo(403);
        assertThat(store.read(r -> r.device(lyonDevice)).orElseThrow().revoked()).isFalse();
        assertThat(store.auditJournal(20)).filteredOn(e -> e.action().equals("access-refused")).hasSize(6);
        assertThat(colette.get("/console/chantiers/" + LILLE_WORKSITE).statusCode()).isEqualTo(200);
        HttpResponse<String> unknownWorksite = colette.get("/console/chantiers/atlantide");
        assertThat(unknownWorksite.statusCode()).isEqualTo(404);
        assertThat(unknownWorksite.body()).contains("Chantier inconnu du hub");
        HttpResponse<String> noPage = colette.get("/console/nulle-part");
        assertThat(noPage.statusCode()).isEqualTo(404);
        assertThat(noPage.body()).contains("Page introuvable").contains("lang=\"fr\"");

        ConsoleClient nadia = signedIn("nadia", NATIONAL_PASSWORD, nationalSecret);
        assertThat(nadia.get("/console/postes").body()).contains("ABEJ Solidarité").contains("Armée du Salut Lyon");
        assertThat(nadia.get("/console/chantiers/" + LYON_WORKSITE).statusCode()).isEqualTo(200);
    }

    @Test
    void aCoordinatorEnrolsALaptopThenRevokesItAndItsNextSyncIsRefused() throws Exception {
        ConsoleClient client = signedIn("colette", COORDINATOR_PASSWORD, null);
        HttpResponse<String> worksite = client.get("/console/chantiers/" + LILLE_WORKSITE);
        assertThat(worksite.body()).contains("<label for=\"label\">").contains("<label for=\"days\">");
        HttpResponse<String> issued = client.post("/console/chantiers/" + LILLE_WORKSITE + "/codes", "csrf",
                ConsoleClient.csrf(worksite), "label", "Sandrine", "days", "7");
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.body()).contains("Valable jusqu’au 14/12/2026 à 10:00");
        Matcher code = Pattern.compile("class=\"code\" id=\"code\">([A-Z2-9-]{14})<").matcher(issued.body());
        assertThat(code.find()).isTrue();
        String deviceId = UUID.randomUUID().toString();
        String token = hub.enrolments().enrol(code.group(1), deviceId, "portable").orElseThrow().token();
        assertThat(sync(deviceId, token).statusCode()).isEqualTo(200);
        assertThat(store.auditJournal(20)).anyMatch(e -> e.action().equals("enrolment-code-issued")
                && e.detail().equals("worksite=" + LILLE_WORKSITE + " days=7"));

        HttpResponse<String> devices = client.get("/console/postes");
        assertThat(devices.body()).contains("Sandrine — portable").contains("07/12/2026 à 10:00").contains("Actif");
        HttpResponse<String> confirm = client.get("/console/postes/" + deviceId + "/revocation");
        assertThat(confirm.body()).contains("Révoquer définitivement ce poste").contains("Annuler");
        assertThat(store.read(r -> r.device(deviceId)).orElseThrow().revoked()).isFalse();
        HttpResponse<String> revoked = client.post("/console/postes/" + deviceId + "/revocation", "csrf",
                ConsoleClient.csrf(confirm));
        assertThat(revoked.body()).contains("Poste révoqué");
        assertThat(client.get("/console/postes").body()).contains("Révoqué le 07/12/2026");

        HttpResponse<String> refused = sync(deviceId, token);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("device-revoked");
        assertThat(store.auditJournal(20)).anyMatch(e -> e.action().equals("device-revoked")
                && e.detail().contains(deviceId));
    }

    HttpResponse<String> sync(String deviceId, String token) throws Exception {
        return sync(deviceId, token, List.of(), 0, null);
    }

    HttpResponse<String> sync(String deviceId, String token, List<Operation> operations, long seenUpTo,
                              ClientReport report) throws Exception {
        byte[] body = SyncCodec.encode(new SyncRequest(SyncCodec.PROTOCOL, deviceId, null, 0, seenUpTo, operations,
                false, null, null, null, null, report));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port()
                        + SyncCodec.SYNC_PATH)).header("Authorization", "Bearer " + token)
                .header("Content-Type", SyncCodec.CONTENT_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anIdleSessionExpiresAndADisabledAccountIsSignedOut() {
        ConsoleClient idle = signedIn("colette", COORDINATOR_PASSWORD, null);
        clock.advance(Duration.ofMinutes(29));
        assertThat(idle.get("/console").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        assertThat(idle.get("/console").statusCode()).isEqualTo(303);

        ConsoleClient active = signedIn("colette", COORDINATOR_PASSWORD, null);
        accounts.disable("colette");
        assertThat(active.get("/console").statusCode()).isEqualTo(303);
        assertThat(attempt(client(), "colette", COORDINATOR_PASSWORD).statusCode()).isEqualTo(401);
    }
    @Test
    void theDevicesPageShowsWhatEachLaptopReportedItsQuarantineAndItsHistory() throws Exception {
        Enrolled lille = enrolled(LILLE_WORKSITE, "Portable Lille");
        Enrolled lyon = enrolled(LYON_WORKSITE, "Portable Lyon");
        long threeDaysAgo = clock.millis() - Duration.ofDays(3).toMillis();
        // The laptop already holds 2 refused changes (the oldest 3 days old) and sends one the hub refuses now.
        assertThat(sync(lille.id(), lille.token(), List.of(refusedChange(1, LILLE_WORKSITE)), 0,
                new ClientReport("0.3.0", "sandrine", 2, threeDaysAgo)).statusCode()).isEqualTo(200);
        assertThat(sync(lyon.id(), lyon.token()).statusCode()).isEqualTo(200);

        ConsoleClient colette = signedIn("colette", COORDINATOR_PASSWORD, null);
        String devices = colette.get("/console/postes").body();
        assertThat(devices).contains("Portable Lille").contains("sandrine").contains("0.3.0")
                .contains("3 modifications").contains("depuis le 04/12/2026 (3\u00a0jours)")
                .contains("07/12/2026 à 10:00").doesNotContain("Portable Lyon");
        HttpResponse<String> history = colette.get("/console/postes/" + lille.id() + "/historique");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("Historique du poste «\u00a0Portable Lille\u00a0»")
                .contains("<td class=\"number\">1</td>").contains("Terminé, à jour");
        assertThat(store.syncHistory(lille.id(), 10)).singleElement().satisfies(e -> {
            assertThat(e.operations()).isEqualTo(1);
            assertThat(e.refused()).isEqualTo(1);
            assertThat(e.outcome()).isEqualTo(SyncExchange.DONE);
        });
        // Another territory's laptop: neither its history nor its line.
        assertThat(colette.get("/console/postes/" + lyon.id() + "/historique").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> csv = colette.getBytes("/console/postes.csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"postes.csv\"");
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFTerritoire;Chantier;Poste;Personne;Version;Enrôlé le;"
                + "Dernière synchronisation réussie;Modifications en quarantaine;Plus ancienne en quarantaine;État");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).split(";")).containsExactly("Lille", "ABEJ Solidarité (Lille)", "Portable Lille",
                "sandrine", "0.3.0", "07/12/2026", "07/12/2026 à 10:00", "3", "04/12/2026", "Actif");

        // The next sync says the laptop recorded the refusal: still 3, all on the laptop now.
        clock.advance(Duration.ofMinutes(5));
        sync(lille.id(), lille.token(), List.of(), 1, new ClientReport("0.3.0", "sandrine", 3, threeDaysAgo));
        assertThat(store.waitingRejections()).doesNotContainKey(lille.id());
        assertThat(colette.get("/console/postes").body()).contains("3 modifications");

        ConsoleClient nadia = signedIn("nadia", NATIONAL_PASSWORD, nationalSecret);
        assertThat(nadia.get("/console/postes").body()).contains("Portable Lyon").contains("Portable Lille")
                .contains("non indiquée");
        assertThat(new String(nadia.getBytes("/console/postes.csv").body(), StandardCharsets.UTF_8).lines())
                .hasSize(3);
        assertThat(nadia.get("/console/postes/" + lyon.id() + "/historique").statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedLaptopsRefusedSyncIsInItsHistory() throws Exception {
        Enrolled lille = enrolled(LILLE_WORKSITE, "Portable perdu");
        hub.enrolments().revoke(lille.id());
        assertThat(sync(lille.id(), lille.token()).statusCode()).isEqualTo(403);
        ConsoleClient colette = signedIn("colette", COORDINATOR_PASSWORD, null);
        assertThat(colette.get("/console/postes/" + lille.id() + "/historique").body())
                .contains("Refusé\u00a0: poste révoqué");
    }

    @Test
    void theSyncHealthPageCountsByWorksiteOnlyWithinTheAccountsTerritory() throws Exception {
        Enrolled lille = enrolled(LILLE_WORKSITE, "Portable Lille");
        Enrolled lyon = enrolled(LYON_WORKSITE, "Portable Lyon");
        long twoDaysAgo = clock.millis() - Duration.ofDays(2).toMillis();
        sync(lille.id(), lille.token(), List.of(refusedChange(1, LILLE_WORKSITE), refusedChange(2, LILLE_WORKSITE)),
                0, null);
        sync(lyon.id(), lyon.token(), List.of(), 0, new ClientReport(null, null, 5, twoDaysAgo));

        ConsoleClient colette = signedIn("colette", COORDINATOR_PASSWORD, null);
        HttpResponse<String> page = colette.get("/console/sante");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Version du hub").contains(store.databaseKind())
                .contains("aucune suppression purgée encore").contains("ABEJ Solidarité")
                .contains("2 modifications").contains("la plus ancienne en attente depuis aujourd’hui")
                .doesNotContain("Armée du Salut").doesNotContain("5 modifications");
        List<String> csv = new String(colette.getBytes("/console/sante.csv").body(), StandardCharsets.UTF_8).lines()
                .toList();
        assertThat(csv).containsExactly("\uFEFFTerritoire;Chantier;Conflits ouverts;Âge du plus ancien conflit "
                        + "(jours);Modifications en quarantaine;Âge de la plus ancienne (jours);Postes actifs",
                "Lille;ABEJ Solidarité (Lille);0;;2;0;1");

        ConsoleClient nadia = signedIn("nadia", NATIONAL_PASSWORD, nationalSecret);
        assertThat(nadia.get("/console/sante").body()).contains("Armée du Salut").contains("5 modifications")
                .contains("la plus ancienne en attente depuis le 05/12/2026 (2\u00a0jours)");
        assertThat(new String(nadia.getBytes("/console/sante.csv").body(), StandardCharsets.UTF_8).lines())
                .contains("Lyon;Armée du Salut Lyon (Lyon);0;;5;2;1");
    }

    @Test
    void theJournalShowsTheNewestFirstByPagesAndACoordinatorOnlyTheirTerritorysAccounts() {
        accounts.add("leon", "Léon Lyon", ConsoleAccount.Role.COORDINATOR, "lyon", "mot-de-passe-lyon!".toCharArray(),
                false);
        for (int i = 0; i < 60; i++) {
            store.audit(new AuditEntry(clock.millis() - 1000 + i, "colette", "enrolment-code-issued",
                    "worksite=" + LILLE_WORKSITE + " n=" + i));
        }
        store.audit(new AuditEntry(clock.millis(), "leon", "device-revoked", "device=lyon-1"));
        ConsoleClient colette = signedIn("colette", COORDINATOR_PASSWORD, null);
        String first = colette.get("/console/journal").body();
        assertThat(first).contains("Journal de la console").contains("Connexion").contains("Page 1 sur 2")
                .contains("n=59").doesNotContain("n=0<").doesNotContain("lyon-1").doesNotContain("leon");
        assertThat(first.indexOf("Connexion")).isLessThan(first.indexOf("n=59"));
        assertThat(first.indexOf("n=59")).isLessThan(first.indexOf("n=58"));
        String second = colette.get("/console/journal?page=2").body();
        assertThat(second).contains("Page 2 sur 2").contains("n=0<").doesNotContain("n=59");
        assertThat(colette.get("/console/journal?page=abc").statusCode()).isEqualTo(200);

        ConsoleClient nadia = signedIn("nadia", NATIONAL_PASSWORD, nationalSecret);
        assertThat(nadia.get("/console/journal").body()).contains("lyon-1").contains("leon").contains("nadia");
    }

    @Test
    void aPersonChangesTheirPasswordWithTheCurrentOneAndTheNewOneTwice() {
        ConsoleClient colette = signedIn("colette", COORDINATOR_PASSWORD, null);
        HttpResponse<String> form = colette.get("/console/mot-de-passe");
        assertThat(form.body()).contains("<label for=\"current\">").contains("<label for=\"new\">")
                .contains("<label for=\"confirm\">");
        String csrf = ConsoleClient.csrf(form);
        String replacement = "un-nouveau-mot-de-passe";
        assertThat(colette.post("/console/mot-de-passe", "csrf", "faux", "current", COORDINATOR_PASSWORD, "new",
                replacement, "confirm", replacement).statusCode()).isEqualTo(403);
        HttpResponse<String> mismatch = colette.post("/console/mot-de-passe", "csrf", csrf, "current",
                COORDINATOR_PASSWORD, "new", replacement, "confirm", replacement + "x");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("Les deux saisies du nouveau mot de passe diffèrent.");
        assertThat(colette.post("/console/mot-de-passe", "csrf", csrf, "current", COORDINATOR_PASSWORD, "new",
                "court", "confirm", "court").body()).contains("trop court");
        HttpResponse<String> wrong = colette.post("/console/mot-de-passe", "csrf", csrf, "current", "pas-le-bon",
                "new", replacement, "confirm", replacement);
        assertThat(wrong.body()).contains("Le mot de passe actuel n’est pas le bon.");
        // A wrong current password counts as a wrong sign-in: the next try waits.
        assertThat(colette.post("/console/mot-de-passe", "csrf", csrf, "current", COORDINATOR_PASSWORD, "new",
                replacement, "confirm", replacement).body()).contains("réessayez dans 1 seconde");
        clock.advance(Duration.ofSeconds(2));
        HttpResponse<String> done = colette.post("/console/mot-de-passe", "csrf", csrf, "current",
                COORDINATOR_PASSWORD, "new", replacement, "confirm", replacement);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Mot de passe changé");
        assertThat(attempt(client(), "colette", COORDINATOR_PASSWORD).statusCode()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(2));
        assertThat(attempt(client(), "colette", replacement).statusCode()).isEqualTo(303);
        assertThat(store.auditJournal(30)).extracting(AuditEntry::action).contains("password-changed",
                "password-change-refused").noneMatch(a -> a.contains(replacement));
        assertThat(store.auditJournal(30)).extracting(AuditEntry::detail).noneMatch(d -> d.contains(replacement));
    }

    @Test
    void aCoordinatorsJournalShowsTheNationalTeamsActionsOnTheirTerritoryAndNothingElseOfOthers() {
        // A Lyon worksite whose id begins with a Lille one's: a detail's words are matched whole.
        String lyonBis = LILLE_WORKSITE + "-bis";
        store.write(tx -> {
            tx.putWorksite(new WorksiteInfo(lyonBis, "Chantier bis", "Lyon", "Auvergne-Rhône-Alpes", "lyon", true,
                    true));
            return null;
        });
        accounts.add("leon", "Léon Lyon", ConsoleAccount.Role.COORDINATOR, "lyon", "mot-de-passe-lyon!".toCharArray(),
                false);
        String lilleDevice = deviceOf(LILLE_WORKSITE);
        ConsoleClient nadia = signedIn("nadia", NATIONAL_PASSWORD, nationalSecret);
        String csrf = ConsoleClient.csrf(nadia.get("/console/chantiers/" + LILLE_WORKSITE));
        for (String scope : List.of("/console/chantiers/" + LILLE_WORKSITE, "/console/territoires/lille",
                "/console/chantiers/" + lyonBis, "/console/territoires/lyon")) {
            assertThat(nadia.post(scope + "/codes", "csrf", csrf, "label", "Poste", "days", "7").statusCode())
                    .as(scope).isEqualTo(200);
        }
        assertThat(nadia.post("/console/postes/" + lilleDevice + "/revocation", "csrf", csrf).statusCode())
                .isEqualTo(200);
        assertThat(nadia.get("/console/tableau-annuel/territoires/lille?annee=2026").statusCode()).isEqualTo(200);
        assertThat(nadia.get("/console/tableau-annuel/territoires/lyon?annee=2026").statusCode()).isEqualTo(200);
        assertThat(nadia.get("/console/releve-mensuel?chantier=" + LILLE_WORKSITE + "&mois=2026-11").statusCode())
                .isEqualTo(200);
        // Léon, of Lyon, tries a Lille page: his refusal is Lyon's business, not Lille's.
        ConsoleClient leon = signedIn("leon", "mot-de-passe-lyon!", null);
        assertThat(leon.get("/console/chantiers/" + LILLE_WORKSITE).statusCode()).isEqualTo(403);

        ConsoleClient colette = signedIn("colette", COORDINATOR_PASSWORD, null);
        String journal = colette.get("/console/journal").body();
        assertThat(journal).contains("worksite=" + LILLE_WORKSITE + " days=7").contains("territory=lille days=7")
                .contains("device=" + lilleDevice + " worksite=" + LILLE_WORKSITE)
                .contains("territory=lille year=2026").contains("worksite=" + LILLE_WORKSITE + " month=2026-11")
                .contains("Relevé mensuel consulté").contains(">nadia<")
                // The command line's creation of Léon's account names Lyon, not Lille.
                .doesNotContain(lyonBis).doesNotContain("territory=lyon").doesNotContain("leon")
                .doesNotContain("access-refused");
        assertThat(journal).contains("celles de l’équipe nationale");
        // The national account reads every line.
        assertThat(nadia.get("/console/journal").body()).contains(lyonBis).contains("territory=lyon days=7")
                .contains(">leon<");
    }

    @Test
    void aPasswordChangeEndsTheAccountsOtherSessionsAndKeepsThisOne() {
        ConsoleClient here = signedIn("colette", COORDINATOR_PASSWORD, null);
        ConsoleClient elsewhere = signedIn("colette", COORDINATOR_PASSWORD, null);
        ConsoleClient nadia = signedIn("nadia", NATIONAL_PASSWORD, nationalSecret);
        String replacement = "un-nouveau-mot-de-passe";

        HttpResponse<String> done = here.post("/console/mot-de-passe", "csrf",
                ConsoleClient.csrf(here.get("/console/mot-de-passe")), "current", COORDINATOR_PASSWORD, "new",
                replacement, "confirm", replacement);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Vos autres sessions");

        assertThat(here.get("/console").statusCode()).isEqualTo(200);
        HttpResponse<String> ended = elsewhere.get("/console");
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ConsoleClient.location(ended)).containsExactly("/console/connexion");
        // Another account's session is not touched.
        assertThat(nadia.get("/console").statusCode()).isEqualTo(200);
        assertThat(store.auditJournal(10)).anyMatch(e -> e.actor().equals("colette")
                && e.action().equals("password-changed") && e.detail().equals("other-sessions-ended=1"));
    }
}
