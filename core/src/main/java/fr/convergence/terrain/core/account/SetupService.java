package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.security.RecoveryKey;
import fr.convergence.terrain.core.store.KeyRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.text.NameOrder;
import fr.convergence.terrain.core.verdict.Result;
import fr.convergence.terrain.core.verdict.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * First start of a laptop: either a demonstration store filled by the generator, or the real store installed
 * for one worksite with its first account. Works offline from the reference data shipped with the application.
 */
public final class SetupService {

    /** PHC worksites outside any Convergence territory are grouped under this pseudo-territory in the choice. */
    public static final String NO_TERRITORY = "";

    private final ReferenceData reference;

    public SetupService() {
        this(ReferenceData.load());
    }

    public SetupService(ReferenceData reference) {
        this.reference = reference;
    }

    /** The territories to choose from, by name. */
    public List<Territory> territories() {
        return reference.territories().stream().sorted(NameOrder.by(Territory::name)).toList();
    }

    /** The worksites of a territory, by name; {@link #NO_TERRITORY} gives the PHC worksites outside territories. */
    public List<Worksite> worksitesOf(String territoryId) {
        List<Worksite> result = new ArrayList<>();
        for (Worksite worksite : reference.worksites()) {
            boolean outside = worksite.territoryId() == null;
            if (NO_TERRITORY.equals(territoryId) ? outside : territoryId.equals(worksite.territoryId())) {
                result.add(worksite);
            }
        }
        result.sort(NameOrder.by(Worksite::name));
        return result;
    }

    /**
     * A laptop just installed: its first account, and the recovery key of its data (ADR 0005), to show once and
     * print for the coordinator; absent when the account was refused (nothing written) or the store already had
     * its key.
     */
    public record Installation(Result<User> account, Optional<RecoveryKey> recoveryKey) {
    }

    /**
     * Installs the real store for {@code worksiteId} with its first account (which gets that worksite): a
     * coordinator or an administrator, who then creates the other accounts. Nothing is written when the account is
     * refused. The recovery key made then is not returned: use {@link #installWithRecoveryKey} where a person can be
     * shown it.
     */
    public Result<User> install(TerrainStore store, PasswordHasher hasher, String worksiteId, String login,
                                String displayName, Role role, char[] password, char[] confirmation) {
        return installWithRecoveryKey(store, hasher, worksiteId, login, displayName, role, password, confirmation)
                .account();
    }

    /**
     * Installs the real store as {@link #install} does, and first gives it its data key: the store is encrypted
     * from its first personal field on, and unlocked for the person installing it.
     */
    public Installation installWithRecoveryKey(TerrainStore store, PasswordHasher hasher, String worksiteId,
                                               String login, String displayName, Role role, char[] password,
                                               char[] confirmation) {
        Worksite worksite = worksiteId == null ? null : reference.worksite(worksiteId).orElse(null);
        AuthService auth = new AuthService(store, hasher);
        Verdict check = auth.checkNewUser(login, displayName, role, Set.of(worksite == null ? "" : worksite.id()),
                password, confirmation);
        if (worksite == null) {
            check = Verdict.refused("Choisissez le chantier de ce poste.").and(check);
        }
        if (role == Role.ESP || role == Role.CIP) {
            // The first account manages the others (accounts page): it must be able to, and to see the whole file.
            check = check.and(Verdict.refused("Le premier compte du poste le gère et crée les autres comptes\u00a0: "
                    + "choisissez le rôle coordinateur·rice ou administrateur·rice. Les comptes des ESP et des CIP "
                    + "se créent ensuite, depuis la page Comptes."));
        }
        if (!check.saveAllowed()) {
            java.util.Arrays.fill(password, '\0');
            return new Installation(Result.refused(check), Optional.empty());
        }
        // The key first: the account made next gets its wrap of it (createUser), and nothing personal is ever clear.
        Optional<RecoveryKey> recovery = store.isEncrypted() ? Optional.empty()
                : Optional.of(new KeyRepository(store).encryptStore(null, null, hasher.iterations()));
        installReference(store);
        store.putMeta(Workstation.WORKSITE_META_KEY, worksite.id());
        String territory = role == Role.COORDINATOR ? worksite.territoryId() : null;
        return new Installation(auth.createUser("system", login, displayName, role, territory, Set.of(worksite.id()),
                password, confirmation), recovery);
    }

    /**
     * Gives a new laptop's store the shipped reference data (territories and worksites), which every page and the
     * sync's worksite list build on; adds only what the store lacks, so it is safe on an existing store.
     */
    public void installReference(TerrainStore store) {
        new ReferenceRepository(store).install(reference);
    }

    /** Fills an empty store with one worksite of demonstration data (accounts esp, cip, coordination, admin). */
    public DemoDataGenerator.Summary installDemo(TerrainStore store, PasswordHasher hasher, long seed,
                                                 LocalDate today) {
        DemoDataGenerator.Summary summary = new DemoDataGenerator(seed, today).generate(store, DemoSize.SITE, hasher);
        store.putMeta(Workstation.WORKSITE_META_KEY, summary.worksiteIds().get(0));
        return summary;
    }
}
