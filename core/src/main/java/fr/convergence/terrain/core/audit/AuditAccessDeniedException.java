package fr.convergence.terrain.core.audit;

/**
 * Someone other than a coordinator or an administrator asked for the journal. Not the account package's
 * AccessDeniedException: account records into the journal, so the journal cannot depend on account.
 */
public final class AuditAccessDeniedException extends RuntimeException {

    public AuditAccessDeniedException(String message) {
        super(message);
    }
}
