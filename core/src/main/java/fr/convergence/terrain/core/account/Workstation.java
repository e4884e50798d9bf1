package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.demo.DemoMarking;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The worksites of this laptop that {@code user} sees, by name: the laptop's own worksite, the worksites of
     * its territory and of the user's territory, the user's own worksites, and any worksite holding participants
     * here, each kept only if the {@link AccessPolicy} lets the user see it. An ESP or CIP gets their worksite; a
     * coordinator every worksite of their territory; an administrator the laptop's territory rather than all
     * 130 worksites of the reference data.
     */
    public List<Worksite> worksitesFor(User user) {
        Optional<Worksite> home = worksite();
        Set<String> territories = new HashSet<>();
        home.map(Worksite::territoryId).ifPresent(territories::add);
        if (user.role() == Role.COORDINATOR && user.territoryId() != null) {
            territories.add(user.territoryId());
        }
        Set<String> held = new HashSet<>(new ParticipantRepository(store).worksiteIds());
        home.ifPresent(w -> held.add(w.id()));
        if (user.worksiteIds() != null) {
            held.addAll(user.worksiteIds());
        }
        AccessPolicy policy = access();
        return reference.worksites().stream()
                .filter(w -> held.contains(w.id()) || territories.contains(w.territoryId()))
                .filter(w -> policy.canSee(user, w.id()))
                .toList();
    }

    /** The territories known to the store, by name (a coordinator's account is for one of them). */
    public List<Territory> territories() {
        return reference.territories();
    }

    /** Whether the store holds demonstration data (made by the demo generator). */
    public boolean demo() {
        return DemoMarking.isDemo(store);
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
