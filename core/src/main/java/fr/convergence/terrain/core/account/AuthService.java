package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.security.KeyWrapping.Wrap;
import fr.convergence.terrain.core.security.PasswordHasher.PasswordHash;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.security.RecoveryKey;
import fr.convergence.terrain.core.store.KeyRepository;
import fr.convergence.terrain.core.store.StoreException;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import fr.convergence.terrain.core.verdict.Result;
import fr.convergence.terrain.core.verdict.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>Accounts are managed by an administrator (every account) or by a coordinator (the ESP and CIP of their
 * territory's worksites: they onboard the staff of the worksites they run, but cannot make themselves or anyone
 * else an administrator or a coordinator). Accounts are deactivated, never deleted: notes and history keep
 * their author's id.
 *
 * <p>New passwords follow {@link PasswordPolicy}. After a wrong password for a login, the next try for that login is
 * refused until a delay has passed ({@link #delayAfter}: 1 s, then 2, 4 … up to 60 s), counted in the store's
 * settings so that restarting the application does not reset it; a login that does not exist is delayed the same
 * way, so the delay does not tell which logins exist. A successful sign-in clears the count.
 */
public final class AuthService {

    /** The minimum length of a new password (see {@link PasswordPolicy}). */
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
    /** Store setting, per login, of its wrong passwords in a row: "count;epoch milliseconds of the last one". */
    static final String FAILURES_META_PREFIX = "signin_failures:";
    /** The longest delay between two tries. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private final UserRepository users;
    private final TerrainStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final AuditJournal journal;
    private final KeyRepository keys;
    /** Compared against when the login is unknown, so a wrong login takes as long as a wrong password. */
    private volatile PasswordHash decoy;

    public AuthService(TerrainStore store, PasswordHasher hasher) {
        this(store, hasher, store.clock());
    }

    /** @param clock when wrong passwords happen and delays end (tests move it instead of waiting) */
    public AuthService(TerrainStore store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.users = new UserRepository(store);
        this.hasher = hasher;
        this.clock = clock;
        this.journal = new AuditJournal(store);
        this.keys = new KeyRepository(store);
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

    /**
     * The user if the login exists, is active and the password matches; empty otherwise (no hint which).
     *
     * @throws SignInDelayedException when tried before the delay after the login's last wrong password has passed
     */
    public Optional<User> signIn(String login, char[] password) {
        try {
            String normalized = normalizeLogin(login);
            requireDelayPassed(normalized);
            Optional<User> user = users.findByLogin(normalized).filter(User::active);
            PasswordHash stored = user.flatMap(u -> users.password(u.id())).orElseGet(this::decoy);
            boolean matches = checkAndUnlock(user, stored, password);
            Optional<User> result = user.isPresent() && matches ? user : Optional.empty();
            recordSignIn(normalized, result.isPresent());
            journal.signIn(user.orElse(null), result.isPresent());
            return result;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The delay after {@code failures} wrong passwords in a row: none, then 1 s doubling up to {@link #MAX_DELAY}. */
    public static Duration delayAfter(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(failures - 1, 30);
        return Duration.ofSeconds(Math.min(seconds, MAX_DELAY.toSeconds()));
    }

    /** How long before {@code login} may be tried again (zero when it may now). */
    public Duration remainingDelay(String login) {
        Failures failures = failures(normalizeLogin(login));
        Instant end = failures.last().plus(delayAfter(failures.count()));
        Duration remaining = Duration.between(clock.instant(), end);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** Refuses a try made during the delay, without checking the password (so it does not count as a failure). */
    private void requireDelayPassed(String login) {
        Duration remaining = remainingDelay(login);
        if (!remaining.isZero()) {
            throw new SignInDelayedException(remaining);
        }
    }

    /** Counts a wrong password, or clears the count after a right one (written only when it changes). */
    private void recordSignIn(String login, boolean succeeded) {
        Failures before = failures(login);
        if (succeeded) {
            if (before.count() > 0) {
                store.putMeta(failuresKey(login), "0;0");
            }
            return;
        }
        store.putMeta(failuresKey(login), (before.count() + 1) + ";" + clock.millis());
    }

    private record Failures(int count, Instant last) {
    }

    private Failures failures(String login) {
        String value = store.meta(failuresKey(login)).orElse("0;0");
        try {
            String[] parts = value.split(";", 2);
            return new Failures(Integer.parseInt(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])));
        } catch (RuntimeException e) {
            // An unreadable count starts again from zero: the next wrong password writes a readable one.
            return new Failures(0, Instant.EPOCH);
        }
    }

    /** Logins are bounded so that typing a very long one cannot fill the settings. */
    private static String failuresKey(String login) {
        return FAILURES_META_PREFIX + (login.length() > 80 ? login.substring(0, 80) : login);
    }

    /**
     * The password check of a sign-in, which also unlocks the store (ADR 0005). An account with a wrap of the data
     * key is checked by unwrapping it: one key derivation, the GCM tag says whether the password is right. An
     * account without one (an older store, or an account made before the store was encrypted) is checked against
     * its password hash; then an older store is encrypted now, and a store already unlocked wraps its key for it.
     */
    private boolean checkAndUnlock(Optional<User> user, PasswordHash stored, char[] password) {
        if (user.isPresent() && keys.hasWrap(user.get().id())) {
            return keys.unlockWithPassword(user.get().id(), password);
        }
        if (!PasswordHasher.matches(password, stored) || user.isEmpty()) {
            return false;
        }
        String userId = user.get().id();
        if (!store.isEncrypted()) {
            keys.encryptStore(userId, password, hasher.iterations());
        } else if (store.isUnlocked()) {
            Wrap wrap = keys.wrapForPassword(password, hasher.iterations());
            store.write(userId, tx -> {
                keys.saveWrap(tx, userId, wrap);
                return null;
            });
        }
        return true;
    }

    /**
     * A forgotten password, with the recovery key shown at installation: opens the store and sets a new password
     * for {@code login}. Empty with the reason when the key is wrong or the password refused.
     */
    public Result<User> recover(String login, String recoveryKey, char[] password, char[] confirmation) {
        try {
            Optional<User> user = users.findByLogin(normalizeLogin(login));
            Optional<RecoveryKey> key = RecoveryKey.parse(recoveryKey);
            boolean wasLocked = store.isEncrypted() && !store.isUnlocked();
            Verdict verdict = user.isEmpty() ? Verdict.refused("Aucun compte «\u00a0" + normalizeLogin(login)
                    + "\u00a0» sur ce poste.") : Verdict.ok();
            if (key.isEmpty() || !keys.unlockWithRecoveryKey(key.get())) {
                verdict = verdict.and(Verdict.refused("Cette clé de secours n’ouvre pas les données de ce poste\u00a0: "
                        + "vérifiez-la (8 groupes de 5 caractères)."));
            }
            verdict = verdict.and(checkPassword(password, confirmation, normalizeLogin(login)));
            if (!verdict.saveAllowed()) {
                if (wasLocked) {
                    // The right key with a refused password (or an unknown login) opens nothing: nobody signed in.
                    store.lock();
                }
                return Result.refused(verdict);
            }
            setPassword(user.get().id(), user.get(), password);
            return Result.saved(user.get(), verdict);
        } finally {
            wipe(password, confirmation);
        }
    }

    /** A new recovery key for the laptop (the previous one stops working), for an administrator or coordinator. */
    public RecoveryKey renewRecoveryKey(User actor) {
        requireManager(actor);
        return keys.renewRecoveryKey(actor.id());
    }

    /**
     * The new hash and, in an encrypted store, the data key re-wrapped for the new password (no data re-encrypted);
     * recorded in the access journal.
     */
    private void setPassword(String actingUserId, User target, char[] password) {
        PasswordHash hash = hasher.hash(password);
        Optional<Wrap> wrap = keyWrapFor(password);
        store.write(actingUserId, tx -> {
            users.changePassword(tx, target.id(), hash);
            wrap.ifPresent(w -> keys.saveWrap(tx, target.id(), w));
            journal.account(tx, actingUserId, AuditAction.MOT_DE_PASSE_REINITIALISE, target);
            return null;
        });
    }

    /** A wrap of the data key for a new password; none while the store has no key; refused while it is locked. */
    private Optional<Wrap> keyWrapFor(char[] password) {
        if (!store.isEncrypted()) {
            return Optional.empty();
        }
        if (!store.isUnlocked()) {
            throw new StoreException("Les données de ce poste sont chiffrées\u00a0: connectez-vous d’abord pour créer "
                    + "ou modifier un compte.");
        }
        return Optional.of(keys.wrapForPassword(password, hasher.iterations()));
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
            verdicts.add(Verdict.refused("L’identifiant ne contient que des lettres sans accent, des chiffres, "
                    + "des points ou des tirets (2 à 40 caractères)."));
        } else if (users.findByLogin(normalized).isPresent()) {
            verdicts.add(Verdict.refused("L’identifiant "
                    + "«\u00a0" + normalized + "\u00a0» existe déjà sur ce poste\u00a0: choisissez-en un autre."));
        }
        if (displayName == null || displayName.isBlank()) {
            verdicts.add(Verdict.refused("Indiquez le nom affiché (prénom et nom)."));
        }
        if (role == null) {
            verdicts.add(Verdict.refused("Choisissez le rôle de la personne."));
        } else if ((role == Role.ESP || role == Role.CIP) && (worksiteIds == null || worksiteIds.isEmpty())) {
            verdicts.add(Verdict.refused("Un·e ESP ou un·e CIP travaille sur un chantier\u00a0: choisissez-le."));
        }
        verdicts.add(checkPassword(password, confirmation, normalized));
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
            Optional<Wrap> wrap = keyWrapFor(password);
            store.write(actingUserId, tx -> {
                users.create(tx, user, hash);
                journal.account(tx, actingUserId, AuditAction.COMPTE_CREE, user);
                wrap.ifPresent(w -> keys.saveWrap(tx, user.id(), w));
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

    /** Whether {@code actor} may open the accounts page: an active administrator or coordinator. */
    public static boolean managesAccounts(User actor) {
        return actor != null && actor.active() && (actor.role() == Role.ADMIN || actor.role() == Role.COORDINATOR);
    }

    /** Every account of the laptop, active or not, by display name (the accounts page). */
    public List<User> accounts(User actor) {
        requireManager(actor);
        return users.all();
    }

    /**
     * Creates an account on behalf of {@code actor}: an administrator creates any account, a coordinator ESP
     * and CIP accounts on the worksites of their territory. A coordinator account needs its territory.
     */
    public Result<User> createAccount(User actor, String login, String displayName, Role role, String territoryId,
                                      Set<String> worksiteIds, char[] password, char[] confirmation) {
        Set<String> worksites = worksiteIds == null ? Set.of() : Set.copyOf(worksiteIds);
        String territory = role == Role.COORDINATOR ? blankToNull(territoryId) : null;
        Verdict allowed = checkManages(actor, role, worksites);
        if (role == Role.COORDINATOR && territory == null) {
            allowed = allowed.and(Verdict.refused("Un·e coordinateur·rice couvre un territoire\u00a0: choisissez-le."));
        }
        if (!allowed.saveAllowed()) {
            Verdict verdict = allowed.and(checkNewUser(login, displayName, role, worksites, password, confirmation));
            wipe(password, confirmation);
            return Result.refused(verdict);
        }
        return createUser(actor.id(), login, displayName, role, territory, worksites, password, confirmation);
    }

    /** Sets a new password typed twice, for someone who forgot theirs; the old one stops working at once. */
    public Result<User> resetPassword(User actor, String userId, char[] password, char[] confirmation) {
        try {
            User target = existing(userId);
            requireManager(actor);
            Verdict verdict = target.id().equals(actor.id()) ? Verdict.ok()
                    : checkManages(actor, target.role(), target.worksiteIds());
            verdict = verdict.and(checkPassword(password, confirmation, target.login()));
            if (!verdict.saveAllowed()) {
                return Result.refused(verdict);
            }
            setPassword(actor.id(), target, password);
            return Result.saved(target, verdict);
        } finally {
            wipe(password, confirmation);
        }
    }

    /**
     * Deactivates (the person can no longer sign in and leaves the sign-in list) or reactivates an account.
     * Nobody deactivates their own account, so a laptop always keeps the person who manages it.
     */
    public Result<User> setActive(User actor, String userId, boolean active) {
        User target = existing(userId);
        Verdict verdict = checkManages(actor, target.role(), target.worksiteIds());
        if (!active && target.id().equals(actor.id())) {
            verdict = verdict.and(Verdict.refused("Vous ne pouvez pas désactiver votre propre compte\u00a0: "
                    + "demandez-le à un·e autre administrateur·rice."));
        }
        if (!verdict.saveAllowed()) {
            return Result.refused(verdict);
        }
        store.write(actor.id(), tx -> {
            users.setActive(tx, target.id(), active);
            journal.account(tx, actor.id(), active ? AuditAction.COMPTE_REACTIVE : AuditAction.COMPTE_DESACTIVE,
                    target);
            return null;
        });
        return Result.saved(new User(target.id(), target.login(), target.displayName(), target.role(),
                target.territoryId(), target.worksiteIds(), active), verdict);
    }

    /**
     * Changes the role, territory and worksites of an account: an administrator's decision only (a coordinator
     * would otherwise widen their own or a colleague's reach), journaled with the before and after. The password
     * and the wrapped data key stay. Nobody changes their own role, so the laptop keeps the person who manages it.
     */
    public Result<User> changeAccess(User actor, String userId, Role role, String territoryId,
                                     Set<String> worksiteIds) {
        requireManager(actor);
        User target = existing(userId);
        Set<String> worksites = worksiteIds == null ? Set.of() : Set.copyOf(worksiteIds);
        String territory = role == Role.COORDINATOR ? blankToNull(territoryId) : null;
        List<Verdict> verdicts = new ArrayList<>();
        if (actor.role() != Role.ADMIN) {
            verdicts.add(Verdict.refused("Seul·e un·e administrateur·rice change le rôle ou les chantiers d’un "
                    + "compte."));
        }
        if (target.id().equals(actor.id()) && role != target.role()) {
            verdicts.add(Verdict.refused("Vous ne pouvez pas changer votre propre rôle\u00a0: demandez-le à un·e autre "
                    + "administrateur·rice."));
        }
        if (role == null) {
            verdicts.add(Verdict.refused("Choisissez le rôle de la personne."));
        } else if ((role == Role.ESP || role == Role.CIP) && worksites.isEmpty()) {
            verdicts.add(Verdict.refused("Un·e ESP ou un·e CIP travaille sur un chantier\u00a0: choisissez-le."));
        } else if (role == Role.COORDINATOR && territory == null) {
            verdicts.add(Verdict.refused("Un·e coordinateur·rice couvre un territoire\u00a0: choisissez-le."));
        }
        Verdict verdict = Verdict.all(verdicts);
        if (!verdict.saveAllowed()) {
            return Result.refused(verdict);
        }
        User changed = new User(target.id(), target.login(), target.displayName(), role, territory, worksites,
                target.active());
        if (changed.equals(target)) {
            return Result.refused(Verdict.refused("Rien n’a changé\u00a0: le compte a déjà ce rôle et ces chantiers."));
        }
        String change = journal.reachOf(target) + " → " + journal.reachOf(changed);
        store.write(actor.id(), tx -> {
            users.changeAccess(tx, target.id(), role, territory, worksites);
            journal.accountChanged(tx, actor.id(), changed, change);
            return null;
        });
        return Result.saved(changed, verdict);
    }

    private User existing(String userId) {
        return users.find(userId).orElseThrow(() -> new IllegalArgumentException(
                "Ce compte n’existe plus sur ce poste\u00a0: rouvrez la page des comptes."));
    }

    private void requireManager(User actor) {
        if (!managesAccounts(actor)) {
            throw new AccessDeniedException("Seuls un·e administrateur·rice ou un·e coordinateur·rice gèrent "
                    + "les comptes de ce poste.");
        }
    }

    /** Whether {@code actor} may manage an account of {@code role} on {@code worksiteIds}. */
    private Verdict checkManages(User actor, Role role, Set<String> worksiteIds) {
        requireManager(actor);
        if (actor.role() == Role.ADMIN) {
            return Verdict.ok();
        }
        if (role != Role.ESP && role != Role.CIP) {
            return Verdict.refused("Un·e coordinateur·rice gère les comptes des ESP et des CIP\u00a0; pour un compte "
                    + "de coordination ou d’administration, adressez-vous à un·e administrateur·rice.");
        }
        AccessPolicy access = AccessPolicies.of(store);
        if (worksiteIds.stream().anyMatch(w -> !access.canSee(actor, w))) {
            return Verdict.refused("Vous ne gérez que les comptes des chantiers de votre territoire.");
        }
        return Verdict.ok();
    }

    private static Verdict checkPassword(char[] password, char[] confirmation, String login) {
        Verdict policy = PasswordPolicy.check(password, login);
        if (!policy.saveAllowed()) {
            return policy;
        }
        if (confirmation != null && !Arrays.equals(password, confirmation)) {
            return Verdict.refused("Les deux mots de passe sont différents\u00a0: saisissez-les à nouveau.");
        }
        return Verdict.ok();
    }

    private static void wipe(char[] password, char[] confirmation) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        if (confirmation != null) {
            Arrays.fill(confirmation, '\0');
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String normalizeLogin(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }
}
