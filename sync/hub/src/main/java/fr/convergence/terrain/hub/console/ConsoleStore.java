package fr.convergence.terrain.hub.console;

import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.hub.sync.DeviceReport;
import fr.convergence.terrain.hub.sync.SyncExchange;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the console keeps in the hub's database (so that several hub processes on one PostgreSQL share accounts,
 * sessions and the delay after wrong passwords). Each call is its own transaction.
 */
public interface ConsoleStore {

    /** Adds an account; false if the login is taken. */
    boolean addAccount(ConsoleAccount account);

    Optional<ConsoleAccount> account(String login);

    List<ConsoleAccount> accounts();

    /** Disables the account and ends its sessions; false if unknown. */
    boolean disableAccount(String login, long millis);

    /** Records a wrong password or code (count and time), or clears them when {@code failed} is false. */
    void recordAttempt(String login, boolean failed, long millis);

    /**
     * Marks the TOTP step as used if it is after the last one used; false when it is not (a replayed code).
     */
    boolean useTotpStep(String login, long step);

    void addSession(ConsoleSession session);

    Optional<ConsoleSession> session(String idHash);

    void touchSession(String idHash, long millis);

    void deleteSession(String idHash);

    /** Deletes sessions idle since before {@code millis}. */
    int deleteSessionsIdleSince(long millis);

    void audit(AuditEntry entry);

    /** The most recent entries first. */
    List<AuditEntry> auditJournal(int limit);

    /** Entries in {@code scope}, most recent first, skipping {@code offset}. */
    List<AuditEntry> auditJournal(AuditScope scope, int offset, int limit);

    /** How many entries of the journal are in {@code scope}. */
    int auditCount(AuditScope scope);

    /**
     * Replaces the account's password and ends its other sessions — every one but {@code keptSession} (an id hash;
     * null: none kept) —, in one transaction. Returns how many sessions it ended, or -1 if the login is unknown.
     */
    int changePassword(String login, PasswordHasher.PasswordHash password, String keptSession);

    /** What each laptop last said of itself, by device id. */
    Map<String, DeviceReport> deviceReports();

    /** Refusals the hub keeps for each device until its laptop has recorded them, by device id. */
    Map<String, Backlog> waitingRejections();

    /** The device's last exchanges, most recent first. */
    List<SyncExchange> syncHistory(String deviceId, int limit);

    /** Conflicts not yet resolved, by worksite id (oldest: when the hub recorded it). */
    Map<String, Backlog> openConflicts();

    /** Tombstones still kept (oldest: when the row was deleted). */
    Backlog tombstones();

    /** The kind of database the hub runs on, as people name it: «&nbsp;PostgreSQL&nbsp;», «&nbsp;SQLite&nbsp;». */
    String databaseKind();

    /** Every worksite the hub knows, with its territory. */
    List<WorksiteInfo> allWorksites();
}
