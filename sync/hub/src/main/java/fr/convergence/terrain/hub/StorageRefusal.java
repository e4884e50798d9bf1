package fr.convergence.terrain.hub;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The database refusing to write for want of room, of resources or of the right to write: SQLite's
 * {@code SQLITE_FULL}, {@code SQLITE_READONLY} and {@code SQLITE_IOERR}, PostgreSQL's class 53 (insufficient
 * resources: {@code 53100} disk full, {@code 53200} out of memory, {@code 53300} too many connections…) and
 * {@code 25006} (a read-only transaction, on a standby). The transaction was rolled back, so nothing of the request is
 * written; the hub answers 503 with a {@code Retry-After} and the laptop keeps its changes and sends them again, once
 * the administrator has made room or the load has passed (docs/hub-operations.md). The message names all of these:
 * the laptop cannot tell them apart, the hub's log does.
 */
final class StorageRefusal {

    /** What the laptop waits before trying again: the time an administrator needs to see the alert and act. */
    static final long RETRY_AFTER_SECONDS = 300;

    /** Said to the laptop, which shows it: nothing is lost on its side. */
    static final String MESSAGE = "Le hub ne peut pas enregistrer pour l'instant (espace disque plein, base en "
            + "lecture seule ou surchargée) : rien n'a été enregistré, les modifications restent sur ce poste et "
            + "seront envoyées à la prochaine synchronisation. Prévenez l'administration du hub si cela dure.";

    private StorageRefusal() {
    }

    /** Why the database refused, for the hub's log, if {@code error} is such a refusal. */
    static Optional<String> of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("53") || state.equals("25006"))) {
                    return Optional.of("SQLSTATE " + state);
                }
            }
            String message = String.valueOf(cause.getMessage());
            for (String code : new String[] {"[SQLITE_FULL", "[SQLITE_READONLY", "[SQLITE_IOERR"}) {
                if (message.contains(code)) {
                    return Optional.of(code.substring(1));
                }
            }
        }
        return Optional.empty();
    }
}
