package fr.convergence.terrain.app.cli;

/**
 * A command that must act as a person could not sign in (no account named, no password, a wrong one, the delay after
 * wrong ones): its French message is printed as it is and the command exits with {@link #exitCode()}, before reading
 * anything.
 */
final class SignInRefusedException extends RuntimeException {

    private final int exitCode;

    SignInRefusedException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
