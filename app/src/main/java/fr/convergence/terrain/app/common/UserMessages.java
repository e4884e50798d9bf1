package fr.convergence.terrain.app.common;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.audit.AuditAccessDeniedException;
import fr.convergence.terrain.core.store.StoreException;

/** Turns a failure into a sentence a user can act on; never a stack trace. */
public final class UserMessages {

    private UserMessages() {
    }

    public static String of(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && !(cause instanceof AccessDeniedException)
                && !(cause instanceof StoreException) && !(cause instanceof AuditAccessDeniedException)) {
            cause = cause.getCause();
        }
        if (cause instanceof AccessDeniedException || cause instanceof StoreException
                || cause instanceof AuditAccessDeniedException) {
            return cause.getMessage();
        }
        if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank() && Character.isUpperCase(message.charAt(0))) {
                return I18n.t("error.withDetail", message);
            }
        }
        return I18n.t("error.unexpected");
    }
}
