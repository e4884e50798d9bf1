package fr.convergence.terrain.app.data;

import fr.convergence.terrain.app.sync.SyncStore;
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

/** The sync page's view of one open store (settings in {@code store_meta}, names from the reference tables). */
public final class LocalSyncStore implements SyncStore {

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

    @Override
    public SyncRepository repository() {
        return repository;
    }

    @Override
    public SyncEngine engine(HubClient hub) {
        return new SyncEngine(store, hub);
    }

    @Override
    public boolean demo() {
        return workstation.demo();
    }

    @Override
    public String deviceId() {
        return store.deviceId();
    }

    @Override
    public ZoneId zone() {
        return store.clock().getZone();
    }

    @Override
    public Optional<String> setting(String key) {
        return store.meta(key);
    }

    @Override
    public void putSetting(String key, String value) {
        store.putMeta(key, value);
    }

    @Override
    public Optional<String> worksiteName(String worksiteId) {
        return reference.worksite(worksiteId).map(Worksite::name);
    }

    @Override
    public Optional<String> territoryName(String territoryId) {
        return reference.territories().stream().filter(t -> t.id().equals(territoryId)).map(Territory::name)
                .findFirst();
    }
}
