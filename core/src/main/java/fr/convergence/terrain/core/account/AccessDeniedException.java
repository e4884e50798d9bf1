package fr.convergence.terrain.core.account;

/** The user asked for something outside their worksites; the message says so in French. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
