package fr.convergence.terrain.core.service;

import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.rules.Verdict;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.security.PasswordHasher.PasswordHash;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The local accounts of a shared laptop: who may sign in, checking a password (slow, salted hash), and adding
 * accounts. Passwords are never stored or logged; the arrays given here are wiped after use.
 */
public final class AuthService {

    /** Short enough to type on a worksite, long enough not to be guessed at a glance. */
    public static final int MIN_PASSWORD_LENGTH = 6;

    private final UserRepository users;
    private final TerrainStore store;
    private final PasswordHasher hasher;
    /** Compared against when the login is unknown, so a wrong login takes as long as a wrong password. */
    private volatile PasswordHash decoy;

    public AuthService(TerrainStore store, PasswordHasher hasher) {
        this.store = store;
        this.users = new UserRepository(store);
        this.hasher = hasher;
    }

    private PasswordHash decoy() {
        PasswordHash value = decoy;
        if (value == null) {
            value = hasher.hash("decoy-password".toCharArray());
            decoy = value;
        }
        return value;
    }

    public boolean hasUsers() {
        return users.count() > 0;
    }

    /** The accounts that may sign in, by display name, for the sign-in screen. */
    public List<User> activeUsers() {
        return users.all().stream().filter(User::active).toList();
    }

    /** The user if the login exists, is active and the password matches; empty otherwise (no hint which). */
    public Optional<User> signIn(String login, char[] password) {
        try {
            Optional<User> user = users.findByLogin(normalizeLogin(login)).filter(User::active);
            PasswordHash stored = user.flatMap(u -> users.password(u.id())).orElseGet(this::decoy);
            boolean matches = PasswordHasher.matches(password, stored);
            return user.isPresent() && matches ? user : Optional.empty();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Whether {@code password} is the password of {@code user} (unlocking a locked session). */
    public boolean verify(User user, char[] password) {
        return signIn(user.login(), password).map(u -> u.id().equals(user.id())).orElse(false);
    }

    /** Checks a new account before creating it; every problem is reported at once. */
    public Verdict checkNewUser(String login, String displayName, Role role, Set<String> worksiteIds,
                                char[] password, char[] confirmation) {
        List<Verdict> verdicts = new ArrayList<>();
        String normalized = normalizeLogin(login);
        if (normalized.isEmpty()) {
            verdicts.add(Verdict.refused("Indiquez un identifiant (par exemple prénom.nom)."));
        } else if (!normalized.matches("[a-z0-9._-]{2,40}")) {
            verdicts.add(Verdict.refused("L'identifiant ne contient que des lettres sans accent, des chiffres, "
                    + "des points ou des tirets (2 à 40 caractères)."));
        } else if (users.findByLogin(normalized).isPresent()) {
            verdicts.add(Verdict.refused("L'identifiant « " + normalized + " » existe déjà sur ce poste : "
                    + "choisissez-en un autre."));
        }
        if (displayName == null || displayName.isBlank()) {
            verdicts.add(Verdict.refused("Indiquez le nom affiché (prénom et nom)."));
        }
        if (role == null) {
            verdicts.add(Verdict.refused("Choisissez le rôle de la personne."));
        } else if ((role == Role.ESP || role == Role.CIP) && (worksiteIds == null || worksiteIds.isEmpty())) {
            verdicts.add(Verdict.refused("Un·e ESP ou un·e CIP travaille sur un chantier : choisissez-le."));
        }
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            verdicts.add(Verdict.refused("Le mot de passe compte au moins " + MIN_PASSWORD_LENGTH + " caractères."));
        } else if (confirmation != null && !Arrays.equals(password, confirmation)) {
            verdicts.add(Verdict.refused("Les deux mots de passe sont différents : saisissez-les à nouveau."));
        }
        return Verdict.all(verdicts);
    }

    /**
     * Creates an account after {@link #checkNewUser}; refused accounts are not created.
     *
     * @return the new user, or empty with the verdict's messages when refused
     */
    public Result<User> createUser(String actingUserId, String login, String displayName, Role role,
                                   String territoryId, Set<String> worksiteIds, char[] password,
                                   char[] confirmation) {
        try {
            Verdict verdict = checkNewUser(login, displayName, role, worksiteIds, password, confirmation);
            if (!verdict.saveAllowed()) {
                return Result.refused(verdict);
            }
            User user = new User(UUID.randomUUID().toString(), normalizeLogin(login), displayName.strip(), role,
                    territoryId, Set.copyOf(worksiteIds == null ? Set.of() : worksiteIds), true);
            PasswordHash hash = hasher.hash(password);
            store.write(actingUserId, tx -> {
                users.create(tx, user, hash);
                return null;
            });
            return Result.saved(user, verdict);
        } finally {
            Arrays.fill(password, '\0');
            if (confirmation != null) {
                Arrays.fill(confirmation, '\0');
            }
        }
    }

    static String normalizeLogin(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }
}
