package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {

    private final AccessPolicy policy = AccessPolicy.of(Map.of(
            "ws-lyon-1", "t-lyon", "ws-lyon-2", "t-lyon", "ws-lille-1", "t-lille"));
    private final List<String> allWorksites = List.of("ws-lyon-1", "ws-lyon-2", "ws-lille-1", "ws-phc-hors");

    private static User user(Role role, String territory, Set<String> worksites, boolean active) {
        return new User("u", "login", "Nom", role, territory, worksites, active);
    }

    @Test
    void anEspSeesAndEditsOnlyTheirWorksite() {
        User esp = user(Role.ESP, "t-lyon", Set.of("ws-lyon-1"), true);

        assertThat(policy.canSee(esp, "ws-lyon-1")).isTrue();
        assertThat(policy.canSee(esp, "ws-lyon-2")).isFalse();
        assertThat(policy.canEdit(esp, "ws-lyon-2")).isFalse();
        assertThat(policy.checkEdit(esp, "ws-lyon-2").text()).contains("périmètre");
    }

    @Test
    void aCoordinatorSeesEveryWorksiteOfTheirTerritory() {
        User coordinator = user(Role.COORDINATOR, "t-lyon", Set.of(), true);

        assertThat(policy.visibleWorksites(coordinator, allWorksites))
                .containsExactlyInAnyOrder("ws-lyon-1", "ws-lyon-2");
    }

    @Test
    void aCipOfATerritoryDoesNotSeeItsOtherWorksites() {
        User cip = user(Role.CIP, "t-lyon", Set.of("ws-lyon-1"), true);

        assertThat(policy.visibleWorksites(cip, allWorksites)).containsExactly("ws-lyon-1");
    }

    @Test
    void anAdminSeesEveryWorksite() {
        User admin = user(Role.ADMIN, null, Set.of(), true);

        assertThat(policy.visibleWorksites(admin, allWorksites)).containsExactlyInAnyOrderElementsOf(allWorksites);
    }

    @Test
    void anInactiveUserSeesNothing() {
        User former = user(Role.ADMIN, null, Set.of("ws-lyon-1"), false);

        assertThat(policy.visibleWorksites(former, allWorksites)).isEmpty();
    }
}
