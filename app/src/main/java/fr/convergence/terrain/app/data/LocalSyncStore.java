package fr.convergence.terrain.app.data;

import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.client.HubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What {@code app.sync} needs of the open store, handed over by this package (the only one that opens it): the
 * sync client's repository and engine, this laptop's identity, its settings (in {@code store_meta}), and the names
 * of worksites and territories (from the reference tables) for the scope.
 */
public final class LocalSyncStore {

    private final TerrainStore store;
    private final SyncRepository repository;
    private final Workstation workstation;
    private final ReferenceRepository reference;

    public LocalSyncStore(TerrainStore store) {
        this.store = store;
        this.repository = new SyncRepository(store);
        this.workstation = new Workstation(store);
        this.reference = new ReferenceRepository(store);
    }

    public SyncRepository repository() {
        return repository;
    }

    /** The sync engine over this store, talking to the hub through {@code hub}. */
    public SyncEngine engine(HubClient hub) {
        return engine(hub, null);
    }

    /**
     * The sync engine, telling the hub this application's version (from the jar's manifest; unknown when run from
     * the build's classes) and {@code person}, the login of the account signed in (null: none).
     */
    public SyncEngine engine(HubClient hub, String person) {
        return new SyncEngine(store, hub, null, LocalSyncStore.class.getPackage().getImplementationVersion(), person);
    }

    /** A backup of the store before a sync, if none was made in the last hour ({@link LocalBackups}). */
    public void backupBeforeSync() {
        LocalBackups.beforeSyncIfDue(store);
    }

    /** Demo stores never enrol nor sync. */
    public boolean demo() {
        return workstation.demo();
    }

    /** This laptop's device id (the last part of the versions it makes). */
    public String deviceId() {
        return store.deviceId();
    }

    /** The zone dates and times are shown in. */
    public ZoneId zone() {
        return store.clock().getZone();
    }

    public Optional<String> setting(String key) {
        return store.meta(key);
    }

    public void putSetting(String key, String value) {
        store.putMeta(key, value);
    }

    public Optional<String> worksiteName(String worksiteId) {
        return reference.worksite(worksiteId).map(Worksite::name);
    }

    public Optional<String> territoryName(String territoryId) {
        return reference.territories().stream().filter(t -> t.id().equals(territoryId)).map(Territory::name)
                .findFirst();
    }
}
