package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.app.data.LocalSyncStore;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.HubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sync client's work over one store, as {@link SyncAgent} asks for it: state, enrolment, one sync, and the
 * conflicts and refused changes to settle. Blocking (disk and network): call it from background work only.
 * The hub's address is only known after enrolment, so the transport is made from it on demand.
 */
public final class SyncService {

    /** Store setting: whether this laptop syncs on its own when the hub answers ("false" turns it off). */
    static final String AUTO_SYNC_META = "sync_auto";

    private final LocalSyncStore store;
    private final Function<URI, HubClient> transports;
    private final SyncRepository repository;
    private final SyncDescriptions descriptions;
    private URI clientUrl;
    private HubClient client;

    /** @param transports makes the hub transport for an address (HTTP in the application, fakes in tests) */
    public SyncService(LocalSyncStore store, Function<URI, HubClient> transports) {
        this.store = store;
        this.transports = transports;
        this.repository = store.repository();
        this.descriptions = new SyncDescriptions(repository, store.zone(), store.deviceId());
    }

    /** The transport of the application: HTTP(S), with timeouts sized for slow worksite links. */
    public static Function<URI, HubClient> http() {
        return url -> new HttpHubClient(url, null, Duration.ofSeconds(120));
    }

    /** Everything the page shows, read in one go. */
    public SyncOverview overview() {
        Optional<String> url = repository.state(SyncRepository.HUB_URL);
        boolean enrolled = repository.state(SyncRepository.TOKEN).isPresent();
        Long lastSync = repository.state(SyncRepository.LAST_SYNC).map(Long::parseLong).orElse(null);
        List<ConflictRow> conflicts = repository.openConflicts().stream().map(descriptions::conflict).toList();
        List<QuarantineRow> quarantine = repository.quarantine().stream().map(descriptions::quarantined).toList();
        return new SyncOverview(enrolled, url.orElse(null), repository.state(SyncRepository.SCOPE).map(this::scopeName)
                .orElse(null),
                lastSync, repository.pendingCount(), autoSync(), store.demo(), conflicts, quarantine,
                repository.state(SyncRepository.CLOCK_DRIFT).map(Long::parseLong).orElse(null));
    }

    /** Changes not acknowledged by the hub yet (the outbox and the numbered queue). */
    public int pendingCount() {
        return repository.pendingCount();
    }

    /** "worksite:abej-solidarite" → "worksite:ABEJ Solidarité" (the id if this laptop does not know it). */
    private String scopeName(String scope) {
        int colon = scope.indexOf(':');
        if (colon < 0) {
            return scope;
        }
        String kind = scope.substring(0, colon);
        String id = scope.substring(colon + 1);
        String name = (kind.equals("territory") ? store.territoryName(id) : store.worksiteName(id)).orElse(id);
        return kind + ":" + name;
    }

    public boolean autoSync() {
        return !"false".equals(store.setting(AUTO_SYNC_META).orElse("true"));
    }

    public void setAutoSync(boolean on) {
        store.putSetting(AUTO_SYNC_META, Boolean.toString(on));
    }

    /** Whether the hub this laptop is enrolled with answers now (false when not enrolled). */
    public boolean reachable() {
        return hub().map(HubClient::reachable).orElse(false);
    }

    /** Enrols this laptop with the one-time code the hub's administrator gave. */
    public EnrolResponse enrol(URI hubUrl, String code, String label) throws IOException {
        if (store.demo()) {
            throw new IllegalStateException("Les données de démonstration ne sont jamais envoyées au hub\u00a0: "
                    + "installez d’abord ce poste pour de vrai.");
        }
        return engine(client(hubUrl)).enrol(hubUrl.toString(), code, label);
    }

    /**
     * One complete sync (see {@link SyncEngine#sync}); {@code person}, the login of the account signed in (null:
     * none), is told to the hub for its console.
     */
    public SyncReport sync(String person, SyncProgress progress) throws IOException {
        if (store.demo()) {
            throw new IllegalStateException("Les données de démonstration ne sont jamais envoyées au hub.");
        }
        HubClient hub = hub().orElseThrow(() -> new IllegalStateException(
                "Ce poste n’est pas encore enrôlé\u00a0: saisissez l’adresse du hub et le code d’enrôlement."));
        store.backupBeforeSync();
        return store.engine(hub, person).sync(progress);
    }

    /** Keeps {@code value} (one of both, or a corrected one) as a new edit and closes the conflict. */
    public void resolve(String userId, String conflictId, String value) {
        repository.resolve(userId, conflictId, value);
    }

    /** Sends a refused change again as a new edit. */
    public void retry(String userId, long number) {
        repository.retry(userId, number);
    }

    /** Drops a refused change for good. */
    public void discard(long number) {
        repository.discard(number);
    }

    private Optional<HubClient> hub() {
        if (repository.state(SyncRepository.TOKEN).isEmpty()) {
            return Optional.empty();
        }
        return repository.state(SyncRepository.HUB_URL).map(url -> client(URI.create(url)));
    }

    private synchronized HubClient client(URI url) {
        if (client == null || !url.equals(clientUrl)) {
            client = transports.apply(url);
            clientUrl = url;
        }
        return client;
    }

    private SyncEngine engine(HubClient hub) {
        return store.engine(hub);
    }
}
