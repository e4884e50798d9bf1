package fr.convergence.terrain.app;

import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import java.util.Set;

/** Laptops installed for the tests the way a real one is: its first account manages it and creates the others. */
public final class TestAccounts {

    /** Follows the password rule (10 characters, not a common one); every test account uses it. */
    public static final String PASSWORD = "rouge-velo-lundi";

    private TestAccounts() {
    }

    /**
     * Installs the store for {@code worksite} and returns the account {@code login} with {@code role}: the first
     * account itself for a coordinator or an administrator; for an ESP or a CIP, an account that the installing
     * administrator ({@code installation}, « Installation du poste ») created.
     */
    public static User install(TerrainStore store, PasswordHasher hasher, String worksite, String login,
                               String displayName, Role role) {
        SetupService setup = new SetupService();
        if (role == Role.ADMIN || role == Role.COORDINATOR) {
            return setup.install(store, hasher, worksite, login, displayName, role, PASSWORD.toCharArray(),
                    PASSWORD.toCharArray()).value().orElseThrow();
        }
        User installer = setup.install(store, hasher, worksite, "installation", "Installation du poste", Role.ADMIN,
                PASSWORD.toCharArray(), PASSWORD.toCharArray()).value().orElseThrow();
        return new AuthService(store, hasher).createAccount(installer, login, displayName, role, null, Set.of(worksite),
                PASSWORD.toCharArray(), PASSWORD.toCharArray()).value().orElseThrow();
    }
}
