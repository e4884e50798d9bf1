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
    private final AccessPolicy access = new AccessPolicy(this::territoryOf);
    private volatile Map<String, String> territories;

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

    /**
     * The access policy of this store. Worksite → territory comes from the store's reference data, read once
     * and read again whenever a worksite is not known yet (one added by the demo data or an installation after
     * the store was opened), so a coordinator never gets a policy that forgot their territory's worksites.
     */
    public AccessPolicy access() {
        return access;
    }

    /** The territory of a worksite, or null when it is outside any territory (or unknown). */
    public String territoryOf(String worksiteId) {
        Map<String, String> known = territories;
        if (known == null || !known.containsKey(worksiteId)) {
            Map<String, String> read = new HashMap<>();
            reference.worksites().forEach(w -> read.put(w.id(), w.territoryId() == null ? "" : w.territoryId()));
            known = read;
            territories = known;
        }
        String territory = known.get(worksiteId);
        return territory == null || territory.isEmpty() ? null : territory;
    }

    /** Forgets the worksites read so far, after worksites were added. */
    void referenceChanged() {
        territories = null;
    }
}
