package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.app.sync.SyncFormats;
import fr.convergence.terrain.core.store.StoreException;
import fr.convergence.terrain.core.store.StoreBackups;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import fr.convergence.terrain.core.text.MessagePatterns;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.HubException;
import fr.convergence.terrain.sync.client.HubTrust;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code terrain sync}: one complete sync of a store with the hub, for scheduled or scripted use. Prints what
 * went up and down; exits non-zero when the sync did not complete (what was committed stays committed): 3 when trying
 * again later may work (network, hub unable to record or too busy for now), 4 when the hub refuses.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Synchronise un fichier de données avec le hub national.")
final class SyncCommand implements Callable<Integer> {

    private static final String NO_HUB = "Indiquez l’adresse du hub (--hub https://…)\u00a0: ce poste n’a pas encore été "
            + "enrôlé.";
    /** Said before any request: a laptop without a token has nothing to show a hub, so no hub is contacted. */
    private static final String NOT_ENROLLED = "Ce poste n’est pas encore enrôlé auprès du hub (aucun hub n’a été "
            + "contacté)\u00a0: enrôlez-le une fois avec --hub https://… --enrol CODE, le code d’enrôlement que "
            + "la coordination nationale crée sur le hub.";

    @Option(names = "--store", paramLabel = "FICHIER",
            required = true, description = "Fichier de données du poste (installé d’abord\u00a0: "
            + "«\u00a0terrain edit --store FICHIER setup …\u00a0» ou l’application).")
    Path store;

    @Option(names = "--hub", paramLabel = "URL",
            description = "Adresse du hub (https://…). Par défaut\u00a0: celle de l’enrôlement.")
    String hub;

    @Option(names = "--enrol", paramLabel = "CODE", description = "Enrôle d’abord le poste avec ce code.")
    String code;

    @Option(names = "--label", paramLabel = "NOM",
            defaultValue = "poste", description = "Nom du poste, à l’enrôlement.")
    String label;

    @Option(names = "--retries", paramLabel = "NOMBRE",
            defaultValue = "3", description = "Nouvelles tentatives si le réseau coupe.")
    int retries;

    @Option(names = "--trust-cert", paramLabel = "FICHIER", description = "Certificat du hub (PEM) à accepter, "
            + "s’il n’est pas signé par une autorité publique (certificat auto-signé ou autorité interne).")
    Path trustCertificate;

