package fr.convergence.terrain.core.account;

import java.time.Duration;

/**
 * A sign-in tried before the delay that follows wrong passwords has run out: refused without checking the password,
 * with the time to wait in the message (the sign-in screen and the command line show it as it is).
 */
public final class SignInDelayedException extends AccessDeniedException {

    private final Duration remaining;

    public SignInDelayedException(Duration remaining) {
        super("Mot de passe erroné plusieurs fois\u00a0: attendez " + seconds(remaining) + " s avant de réessayer.");
        this.remaining = remaining;
    }

    /** How long before the next try is checked. */
    public Duration remaining() {
        return remaining;
    }

    /** Whole seconds, rounded up: "attendez 0 s" would be a lie. */
    public static long seconds(Duration remaining) {
        return Math.max(1, (remaining.toMillis() + 999) / 1000);
    }
}
