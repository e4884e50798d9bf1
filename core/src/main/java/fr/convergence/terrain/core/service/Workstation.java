package fr.convergence.terrain.core.service;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.rules.AccessPolicy;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a store says about the laptop it lives on: its worksite, whether it holds demonstration data, and the
 * access policy built from its reference data. Shared by the services so they agree on who sees what.
 */
public final class Workstation {

    /** Store setting holding the id of the worksite this laptop was installed for. */
    public static final String WORKSITE_META_KEY = "workstation_worksite";

    private final TerrainStore store;
    private final ReferenceRepository reference;
    private volatile AccessPolicy access;

    public Workstation(TerrainStore store) {
        this.store = store;
        this.reference = new ReferenceRepository(store);
    }

    public TerrainStore store() {
        return store;
    }

    /** The worksite this laptop was installed for, if it has been installed. */
    public Optional<Worksite> worksite() {
        return store.meta(WORKSITE_META_KEY).flatMap(reference::worksite);
    }

    /** Whether the store holds demonstration data (made by the demo generator). */
    public boolean demo() {
        return store.meta(DemoDataGenerator.DEMO_META_KEY).isPresent();
    }

    /** Worksite → territory from the store's reference data, read once and then kept. */
    public AccessPolicy access() {
        AccessPolicy policy = access;
        if (policy == null) {
            Map<String, String> territories = new HashMap<>();
            reference.worksites().forEach(w -> {
                if (w.territoryId() != null) {
                    territories.put(w.id(), w.territoryId());
                }
            });
            policy = AccessPolicy.of(territories);
            access = policy;
        }
        return policy;
    }

    /** Forgets the cached policy after worksites were added. */
    void referenceChanged() {
        access = null;
    }
}
