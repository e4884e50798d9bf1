package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.fixtures.ServiceFixtures;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.fixtures.ServiceFixtures.FAST_HASHER;
import static fr.convergence.terrain.core.fixtures.ServiceFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Local password rules: the policy for new passwords, the doubling delay after wrong ones, the first account. */
class PasswordRulesTest {

    @TempDir
    Path dir;

    /** A clock the test moves, instead of waiting for the delays to pass. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ServiceFixtures.PARIS;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aNewPasswordIsLongEnoughNotCommonNotTheLoginAndNotOneCharacterRepeated() {
        assertThat(PasswordPolicy.check("court1".toCharArray(), "camille").text())
                .contains("au moins 10 caractères");
        for (String common : List.of("motdepasse", "AZERTYUIOP", "1234567890", "convergence", "Soleil123456",
                "MotDePasse2024!", "chantier-2026", "qwertyuiop")) {
            assertThat(PasswordPolicy.check(common.toCharArray(), "camille").text()).as(common)
                    .contains("fait partie des plus courants");
        }
        assertThat(PasswordPolicy.check("camille.martin-59".toCharArray(), "camille.martin").text())
                .contains("ne doit pas contenir l’identifiant");
        assertThat(PasswordPolicy.check("ababababab".toCharArray(), "camille").text()).contains("répète");
        assertThat(PasswordPolicy.check("rouge-velo-lundi".toCharArray(), "camille").saveAllowed()).isTrue();
        assertThat(PasswordPolicy.check("la pluie sur le chantier".toCharArray(), "camille").saveAllowed()).isTrue();
        assertThat(PasswordPolicy.check(DemoDataGenerator.DEMO_PASSWORD.toCharArray(), "esp").saveAllowed()).isTrue();
    }

    @Test
    void creatingAnAccountOrResettingAPasswordAppliesThePolicy() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            User esp = ServiceFixtures.install(store);
            AuthService auth = new AuthService(store, FAST_HASHER);
            User admin = auth.activeUsers().stream().filter(u -> u.role() == Role.ADMIN).findFirst().orElseThrow();

            var common = auth.createAccount(admin, "yanis", "Yanis", Role.CIP, null, Set.of(ServiceFixtures.WORKSITE),
                    "azertyuiop".toCharArray(), "azertyuiop".toCharArray());
            var reset = auth.resetPassword(admin, esp.id(), "soleil123".toCharArray(), "soleil123".toCharArray());

            assertThat(common.saved()).isFalse();
            assertThat(common.verdict().text()).contains("plus courants");
            assertThat(reset.saved()).isFalse();
            assertThat(reset.verdict().text()).contains("au moins 10 caractères");
        }
    }

    @Test
    void anAccountWhosePasswordWasSetBeforeTheRuleKeepsSigningIn() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            ServiceFixtures.install(store);
            User old = new User("u-old", "ancien", "Compte ancien", Role.CIP, null, Set.of(ServiceFixtures.WORKSITE),
                    true);
            store.write("system", tx -> {
                new UserRepository(store).create(tx, old, FAST_HASHER.hash("demo".toCharArray()));
                return null;
            });

            assertThat(new AuthService(store, FAST_HASHER).signIn("ancien", "demo".toCharArray())).isPresent();
        }
    }

    @Test
    void theFirstAccountOfAnInstallationIsACoordinatorOrAnAdministrator() {
        for (Role role : List.of(Role.ESP, Role.CIP)) {
            try (TerrainStore store = TerrainStore.open(dir.resolve(role + ".db"), ServiceFixtures.clock())) {
                var refused = new SetupService().install(store, FAST_HASHER, ServiceFixtures.WORKSITE, "premier",
                        "Premier compte", role, PASSWORD.toCharArray(), PASSWORD.toCharArray());

                assertThat(refused.saved()).as(role.name()).isFalse();
                assertThat(refused.verdict().text()).contains("coordinateur·rice ou administrateur·rice");
                assertThat(new AuthService(store, FAST_HASHER).hasUsers()).isFalse();
                assertThat(new Workstation(store).worksite()).isEmpty();
            }
        }
        for (Role role : List.of(Role.COORDINATOR, Role.ADMIN)) {
            try (TerrainStore store = TerrainStore.open(dir.resolve(role + ".db"), ServiceFixtures.clock())) {
                assertThat(new SetupService().install(store, FAST_HASHER, ServiceFixtures.WORKSITE, "premier",
                        "Premier compte", role, PASSWORD.toCharArray(), PASSWORD.toCharArray()).saved())
                        .as(role.name()).isTrue();
            }
        }
    }

    @Test
    void theDelayAfterWrongPasswordsDoublesFromOneSecondUpToSixtyAndASuccessClearsIt() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            ServiceFixtures.install(store);
            MovingClock clock = new MovingClock(ServiceFixtures.clock().instant());
            AuthService auth = new AuthService(store, FAST_HASHER, clock);

            List<Long> delays = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                assertThat(auth.signIn("camille", "pas-le-bon-mot".toCharArray())).isEmpty();
                Duration delay = auth.remainingDelay("camille");
                delays.add(delay.toSeconds());
                // During the delay even the right password is refused, and the message says how long to wait.
                clock.advance(delay.minusMillis(1));
                assertThatThrownBy(() -> auth.signIn("camille", PASSWORD.toCharArray()))
                        .isInstanceOf(SignInDelayedException.class)
                        .hasMessageContaining("attendez 1 s avant de réessayer");
                clock.advance(Duration.ofMillis(1));
            }
            assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);

            assertThat(auth.signIn("camille", PASSWORD.toCharArray())).isPresent();
            assertThat(auth.remainingDelay("camille")).isZero();
            assertThat(auth.signIn("camille", "pas-le-bon-mot".toCharArray())).isEmpty();
            assertThat(auth.remainingDelay("camille")).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void theDelaySurvivesARestartOfTheApplication() {
        MovingClock clock = new MovingClock(ServiceFixtures.clock().instant());
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            ServiceFixtures.install(store);
            AuthService auth = new AuthService(store, FAST_HASHER, clock);
            for (int i = 0; i < 3; i++) {
                auth.signIn("camille", "pas-le-bon-mot".toCharArray());
                clock.advance(auth.remainingDelay("camille"));
            }
            auth.signIn("camille", "pas-le-bon-mot".toCharArray());
        }
        clock.advance(Duration.ofSeconds(3));
        try (TerrainStore reopened = ServiceFixtures.open(dir)) {
            AuthService auth = new AuthService(reopened, FAST_HASHER, clock);

            assertThat(auth.remainingDelay("camille")).isEqualTo(Duration.ofSeconds(5));
            assertThatThrownBy(() -> auth.signIn("camille", PASSWORD.toCharArray()))
                    .isInstanceOf(SignInDelayedException.class).hasMessageContaining("attendez 5 s");
        }
    }

    @Test
    void anUnknownLoginIsDelayedExactlyLikeAKnownOne() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            ServiceFixtures.install(store);
            MovingClock clock = new MovingClock(ServiceFixtures.clock().instant());
            AuthService auth = new AuthService(store, FAST_HASHER, clock);

            List<Duration> known = new ArrayList<>();
            List<Duration> unknown = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                auth.signIn("camille", "pas-le-bon-mot".toCharArray());
                auth.signIn("personne", "pas-le-bon-mot".toCharArray());
                known.add(auth.remainingDelay("camille"));
                unknown.add(auth.remainingDelay("personne"));
                String knownMessage = delayMessage(auth, "camille");
                assertThat(delayMessage(auth, "personne")).isEqualTo(knownMessage);
                clock.advance(Duration.ofMinutes(2));
            }
            assertThat(unknown).isEqualTo(known);
        }
    }

    private static String delayMessage(AuthService auth, String login) {
        try {
            auth.signIn(login, "encore-un-essai".toCharArray());
            return "aucun délai";
        } catch (SignInDelayedException e) {
            return e.getMessage();
        }
    }
}
