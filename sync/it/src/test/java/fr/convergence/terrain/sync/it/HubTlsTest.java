package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.HubTrust;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub over HTTPS with a self-signed certificate made at test time by the JDK's keytool (PKCS#12, as
 * {@code terrain-hub serve --keystore} takes it): laptops that trust that certificate sync through it; a client
 * that does not trust it is refused at the handshake; and the hub listens on HTTPS only — plain HTTP gets no
 * answer, so a bearer token is never sent in clear to this hub.
 */
class HubTlsTest {

    private static final String PASSWORD = "changeit-test";

    @TempDir
    Path dir;
    Path keystore;
    Path certificate;

    @BeforeEach
    void selfSignedCertificate() throws Exception {
        keystore = dir.resolve("hub.p12");
        certificate = dir.resolve("hub.pem");
        keytool("-genkeypair", "-alias", "hub", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost, O=Convergence Terrain test", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "hub", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-file", certificate.toString());
    }

    @Test
    void laptopsThatTrustTheHubCertificateSyncThroughHttpsOnly() throws Exception {
        HubConfig config = HubConfig.defaults(0).withTls(keystore, PASSWORD);
        try (SyncWorld world = new SyncWorld(dir, "jdbc:sqlite:" + dir.resolve("hub.db"), config,
                Clock.systemUTC())) {
            assertThat(world.hub.listening()).singleElement().asString().startsWith("https://")
                    .endsWith(":" + world.hub.port());
            URI https = URI.create("https://127.0.0.1:" + world.hub.port());
            SSLContext trust = HubTrust.trusting(certificate);
            SyncWorld.Laptop a1 = world.laptop("a1", "worksite", SyncWorld.SITE_A, https, Clock.systemUTC(), trust);
            SyncWorld.Laptop a2 = world.laptop("a2", "worksite", SyncWorld.SITE_A, https, Clock.systemUTC(), trust);
            Edits edits = new Edits(a1.store(), "esp");
            Participant p = edits.participant(SyncWorld.SITE_A, "Léa", "Nguyen");
            edits.hours(p, Edits.MONDAY, HoursKind.TRAVAIL_CHANTIER, 420);

            SyncReport up = a1.engine().sync(SyncProgress.NONE);
            SyncReport down = a2.engine().sync(SyncProgress.NONE);

            assertThat(up.operationsAcknowledged()).isPositive();
            assertThat(down.rowsReceived()).isGreaterThanOrEqualTo(3);
            assertThat(new HoursRepository(a2.store()).ofParticipant(p.id(), Edits.MONDAY, Edits.MONDAY))
                    .hasSize(1);
            assertThat(a2.snapshot()).isEqualTo(world.hubSnapshot(Set.of(SyncWorld.SITE_A)));

            // A client with only the JDK's public authorities does not trust a self-signed hub.
            SyncEngine untrusting = new SyncEngine(a1.store(), new HttpHubClient(https, null, Duration.ofSeconds(10)));
            assertThatThrownBy(() -> untrusting.sync(SyncProgress.NONE)).isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(SSLHandshakeException.class));

            // Plain HTTP to the hub's port: no HTTP answer at all, and the hub has no other port.
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI http = URI.create("http://127.0.0.1:" + world.hub.port() + "/health");
            int status;
            try {
                status = plain.send(HttpRequest.newBuilder(http).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            }
            assertThat(status).as("plain HTTP on the TLS port").isNotEqualTo(200);
        }
    }

    /** The handshake failure in the cause chain (the JDK client wraps it), else the exception itself. */
    private static Throwable rootCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                return t;
            }
        }
        return e;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }
}
