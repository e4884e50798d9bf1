package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.util.HashMap;
import java.util.Map;

/** Builds the {@link AccessPolicy} of a store from its worksites, so every service checks access the same way. */
public final class AccessPolicies {

    private AccessPolicies() {
    }

    /** Worksite → territory as stored; worksites outside any territory map to nothing. */
    public static AccessPolicy of(TerrainStore store) {
        Map<String, String> territories = new HashMap<>();
        for (Worksite worksite : new ReferenceRepository(store).worksites()) {
            if (worksite.territoryId() != null) {
                territories.put(worksite.id(), worksite.territoryId());
            }
        }
        return AccessPolicy.of(territories);
    }
}
