package fr.convergence.terrain.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Which database refusals the hub answers with a 503 that laptops retry (nothing written, try later), and which stay
 * errors: a refused write for want of room, resources or the right to write is the first; a broken rule is not.
 */
class StorageRefusalTest {

    @Test
    void roomResourcesAndReadOnlyAreRefusalsToRetry() {
        assertThat(StorageRefusal.of(new SQLException("could not extend file", "53100"))).contains("SQLSTATE 53100");
        assertThat(StorageRefusal.of(new SQLException("too many connections", "53300"))).contains("SQLSTATE 53300");
        assertThat(StorageRefusal.of(new SQLException("read-only transaction", "25006"))).contains("SQLSTATE 25006");
        assertThat(StorageRefusal.of(new IllegalStateException("write failed",
                new SQLException("[SQLITE_FULL] Insertion failed because database is full (database or disk is full)"))))
                .contains("SQLITE_FULL");
        assertThat(StorageRefusal.of(new SQLException("[SQLITE_READONLY] Attempt to write a readonly database")))
                .contains("SQLITE_READONLY");
    }

    @Test
    void aBrokenRuleOrABusyDatabaseIsNotOne() {
        assertThat(StorageRefusal.of(new SQLException("duplicate key value", "23505"))).isEmpty();
        assertThat(StorageRefusal.of(new SQLException("[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed")))
                .isEmpty();
        // A locked SQLite file is waited for and retried by the hub's store itself, not sent back to the laptop.
        assertThat(StorageRefusal.of(new SQLException("[SQLITE_BUSY] The database file is locked"))).isEmpty();
        assertThat(StorageRefusal.of(new IllegalArgumentException("no database at all"))).isEmpty();
        assertThat(StorageRefusal.MESSAGE).contains("espace disque plein", "lecture seule", "surchargée",
                "restent sur ce poste");
    }
}
