package fr.convergence.terrain.hub.console;

import fr.convergence.terrain.core.security.PasswordHasher;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Creates console accounts and checks sign-ins: the password, then (national accounts, and coordinators who chose
 * it) a TOTP code. Each wrong password or code of a login doubles the wait before that login may try again
 * (1 s, 2 s, 4 s… up to {@link #MAX_DELAY_SECONDS}); a right one clears it. Every outcome goes to the audit journal.
 */
public final class ConsoleAccounts {

    public static final long MAX_DELAY_SECONDS = 15 * 60;
    public static final int MIN_PASSWORD_LENGTH = 12;
    /**
     * Checked against when the login is unknown, so that an unknown login takes as long as a wrong password (made on
     * the first unknown login, not when the hub starts).
     */
    private volatile PasswordHasher.PasswordHash nobody;

    private final ConsoleStore store;
    private final Clock clock;
    private final PasswordHasher hasher;

    public ConsoleAccounts(ConsoleStore store, Clock clock, PasswordHasher hasher) {
        this.store = store;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** What {@code users add} created: the TOTP secret to give the person once (null when none). */
    public record Created(ConsoleAccount account, String totpSecret) {
    }

    /**
     * Creates an account; {@code secondFactor} is forced for national accounts. Throws with a French message when
     * the login is taken or the request is inconsistent.
     */
    public Created add(String login, String name, ConsoleAccount.Role role, String territory, char[] password,
                       boolean secondFactor) {
        if (login == null || !login.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new IllegalArgumentException("Identifiant invalide\u00a0: de 2 à 64 caractères parmi a-z, 0-9, "
                    + "«\u00a0.\u00a0», "
                    + "«\u00a0_\u00a0» et «\u00a0-\u00a0».");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("Indiquez le nom de la personne (200 caractères au plus).");
        }
        if (role == ConsoleAccount.Role.COORDINATOR && (territory == null || territory.isBlank())) {
            throw new IllegalArgumentException("Un compte de coordination a un territoire\u00a0: --territory ID.");
        }
        if (role == ConsoleAccount.Role.NATIONAL && territory != null) {
            throw new IllegalArgumentException("Un compte national voit tous les territoires\u00a0: "
                    + "pas de --territory.");
        }
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("Mot de passe trop court\u00a0: " + MIN_PASSWORD_LENGTH
                    + " caractères au moins.");
        }
        String secret = role == ConsoleAccount.Role.NATIONAL || secondFactor ? Totp.newSecret() : null;
        ConsoleAccount account = new ConsoleAccount(login, name.strip(), role, territory, hasher.hash(password), secret,
                clock.millis(), null, 0, null, 0);
        if (!store.addAccount(account)) {
            throw new IllegalArgumentException("Ce compte existe déjà\u00a0: " + login);
        }
        store.audit(new AuditEntry(clock.millis(), "cli", "account-added", "login=" + login + " role="
                + role.code() + (territory != null ? " territory=" + territory : "")));
        return new Created(account, secret);
    }

    public boolean disable(String login) {
        boolean done = store.disableAccount(login, clock.millis());
        if (done) {
            store.audit(new AuditEntry(clock.millis(), "cli", "account-disabled", "login=" + login));
        }
        return done;
    }

    /** The outcome of one step of a sign-in. */
    public sealed interface Outcome {
        record Accepted(ConsoleAccount account) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        /** Too soon after a wrong attempt: nothing was checked. */
        record Wait(long seconds) implements Outcome {
        }
    }

    /** The password step. */
    public Outcome checkPassword(String login, char[] password) {
        Optional<ConsoleAccount> found = login == null ? Optional.empty() : store.account(login);
        if (found.isEmpty() || found.get().disabled()) {
            if (nobody == null) {
                nobody = hasher.hash("-".toCharArray());
            }
            PasswordHasher.matches(password, nobody);
            store.audit(new AuditEntry(clock.millis(), found.isPresent() ? login : "-", "sign-in-refused",
                    found.isPresent() ? "account disabled" : "unknown login"));
            return new Outcome.Refused();
        }
        ConsoleAccount account = found.get();
        OptionalLong wait = waitFor(account);
        if (wait.isPresent()) {
            store.audit(new AuditEntry(clock.millis(), login, "sign-in-delayed", "wait=" + wait.getAsLong() + "s"));
            return new Outcome.Wait(wait.getAsLong());
        }
        if (!PasswordHasher.matches(password, account.password())) {
            store.recordAttempt(login, true, clock.millis());
            store.audit(new AuditEntry(clock.millis(), login, "sign-in-refused", "wrong password"));
            return new Outcome.Refused();
        }
        if (!account.needsSecondFactor()) {
            store.recordAttempt(login, false, clock.millis());
            store.audit(new AuditEntry(clock.millis(), login, "sign-in", "password"));
        } else {
            store.audit(new AuditEntry(clock.millis(), login, "sign-in-password-accepted", "second factor next"));
        }
        return new Outcome.Accepted(account);
    }

    /** The second step, for an account whose password was just accepted. */
    public Outcome checkCode(String login, String code) {
        Optional<ConsoleAccount> found = store.account(login);
        if (found.isEmpty() || found.get().disabled() || !found.get().needsSecondFactor()) {
            return new Outcome.Refused();
        }
        ConsoleAccount account = found.get();
        OptionalLong wait = waitFor(account);
        if (wait.isPresent()) {
            store.audit(new AuditEntry(clock.millis(), login, "sign-in-delayed", "wait=" + wait.getAsLong() + "s"));
            return new Outcome.Wait(wait.getAsLong());
        }
        OptionalLong step = Totp.matchingStep(account.totpSecret(), code, clock.millis());
        if (step.isEmpty() || !store.useTotpStep(login, step.getAsLong())) {
            store.recordAttempt(login, true, clock.millis());
            store.audit(new AuditEntry(clock.millis(), login, "sign-in-refused",
                    step.isEmpty() ? "wrong code" : "code already used"));
            return new Outcome.Refused();
        }
        store.recordAttempt(login, false, clock.millis());
        store.audit(new AuditEntry(clock.millis(), login, "sign-in", "password+totp"));
        return new Outcome.Accepted(account);
    }

    /**
     * Changes a signed-in person's password: the current one must be right (a wrong one counts as a wrong sign-in
     * attempt: same growing delay), the new one {@link #MIN_PASSWORD_LENGTH} characters at least, typed twice the same,
     * and different from the current one. Once changed, the account's other sessions end (a browser left signed in
     * elsewhere, perhaps by whoever knew the old password): all but {@code keptSession}, the id hash of the session
     * that asked. Returns null when done, else the French reason; journaled either way, with the sessions ended.
     */
    public String changePassword(String login, char[] current, char[] replacement, char[] confirmation,
                                 String keptSession) {
        Optional<ConsoleAccount> found = store.account(login);
        if (found.isEmpty() || found.get().disabled()) {
            return "Compte inconnu ou désactivé.";
        }
        OptionalLong wait = waitFor(found.get());
        if (wait.isPresent()) {
            store.audit(new AuditEntry(clock.millis(), login, "password-change-refused", "wait=" + wait.getAsLong()
                    + "s"));
            return "Trop d’essais pour ce compte\u00a0: réessayez dans " + wait.getAsLong()
                    + (wait.getAsLong() == 1 ? " seconde." : " secondes.");
        }
        if (!PasswordHasher.matches(current, found.get().password())) {
            store.recordAttempt(login, true, clock.millis());
            store.audit(new AuditEntry(clock.millis(), login, "password-change-refused", "wrong current password"));
            return "Le mot de passe actuel n’est pas le bon.";
        }
        String problem = replacement.length < MIN_PASSWORD_LENGTH ? "Nouveau mot de passe trop court\u00a0: "
                + MIN_PASSWORD_LENGTH + " caractères au moins."
                : !java.util.Arrays.equals(replacement, confirmation) ? "Les deux saisies du nouveau mot de passe "
                + "diffèrent."
                : java.util.Arrays.equals(replacement, current) ? "Le nouveau mot de passe est celui d’aujourd’hui\u00a0:"
                + " choisissez-en un autre." : null;
        if (problem != null) {
            store.audit(new AuditEntry(clock.millis(), login, "password-change-refused", "new password rejected"));
            return problem;
        }
        store.recordAttempt(login, false, clock.millis());
        int ended = store.changePassword(login, hasher.hash(replacement), keptSession);
        store.audit(new AuditEntry(clock.millis(), login, "password-changed", "other-sessions-ended="
                + Math.max(0, ended)));
        return null;
    }

    /** Seconds still to wait before this account may try again, if any. */
    OptionalLong waitFor(ConsoleAccount account) {
        if (account.failedAttempts() == 0 || account.lastFailureAt() == null) {
            return OptionalLong.empty();
        }
        long delay = delaySeconds(account.failedAttempts());
        long remaining = account.lastFailureAt() + delay * 1000 - clock.millis();
        return remaining > 0 ? OptionalLong.of((remaining + 999) / 1000) : OptionalLong.empty();
    }

    /** 1 s after the first wrong attempt, doubling each time, at most {@link #MAX_DELAY_SECONDS}. */
    static long delaySeconds(int failures) {
        return failures >= 11 ? MAX_DELAY_SECONDS : Math.min(MAX_DELAY_SECONDS, 1L << (failures - 1));
    }
}
