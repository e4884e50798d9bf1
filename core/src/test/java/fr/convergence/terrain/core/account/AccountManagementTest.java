package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.fixtures.ServiceFixtures;
import fr.convergence.terrain.core.participant.ParticipantQuery;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.WeekService;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.fixtures.ServiceFixtures.FAST_HASHER;
import static fr.convergence.terrain.core.fixtures.ServiceFixtures.WORKSITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountManagementTest {

    private static final String LILLE_OTHER = "eole";
    private static final String LYON = "fndsa";

    @TempDir
    Path dir;

    private static User admin(TerrainStore store, AuthService auth) {
        return auth.createUser("system", "admin", "Admin Poste", Role.ADMIN, null, Set.of(), pw(ServiceFixtures.PASSWORD),
                pw(ServiceFixtures.PASSWORD)).value().orElseThrow();
    }

    private static User coordinator(AuthService auth, User admin) {
        return auth.createAccount(admin, "sandrine", "Sandrine Coordinatrice", Role.COORDINATOR, "lille", Set.of(),
                pw(ServiceFixtures.PASSWORD), pw(ServiceFixtures.PASSWORD)).value().orElseThrow();
    }

    private static char[] pw(String text) {
        return text.toCharArray();
    }

    @Test
    void aDeactivatedAccountCannotSignInLeavesTheSignInListAndComesBackWhenReactivated() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            User esp = ServiceFixtures.install(store);
            AuthService auth = new AuthService(store, FAST_HASHER);
            User admin = admin(store, auth);

            var off = auth.setActive(admin, esp.id(), false);

            assertThat(off.saved()).isTrue();
            assertThat(auth.signIn("camille", pw(ServiceFixtures.PASSWORD))).isEmpty();
            assertThat(auth.activeUsers()).extracting(User::login).containsExactlyInAnyOrder("admin", "installation");
            assertThat(auth.accounts(admin)).extracting(User::login, User::active)
                    .contains(org.assertj.core.groups.Tuple.tuple("camille", false));

            auth.setActive(admin, esp.id(), true);
            // The refused try above started the delay after a failed sign-in: a minute later it has passed.
            AuthService later = new AuthService(store, FAST_HASHER,
                    java.time.Clock.offset(ServiceFixtures.clock(), java.time.Duration.ofMinutes(1)));
            assertThat(later.signIn("camille", pw(ServiceFixtures.PASSWORD))).isPresent();
        }
    }

    @Test
    void accountsAndTheSignInListFollowFrenchCollation() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            ServiceFixtures.install(store);
            AuthService auth = new AuthService(store, FAST_HASHER);
            User admin = admin(store, auth);
            String[][] people = {{"frederic", "Frédéric Zola"}, {"elodie", "Élodie Martin"}, {"boeuf", "Bœuf Awa"},
                {"bouchard", "Bouchard Léa"}, {"berenger", "Bérenger Ali"}};
            for (String[] person : people) {
                auth.createAccount(admin, person[0], person[1], Role.ESP, null, Set.of(WORKSITE),
                        pw(ServiceFixtures.PASSWORD), pw(ServiceFixtures.PASSWORD)).value().orElseThrow();
            }

            assertThat(auth.activeUsers()).extracting(User::displayName).containsSubsequence("Admin Poste",
                    "Bérenger Ali", "Bœuf Awa", "Bouchard Léa", "Élodie Martin", "Frédéric Zola");
            assertThat(auth.accounts(admin)).extracting(User::displayName).containsSubsequence("Bérenger Ali",
                    "Bœuf Awa", "Bouchard Léa", "Élodie Martin", "Frédéric Zola");
        }
    }

    @Test
    void aResetPasswordReplacesTheOldOneAndMustBeLongEnoughAndTypedTwiceAlike() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            User esp = ServiceFixtures.install(store);
            AuthService auth = new AuthService(store, FAST_HASHER);
            User admin = admin(store, auth);

            var tooShort = auth.resetPassword(admin, esp.id(), pw("abc"), pw("abc"));
            var different = auth.resetPassword(admin, esp.id(), pw("nouveau-mot-1"), pw("nouveau-mot-2"));
            var done = auth.resetPassword(admin, esp.id(), pw("nouveau-mot-1"), pw("nouveau-mot-1"));

            assertThat(tooShort.verdict().text()).contains("au moins 10 caractères");
            assertThat(different.verdict().text()).contains("différents");
            assertThat(done.saved()).isTrue();
            assertThat(auth.signIn("camille", pw(ServiceFixtures.PASSWORD))).isEmpty();
            AuthService later = new AuthService(store, FAST_HASHER,
                    java.time.Clock.offset(ServiceFixtures.clock(), java.time.Duration.ofMinutes(1)));
            assertThat(later.signIn("camille", pw("nouveau-mot-1"))).isPresent();
        }
    }

    @Test
    void aCoordinatorManagesOnlyTheEspAndCipOfTheirTerritory() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            User esp = ServiceFixtures.install(store);
            AuthService auth = new AuthService(store, FAST_HASHER);
            User admin = admin(store, auth);
            User coordinator = coordinator(auth, admin);

            var cip = auth.createAccount(coordinator, "yanis", "Yanis Conseiller", Role.CIP, null,
                    Set.of(LILLE_OTHER), pw(ServiceFixtures.PASSWORD), pw(ServiceFixtures.PASSWORD));
            var elsewhere = auth.createAccount(coordinator, "lea", "Léa Lyon", Role.CIP, null, Set.of(LYON),
                    pw(ServiceFixtures.PASSWORD), pw(ServiceFixtures.PASSWORD));
            var anotherAdmin = auth.createAccount(coordinator, "boss", "Boss", Role.ADMIN, null, Set.of(),
                    pw(ServiceFixtures.PASSWORD), pw(ServiceFixtures.PASSWORD));
            var deactivateAdmin = auth.setActive(coordinator, admin.id(), false);
            var deactivateEsp = auth.setActive(coordinator, esp.id(), false);

            assertThat(cip.saved()).isTrue();
            assertThat(elsewhere.verdict().text()).contains("chantiers de votre territoire");
            assertThat(anotherAdmin.verdict().text()).contains("adressez-vous à un·e administrateur·rice");
            assertThat(deactivateAdmin.saved()).isFalse();
            assertThat(deactivateEsp.saved()).isTrue();
            assertThat(auth.signIn("admin", pw(ServiceFixtures.PASSWORD))).isPresent();
        }
    }

    @Test
    void aCoordinatorAccountNeedsATerritoryAndEveryProblemIsReportedAtOnce() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            ServiceFixtures.install(store);
            AuthService auth = new AuthService(store, FAST_HASHER);
            User admin = admin(store, auth);

            var refused = auth.createAccount(admin, "", "", Role.COORDINATOR, null, Set.of(), pw("abc"), pw("abc"));

            assertThat(refused.saved()).isFalse();
            assertThat(refused.verdict().messages()).anyMatch(m -> m.contains("territoire"))
                    .anyMatch(m -> m.contains("identifiant")).anyMatch(m -> m.contains("au moins 10"));
        }
    }

    @Test
    void nobodyDeactivatesTheirOwnAccountSoTheLaptopKeepsItsManager() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            ServiceFixtures.install(store);
            AuthService auth = new AuthService(store, FAST_HASHER);
            User admin = admin(store, auth);

            var result = auth.setActive(admin, admin.id(), false);

            assertThat(result.saved()).isFalse();
            assertThat(result.verdict().text()).contains("votre propre compte");
            assertThat(auth.signIn("admin", pw(ServiceFixtures.PASSWORD))).isPresent();
        }
    }

    @Test
    void anEducatorCannotListOrManageAccounts() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            User esp = ServiceFixtures.install(store);
            AuthService auth = new AuthService(store, FAST_HASHER);

            assertThat(AuthService.managesAccounts(esp)).isFalse();
            assertThatThrownBy(() -> auth.accounts(esp)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> auth.setActive(esp, esp.id(), false))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aCoordinatorChoosesAmongTheTerritorysWorksitesAndAnEducatorHasOnlyTheirs() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            User esp = ServiceFixtures.install(store);
            Workstation workstation = new Workstation(store);
            User coordinator = new User("c", "c", "Coord", Role.COORDINATOR, "lille", Set.of(), true);
            User admin = new User("a", "a", "Admin", Role.ADMIN, null, Set.of(), true);

            assertThat(workstation.worksitesFor(esp)).extracting(Worksite::id).containsExactly(WORKSITE);
            assertThat(workstation.worksitesFor(coordinator)).extracting(Worksite::id)
                    .contains(WORKSITE, LILLE_OTHER).doesNotContain(LYON)
                    .allMatch(id -> workstation.access().canSee(coordinator, id));
            assertThat(workstation.worksitesFor(admin)).extracting(Worksite::territoryId).containsOnly("lille");
        }
    }

    @Test
    void theWeekAndParticipantServicesRefuseAWorksiteOutsideTheUsersTerritory() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            ServiceFixtures.install(store);
            Workstation workstation = new Workstation(store);
            User coordinator = new User("c", "c", "Coord", Role.COORDINATOR, "lille", Set.of(), true);
            ParticipantService participants = new ParticipantService(workstation);
            WeekService week = new WeekService(workstation);
            var iso = fr.convergence.terrain.core.week.IsoWeek.of(ServiceFixtures.TODAY);

            assertThat(participants.search(coordinator, LILLE_OTHER, ParticipantQuery.all()).total()).isZero();
            assertThat(week.load(coordinator, LILLE_OTHER, iso).rows()).isEmpty();
            assertThatThrownBy(() -> participants.search(coordinator, LYON, ParticipantQuery.all()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> week.load(coordinator, LYON, iso)).isInstanceOf(AccessDeniedException.class);
        }
    }
}