    /**
     * Who syncs: sync reads and writes personal fields and the hub token, so it signs in as a person, whose password
     * opens the store's data key (ADR 0005); a store without any account has no key and is never synced.
     */
    @Mixin
    PersonOptions person;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // A missing file is a wrong path or a laptop not installed yet: sync never creates a store.
        boolean create = !Files.exists(store);
        if (create && code == null) {
            err.println("Fichier de données introuvable\u00a0: " + store + ". Vérifiez le chemin\u00a0; pour un nouveau poste, "
                    + "installez-le d’abord (premier compte), puis enrôlez-le avec --enrol CODE.");
            return 2;
        }
        if (create) {
            // A new file would have no account, hence no key to encrypt what the hub sends (ADR 0005).
            err.println(SyncEngine.NO_ACCOUNT_YET);
            return 2;
        }
        SSLContext tls = null;
        if (trustCertificate != null) {
            try {
                tls = HubTrust.trusting(trustCertificate);
            } catch (IOException e) {
                err.println("Certificat du hub inutilisable (--trust-cert)\u00a0: " + network(e)
                        + ". Donnez le fichier PEM du certificat que l’équipe du hub vous a remis.");
                return 2;
            }
        }
        Optional<String> damage = StoreFile.damage(store);
        if (damage.isPresent()) {
            err.println(damage.get());
            return 2;
        }
        if (TerrainStore.schemaVersionOf(store).isEmpty()) {
            err.println(StoreFile.notAStore(store));
            return 2;
        }
        try (TerrainStore terrainStore = TerrainStore.open(store)) {
            if (new UserRepository(terrainStore).count() == 0) {
                err.println(SyncEngine.NO_ACCOUNT_YET);
                return 2;
            }
            String url = hub != null ? hub : new SyncRepository(terrainStore).state(SyncRepository.HUB_URL).orElse(null);
            HttpHubClient client = null;
            IllegalArgumentException refusedAddress = null;
            if (url != null) {
                try {
                    client = new HttpHubClient(URI.create(url), tls, Duration.ofSeconds(120));
                    // The line's round trips (TCP, TLS) pass while the password is checked (≈ 1 s, on purpose):
                    // the exchange then goes on that connection. No token is sent before the sign-in.
                    client.connectAhead();
                } catch (IllegalArgumentException e) {
                    refusedAddress = e;
                }
            }
            person.signIn(terrainStore, spec);
            if (code == null && !new SyncRepository(terrainStore).hasState(SyncRepository.TOKEN)) {
                err.println(NOT_ENROLLED);
                return 2;
            }
            if (url == null) {
                err.println(NO_HUB);
                return 2;
            }
            if (refusedAddress != null) {
                // An http:// hub on another machine (or no address at all): refused before any request.
                err.println(refusedAddress.getMessage());
                return 2;
            }
            SyncEngine engine = new SyncEngine(terrainStore, client);
            if (code != null) {
                var enrolled = engine.enrol(url, code, label);
                out.printf("Poste enrôlé\u00a0: %s (%s %s)%n", enrolled.deviceId(), enrolled.scopeKind(), enrolled.scopeId());
            }
            try {
                // As the application does before a sync: at most one an hour, never in the way of the sync.
                StoreBackups.makeBeforeSyncIfDue(terrainStore);
            } catch (StoreException e) {
                err.println("Sauvegarde avant la synchronisation non faite\u00a0: " + e.getMessage());
            }
            for (int attempt = 0; ; attempt++) {
                try {
                    SyncReport r = engine.sync(SyncProgress.NONE);
                    out.println(MessagePatterns.french("Synchronisation terminée en {0, number, 0.0}\u00a0s\u00a0: "
                                    + "{1, plural, one {# opération envoyée} other {# opérations envoyées}}, "
                                    + "{2, plural, one {# ligne reçue} other {# lignes reçues}}, "
                                    + "{3, plural, one {# retirée} other {# retirées}}, "
                                    + "{4, plural, one {# conflit} other {# conflits}}, {5} refus (quarantaine), "
                                    + "{6, plural, one {# requête} other {# requêtes}}, "
                                    + "{7, plural, one {# octet envoyé} other {# octets envoyés}}, "
                                    + "{8, plural, one {# octet reçu} other {# octets reçus}}", r.millis() / 1000.0,
                            r.operationsSent(), r.rowsReceived(), r.rowsRemoved(), r.conflicts(), r.refused(),
                            r.requests(), r.bytesUp(), r.bytesDown()));
                    return 0;
                } catch (IOException e) {
                    if (attempt >= retries) {
                        err.println("Synchronisation interrompue (réseau)\u00a0: " + network(e)
                                + ". Ce qui a été reçu est conservé\u00a0; relancez plus tard.");
                        return 3;
                    }
                    Thread.sleep(Math.min(30_000, 1000L << attempt));
                }
            }
        } catch (IOException e) {
            err.println("Enrôlement impossible (réseau)\u00a0: " + network(e) + ". Vérifiez l’adresse du hub (--hub) et "
                    + "la connexion du poste, puis relancez\u00a0; le code d’enrôlement reste valable.");
            return 3;
        } catch (HubException e) {
            if (e.retryable()) {
                err.println(hubUnavailable(e, Clock.systemDefaultZone()));
                return 3;
            }
            err.println("Le hub refuse\u00a0: " + e.getMessage());
            return 4;
        } catch (StoreException e) {
            // A locked store (no one signed in) or a store without an account: the sentence says what to do.
            err.println(e.getMessage());
            return 2;
        }
    }

    /**
     * The hub cannot take the sync for now (its disk is full, too many requests, a fault on its side): nothing is lost,
     * and when to run the command again — not before the time the hub asked for (its {@code Retry-After}), in the
     * application's words.
     */
    static String hubUnavailable(HubException e, Clock clock) {
        Optional<Instant> free = e.retryAfterSeconds().isPresent()
                ? Optional.of(clock.instant().plusSeconds(e.retryAfterSeconds().getAsLong())) : Optional.empty();
        // The command line never tries again by itself: it says when to run it again.
        return SyncFormats.hubUnavailable(e, free, false, clock.getZone());
    }

    /** What went wrong on the way to the hub, in French: the Java exceptions' own messages are English or empty. */
    static String network(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.NoSuchFileException) {
                return "fichier introuvable (" + t.getMessage() + ")";
            }
            if (t instanceof java.net.ConnectException) {
                return "le hub ne répond pas à cette adresse (connexion refusée)";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "adresse du hub inconnue (" + t.getMessage() + ")";
            }
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return "le hub n’a pas répondu à temps";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "connexion sécurisée refusée (certificat du hub non reconnu\u00a0: voir --trust-cert)";
            }
        }
        return e.getMessage() == null ? "connexion coupée" : e.getMessage();
    }
}
