package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.sync.client.HubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the sync page needs of the open store, handed over by {@code app.data} (the only package that opens it):
 * the sync client's repository and engine, this laptop's identity, a setting, and the names of worksites and
 * territories for the scope.
 */
public interface SyncStore {

    SyncRepository repository();

    /** The sync engine over this store, talking to the hub through {@code hub}. */
    SyncEngine engine(HubClient hub);

    /** Demo stores never enrol nor sync. */
    boolean demo();

    /** This laptop's device id (the last part of the versions it makes). */
    String deviceId();

    /** The zone dates and times are shown in. */
    ZoneId zone();

    Optional<String> setting(String key);

    void putSetting(String key, String value);

    Optional<String> worksiteName(String worksiteId);

    Optional<String> territoryName(String territoryId);
}
